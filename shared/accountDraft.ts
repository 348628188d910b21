import { isAppId } from './appId';
import { type CredentialField, credentialAddressProblem } from './credentialAddress';
import { badAccountName, badAppId } from './errors/accounts';
import type { AppError } from './result';

/**
 * The rules for an account's own fields, for the account form as it is typed and for the account
 * store before it saves: one rule, one text, so the form says what a save would say. Whether a name
 * or AppID is taken by another account, and the keychain, are the store's alone to check.
 */

/** Long enough for any mini program's name, short enough for the account list. */
export const MAX_ACCOUNT_NAME = 100;

export type AccountDraftField = 'name' | 'appId' | CredentialField;
export type AccountDraftProblem = AppError & { field: AccountDraftField };

/** An account's fields as the form or the CLI gives them. */
export interface AccountDraftFields {
  name: string;
  appId: string;
  source: { kind: 'secret' } | { kind: 'token-url'; url: string } | { kind: 'sandbox' };
  apiBase?: string;
}

export function nameProblem(name: string): AccountDraftProblem | undefined {
  const trimmed = name.trim();
  if (trimmed && trimmed.length <= MAX_ACCOUNT_NAME) return undefined;
  return { ...badAccountName(), field: 'name' };
}

export function appIdProblem(appId: string): AccountDraftProblem | undefined {
  return isAppId(appId) ? undefined : { ...badAppId(appId.trim()), field: 'appId' };
}

/** Where a credential would travel: https, or plain http to this computer only (credentialAddress.ts). */
export function addressProblem(field: CredentialField, raw: string): AccountDraftProblem | undefined {
  const problem = credentialAddressProblem(field, raw);
  return problem && { code: 'field', ...problem, retryable: false };
}

/** Every problem of the draft's own fields, in the form's order. */
export function accountDraftProblems(draft: AccountDraftFields): AccountDraftProblem[] {
  const problems = [
    nameProblem(draft.name),
    appIdProblem(draft.appId),
    draft.source.kind === 'token-url' ? addressProblem('url', draft.source.url) : undefined,
    draft.apiBase?.trim() ? addressProblem('apiBase', draft.apiBase) : undefined,
  ];
  return problems.filter((problem) => problem !== undefined);
}
