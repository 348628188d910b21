import { createHash } from 'node:crypto';
import type { CodeRequest } from '../../../shared/codeRequest';

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
 * Identifies "the same code": one AppID, one validated request. Two requests with the same key
 * produce the same image, so the second one must not spend quota.
 */
export function requestKey(appId: string, request: CodeRequest): string {
  return createHash('sha256')
    .update(`${appId}\n${canonical(request)}`)
    .digest('hex');
}
