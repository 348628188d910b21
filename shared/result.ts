import type { ErrorCode } from './errors/code';

/** Text shown to a person, in both languages the app speaks. */
export interface Localized {
  en: string;
  zh: string;
}

/**
 * Everything the user needs to understand a failure and fix it. Crosses IPC as plain data
 * (Electron keeps only `message` of a thrown Error), so it carries no class and no secret.
 */
export interface AppError {
  /** What kind of failure, from a closed list (errors/code.ts). */
  code: ErrorCode;
  message: Localized;
  hint: Localized;
  /** For bad input: the field at fault, as the form and the CLI name it (`path`, `scene`, `width`, ...). */
  field?: string;
  /** For WeChat errors: the raw errcode and errmsg as WeChat sent them. */
  errcode?: number;
  errmsg?: string;
  /** Whether trying the same call again later may succeed. */
  retryable?: boolean;
}

export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

/**
 * Thrown inside the main process and the CLI; converted to a Result at the IPC boundary. `cause`
 * (a network error, ...) goes to the log for a supporter, never to the page.
 */
export class Failure extends Error {
  constructor(
    readonly error: AppError,
    options?: { cause?: unknown },
  ) {
    super(error.message.en, options);
    this.name = 'Failure';
  }
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = (error: AppError): Result<never> => ({ ok: false, error });
