import { appError } from '../../../shared/errors';
import { Failure } from '../../../shared/result';

export const cancelled = (): Failure => new Failure(appError('cancelled'));

/**
 * Waits for work that other callers share (one token fetch, one API call for identical requests)
 * until it settles or this caller's signal aborts. The work itself goes on: one caller giving up
 * must not fail the others, and a limited code WeChat is making costs quota whether or not anyone
 * waits for it (the library keeps it when it arrives).
 */
export function abortable<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(cancelled());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(cancelled());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
