import type { FailureGroup } from '../../../shared/batch';
import type { AppError } from '../../../shared/result';

/** The groups a progress report lists at most: a long tail of one-off errors would only push the rest away. */
const MOST_GROUPS = 10;

/** What a WeChat errcode, or else an error's code and field, says: rows failing alike share a group. */
export const failureKind = (error: AppError): string =>
  error.errcode !== undefined ? `wechat:${error.errcode}` : `${error.code}:${error.field ?? ''}`;

/** Failed rows counted by kind of error, for the live list in the progress panel. */
export class FailureGroups {
  private readonly groups = new Map<string, FailureGroup>();

  add(error: AppError): void {
    const kind = failureKind(error);
    const group = this.groups.get(kind);
    if (group) group.rows++;
    else this.groups.set(kind, { error, rows: 1 });
  }

  /** A row that had failed goes back to the queue. */
  remove(error: AppError): void {
    const kind = failureKind(error);
    const group = this.groups.get(kind);
    if (!group) return;
    group.rows--;
    if (group.rows <= 0) this.groups.delete(kind);
  }

  /** The most frequent first; copies, so a report already sent never changes. */
  list(): FailureGroup[] {
    return [...this.groups.values()]
      .sort((a, b) => b.rows - a.rows)
      .slice(0, MOST_GROUPS)
      .map((g) => ({ ...g }));
  }
}
