import { createHash } from 'node:crypto';
import type { CodeRequest } from '../../../shared/codeRequest';
import { requestIdentity } from '../../../shared/requestIdentity';

/**
 * Identifies "the same code": one AppID, one validated request. Two requests with the same key
 * produce the same image, so the second one must not spend quota.
 */
export function requestKey(appId: string, request: CodeRequest): string {
  return createHash('sha256')
    .update(`${appId}\n${requestIdentity(request)}`)
    .digest('hex');
}
