import { appError, type ErrorCode } from '../../shared/errors';
import { type AppError, Failure } from '../../shared/result';

/** The CLI's promise to scripts: 0 done, 2 bad input (nothing sent), 3 WeChat said no, 4 anything else. */
export const EXIT = { ok: 0, input: 2, wechat: 3, other: 4 } as const;

const REFUSED_BEFORE_SENDING: ReadonlySet<ErrorCode> = new Set(['field', 'quota', 'busy']);

export function exitCodeFor(error: AppError): number {
  // A batch the quota cannot cover, or one another process is running, is refused before anything
  // is sent, like invalid input.
  if (REFUSED_BEFORE_SENDING.has(error.code)) return EXIT.input;
  if (error.code === 'wechat') return EXIT.wechat;
  return EXIT.other;
}

/** Turns anything thrown into the user-facing error; unexpected throws never leak their internals as-is. */
export function asAppError(caught: unknown): AppError {
  if (caught instanceof Failure) return caught.error;
  return appError('internal', { detail: caught instanceof Error ? caught.message : String(caught) });
}
