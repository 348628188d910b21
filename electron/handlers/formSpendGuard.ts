import { appError } from '../../shared/errors';
import { Failure } from '../../shared/result';

/** New limited or square codes the form makes in a minute before main asks the user natively. */
export const FREE_FORM_CODES_PER_MINUTE = 5;
const MINUTE_MS = 60_000;

/**
 * Defence in depth for the Make-a-code form: a person makes a few limited codes a minute by hand,
 * a compromised page calling code:generate in a loop makes hundreds. From the 6th new limited or
 * square code within a minute for one AppID, the call waits for a yes in main's native dialog.
 *
 * A yes holds for the rest of that minute: someone deliberately making a run of codes by hand is
 * not asked at every one (a question asked every time trains a reflex click), while a page acting
 * alone meets the dialog again a minute later. Calls that arrive while the question is open wait
 * for its one answer rather than stacking dialogs.
 */
export class FormSpendGuard {
  /** When each recent paid call was let through, per AppID (the quota is the AppID's). */
  private readonly calls = new Map<string, number[]>();
  private readonly yesUntil = new Map<string, number>();
  private readonly asking = new Map<string, Promise<boolean>>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Resolves when one more paid call for `appId` may go ahead; `ask` gets how many this minute
   * (this one included) and shows the question. Fails with `cancelled` when the user says no; a
   * refused call does not count.
   */
  async admit(appId: string, ask: (made: number) => Promise<boolean>): Promise<void> {
    const at = this.now();
    const recent = (this.calls.get(appId) ?? []).filter((t) => at - t < MINUTE_MS);
    recent.push(at);
    this.calls.set(appId, recent);
    if (recent.length <= FREE_FORM_CODES_PER_MINUTE || (this.yesUntil.get(appId) ?? 0) > at) return;

    let answer = this.asking.get(appId);
    if (!answer) {
      answer = ask(recent.length)
        .then((yes) => {
          if (yes) this.yesUntil.set(appId, this.now() + MINUTE_MS);
          return yes;
        })
        .finally(() => this.asking.delete(appId));
      this.asking.set(appId, answer);
    }
    if (await answer) return;
    const counted = this.calls.get(appId) ?? [];
    const index = counted.lastIndexOf(at);
    if (index >= 0) counted.splice(index, 1);
    throw new Failure(appError('cancelled'));
  }
}
