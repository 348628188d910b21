import { parse as parseVersion } from 'semver';

/**
 * When the app looks for, fetches and installs a new version. electron-updater reads the feed
 * (latest.yml and its platform siblings) and downloads in the background; this decides what the
 * user is told and when, and holds the restart back while a batch runs: a restart mid-batch would
 * cut it short (it could be continued, but a batch of 50,000 codes should not stop for an update).
 */

/** What electron-updater's check answered: whether the feed's version is newer, and which it is. */
export interface CheckAnswer {
  isUpdateAvailable: boolean;
  version: string;
}

export type CheckStep =
  | { kind: 'download'; version: string }
  /** Only said when the user asked (the menu); the check at start stays quiet. */
  | { kind: 'up-to-date'; version: string }
  | { kind: 'nothing' };

export type ReadyStep = { kind: 'prompt'; version: string } | { kind: 'wait-for-batch'; version: string };

export type RestartStep = { kind: 'install' } | { kind: 'wait-for-batch' } | { kind: 'nothing' };

/**
 * The update's path through one app session: checked → downloaded → restart offered (now, or once
 * the running batch has ended) → installed on the user's word, never while a batch runs.
 */
export class UpdateFlow {
  private ready?: string;
  private waitingForBatch = false;

  constructor(private readonly currentVersion: string) {}

  /** The downloaded version waiting for a restart, for the menu's "Restart to Update". */
  get readyVersion(): string | undefined {
    return this.ready;
  }

  /**
   * After a check: download a newer version in the background. A pre-release is offered only to a
   * pre-release: a feed that carries a beta by mistake must not move every user onto it.
   */
  checked(answer: CheckAnswer, manual: boolean): CheckStep {
    const offered = parseVersion(answer.version);
    const offerable =
      answer.isUpdateAvailable &&
      offered !== null &&
      (offered.prerelease.length === 0 || (parseVersion(this.currentVersion)?.prerelease.length ?? 0) > 0);
    if (offerable && offered.version !== this.ready) return { kind: 'download', version: offered.version };
    return manual && !this.ready ? { kind: 'up-to-date', version: this.currentVersion } : { kind: 'nothing' };
  }

  /** The download is complete: offer the restart, unless a batch is running. */
  downloaded(version: string, batchRunning: boolean): ReadyStep {
    this.ready = version;
    this.waitingForBatch = batchRunning;
    return batchRunning ? { kind: 'wait-for-batch', version } : { kind: 'prompt', version };
  }

  /** A batch has ended: the restart held back for it is offered now. */
  batchEnded(): ReadyStep | undefined {
    if (!this.ready || !this.waitingForBatch) return undefined;
    this.waitingForBatch = false;
    return { kind: 'prompt', version: this.ready };
  }

  /** The user chose Restart (in the prompt or the menu): installed, unless a batch started meanwhile. */
  restartAsked(batchRunning: boolean): RestartStep {
    if (!this.ready) return { kind: 'nothing' };
    if (batchRunning) {
      this.waitingForBatch = true;
      return { kind: 'wait-for-batch' };
    }
    return { kind: 'install' };
  }
}

/**
 * The feed an installer is built with (WXACODE_UPDATE_URL): an https address, so an update cannot
 * be swapped on the way; plain http only on this machine, for trying a feed locally. Returns what is
 * wrong with it, or undefined when it will do.
 */
export function feedUrlProblem(url: string): string | undefined {
  if (!URL.canParse(url)) return `${url} is not a web address.`;
  const parsed = new URL(url);
  if (parsed.username || parsed.password)
    return 'The update feed address must not carry a user name or password.';
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && loopback)) return undefined;
  return `The update feed must be an https:// address (got ${parsed.protocol}//).`;
}
