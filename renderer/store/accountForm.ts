import type { AccountDraft, AccountView } from '../../shared/ipc';
import type { MessageKey } from '../i18n';

/** The account editor's fields as typed. Secrets are not here: they never enter app state. */
export interface AccountForm {
  id?: string;
  name: string;
  appId: string;
  sourceKind: 'secret' | 'token-url' | 'sandbox';
  url: string;
  apiBase: string;
}

export interface FormProblem {
  message: MessageKey;
  hint: MessageKey;
}

export type AccountFormField = 'name' | 'appId' | 'url' | 'apiBase' | 'secret';
export type AccountProblems = Partial<Record<AccountFormField, FormProblem>>;

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

// As WeChat issues them (and the account store checks): wx and 16 hexadecimal characters.
const APP_ID = /^wx[0-9a-f]{16}$/i;
const isWebAddress = (text: string): boolean => {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
};

/** `secretGiven`: a secret was typed now, or one is already in the keychain. */
export function accountProblems(form: AccountForm, secretGiven: boolean): AccountProblems {
  const problems: AccountProblems = {};
  if (!form.name.trim()) problems.name = { message: 'requiredName', hint: 'requiredNameHint' };
  if (form.sourceKind === 'sandbox') return problems;
  if (!APP_ID.test(form.appId.trim())) problems.appId = { message: 'badAppId', hint: 'badAppIdHint' };
  if (form.sourceKind === 'token-url' && !isWebAddress(form.url.trim())) {
    problems.url = { message: 'badUrl', hint: 'badUrlHint' };
  }
  if (form.sourceKind === 'secret' && !secretGiven)
    problems.secret = { message: 'needSecret', hint: 'needSecretHint' };
  if (form.apiBase.trim() && !isWebAddress(form.apiBase.trim())) {
    problems.apiBase = { message: 'badUrl', hint: 'badUrlHint' };
  }
  return problems;
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
