import type { CodeRequest } from './codeRequest';

/** JSON with sorted keys, so the same request always serializes to the same bytes. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What makes two requests "the same code", for the form (is the preview still this request?) and
 * for the library (was this code made already?): equal requests give equal text, whatever order
 * their fields were built in, nested colours included.
 */
export const requestIdentity = (request: CodeRequest): string => canonical(request);

export const sameRequest = (a: CodeRequest, b: CodeRequest): boolean =>
  requestIdentity(a) === requestIdentity(b);
