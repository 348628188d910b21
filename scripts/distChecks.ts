// What `npm run dist` needs for each installer, checked before electron-builder starts: a missing
// piece is named with where to get it, rather than surfacing as a download or signing error
// halfway through a build.
import { feedUrlProblem } from '../electron/app/desktop/updatePolicy';

export type Target = 'linux' | 'win' | 'mac';

export interface DistFacts {
  host: NodeJS.Platform;
  arch: string;
  targets: Target[];
  env: Record<string, string | undefined>;
  electronVersion: string;
  /** Electron zips (electron-v45.4.1-linux-x64.zip, …) found in Electron's download cache. */
  cachedElectronZips: string[];
  electronCache: string;
  hasWine: boolean;
}

export interface Finding {
  /** `missing` stops the build; `download` and `unsigned` are said and the build goes on. */
  level: 'missing' | 'download' | 'unsigned';
  what: string;
  fix: string;
}

const PLATFORM: Record<Target, string> = { linux: 'linux', win: 'win32', mac: 'darwin' };

/** The update feed, `none` to build without updates. */
export const NO_FEED = 'none';

export function distFindings(facts: DistFacts): Finding[] {
  const found: Finding[] = [];
  const { env } = facts;
  const feed = env.WXACODE_UPDATE_URL;
  if (!feed) {
    found.push({
      level: 'missing',
      what: 'WXACODE_UPDATE_URL is not set: the installed app would not know where to look for updates.',
      fix: `Set WXACODE_UPDATE_URL to the https:// folder where latest.yml and the installers will be uploaded, or to "${NO_FEED}" to build an app without updates.`,
    });
  } else if (feed !== NO_FEED) {
    const problem = feedUrlProblem(feed);
    if (problem)
      found.push({ level: 'missing', what: problem, fix: 'Give the https:// address of the update folder.' });
  }

  const signingRequired = env.WXACODE_REQUIRE_SIGNING === '1';
  for (const target of facts.targets) {
    if (target === 'mac' && facts.host !== 'darwin') {
      found.push({
        level: 'missing',
        what: 'A macOS .dmg can only be built (and signed) on macOS.',
        fix: 'Run `npm run dist -- --mac` on a Mac.',
      });
    }
    if (target === 'win' && facts.host !== 'win32' && !facts.hasWine) {
      found.push({
        level: 'missing',
        what: 'Building the Windows installer on Linux or macOS needs Wine (electron-builder runs rcedit to put the icon and version into the .exe).',
        fix: 'Install Wine (`apt-get install wine` on Debian/Ubuntu, `brew install --cask wine-stable` on macOS), or build on Windows.',
      });
    }
    const zip = `electron-v${facts.electronVersion}-${PLATFORM[target]}-${facts.arch}.zip`;
    if (!facts.cachedElectronZips.includes(zip)) {
      found.push({
        level: 'download',
        what: `${zip} is not in Electron's cache (${facts.electronCache}): electron-builder will download it (about 110 MB), and its packaging tools (NSIS, AppImage) from github.com/electron-userland/electron-builder-binaries on first use.`,
        fix: `Let it reach github.com, or set ELECTRON_MIRROR and ELECTRON_BUILDER_BINARIES_MIRROR to a mirror you trust, or put ${zip} from github.com/electron/electron/releases/tag/v${facts.electronVersion} into ${facts.electronCache}.`,
      });
    }
    const signing = signingFinding(target, env);
    if (signing) found.push({ ...signing, level: signingRequired ? 'missing' : 'unsigned' });
  }
  return found;
}

function signingFinding(target: Target, env: DistFacts['env']): Omit<Finding, 'level'> | undefined {
  if (target === 'mac') {
    const missing = ['CSC_LINK', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'].filter(
      (name) => !env[name],
    );
    if (missing.length === 0) return undefined;
    return {
      what: `The macOS app will not be signed and notarised (${missing.join(', ')} not set): Gatekeeper will refuse to open it.`,
      fix: 'Set CSC_LINK (a Developer ID Application .p12, base64 or path) and CSC_KEY_PASSWORD, and APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID for notarisation.',
    };
  }
  if (target === 'win' && !env.WIN_CSC_LINK && !env.CSC_LINK) {
    return {
      what: 'The Windows installer will not be signed (WIN_CSC_LINK not set): SmartScreen will warn whoever runs it.',
      fix: 'Set WIN_CSC_LINK to a code signing certificate (.pfx) and WIN_CSC_KEY_PASSWORD.',
    };
  }
  return undefined;
}

/** The findings as the terminal shows them, the ones that stop the build first. */
export function describeFindings(findings: readonly Finding[]): string {
  const order = { missing: 0, unsigned: 1, download: 2 } as const;
  const label = { missing: 'MISSING', unsigned: 'UNSIGNED', download: 'DOWNLOAD' } as const;
  return [...findings]
    .sort((a, b) => order[a.level] - order[b.level])
    .map((f) => `${label[f.level]}: ${f.what}\n  → ${f.fix}`)
    .join('\n');
}
