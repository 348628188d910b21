import { accountDraftProblems } from '../../../shared/accountDraft';
import { credentialDestination } from '../../../shared/credentialAddress';
import type { AccountDraft, AccountView } from '../../../shared/ipc/channels';
import type { FieldProblem } from '../../ui/LabelledField';

/** The account editor's fields as typed. Secrets are not here: they never enter app state. */
export interface AccountForm {
  id?: string;
  name: string;
  appId: string;
  sourceKind: 'secret' | 'token-url' | 'sandbox';
  url: string;
  apiBase: string;
}

export type AccountFormField = 'name' | 'appId' | 'url' | 'apiBase' | 'secret';
export type AccountProblems = Partial<Record<AccountFormField, FieldProblem>>;

export function formOf(account: AccountView | undefined): AccountForm {
  if (!account) return { name: '', appId: '', sourceKind: 'secret', url: '', apiBase: '' };
  return {
    id: account.id,
    name: account.name,
    appId: account.appId,
    sourceKind: account.source.kind,
    url: account.source.kind === 'token-url' ? account.source.url : '',
    apiBase: account.apiBase ?? '',
  };
}

/** `secretGiven`: a secret was typed now, or one is already in the keychain and stays there. */
export function accountProblems(form: AccountForm, secretGiven: boolean): AccountProblems {
  const problems: AccountProblems = {};
  for (const problem of accountDraftProblems(draftOf(form))) {
    // The sandbox account's AppID is not shown in the form: there is nothing to fix there.
    if (problem.field === 'appId' && form.sourceKind === 'sandbox') continue;
    problems[problem.field] = problem;
  }
  if (form.sourceKind === 'secret' && !secretGiven)
    problems.secret = { message: 'needSecret', hint: 'needSecretHint' };
  return problems;
}

/**
 * Whether saving the form drops the account's stored AppSecret or credential: it points them at
 * another API base or token service (the store then asks for them again, see accounts.ts).
 */
export function movesCredential(form: AccountForm, account: AccountView | undefined): boolean {
  if (!account) return false;
  const tokenUrl = (kind: AccountForm['sourceKind'], url: string) => (kind === 'token-url' ? url : undefined);
  const saved = account.source.kind === 'token-url' ? account.source.url : '';
  return (
    credentialDestination(form.apiBase, tokenUrl(form.sourceKind, form.url)) !==
    credentialDestination(account.apiBase, tokenUrl(account.source.kind, saved))
  );
}

export function draftOf(form: AccountForm): AccountDraft {
  const source: AccountDraft['source'] =
    form.sourceKind === 'token-url' ? { kind: 'token-url', url: form.url.trim() } : { kind: form.sourceKind };
  return {
    ...(form.id ? { id: form.id } : {}),
    name: form.name.trim(),
    appId: form.appId.trim(),
    source,
    ...(form.apiBase.trim() ? { apiBase: form.apiBase.trim() } : {}),
  };
}
