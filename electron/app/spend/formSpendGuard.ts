import { appError } from '../../../shared/errors';
import { Failure } from '../../../shared/result';

/** New limited or square codes the form makes in a minute before main asks the user natively. */
export const FREE_FORM_CODES_PER_MINUTE = 5;
const MINUTE_MS = 60_000;

/**
 * Defence in depth for the Make-a-code form: a person makes a few limited codes a minute by hand,
 * a compromised page calling code:generate in a loop makes hundreds. From the 6th new limited or
 * square code within a minute for one AppID, the call waits for a yes in main's native dialog.
 *
 * A yes admits that one code and starts the count afresh: someone deliberately making a run of
 * codes by hand is asked once every six, not at every one (a question asked every time trains a
 * reflex click), while a page acting alone gets at most six codes per click of the user's.
 *
 * Calls that arrive while the question is open are refused as cancelled, not queued: the dialog
 * is modal, so they cannot be the user's own clicks, and queueing them would either let them all
 * share one yes or stack a dialog per call for the user to dismiss one by one.
 */
export class FormSpendGuard {
  /** When each recent paid call was let through, per AppID (the quota is the AppID's): the dialog shows the count. */
  private readonly made = new Map<string, number[]>();
  /** The calls let through since the last yes: these are what the free allowance counts. */
  private readonly sinceYes = new Map<string, number[]>();
  private readonly asking = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Resolves when one more paid call for `appId` may go ahead; `ask` gets how many this minute
   * (this one included) and shows the question. Fails with `cancelled` when the user says no or a
   * question for the AppID is already open; a refused call does not count.
   */
  async admit(appId: string, ask: (made: number) => Promise<boolean>): Promise<void> {
    if (this.asking.has(appId)) throw new Failure(appError('cancelled'));
    const at = this.now();
    const made = this.recent(this.made, appId, at);
    const free = this.recent(this.sinceYes, appId, at);
    if (free.length < FREE_FORM_CODES_PER_MINUTE) {
      made.push(at);
      free.push(at);
      return;
    }
    this.asking.add(appId);
    try {
      if (!(await ask(made.length + 1))) throw new Failure(appError('cancelled'));
    } finally {
      this.asking.delete(appId);
    }
    this.recent(this.made, appId, this.now()).push(at);
    this.sinceYes.set(appId, []);
  }

  /** The calls of the last minute in `calls`, stored back so the list stays short. */
  private recent(calls: Map<string, number[]>, appId: string, at: number): number[] {
    const kept = (calls.get(appId) ?? []).filter((t) => at - t < MINUTE_MS);
    calls.set(appId, kept);
    return kept;
  }
}
