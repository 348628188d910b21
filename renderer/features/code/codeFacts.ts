import type { CodeKind, CodeRequest } from '../../../shared/codeRequest';
import type { AccountView, LibraryEntryView } from '../../../shared/ipc/channels';
import type { Lang, MessageKey, Translate } from '../../i18n';

/** A stored code described in the user's words, for History's list and its detail. */

export const KIND_LABELS: Record<CodeKind, MessageKey> = {
  limited: 'kindLimited',
  unlimited: 'kindUnlimited',
  qrcode: 'kindQrcode',
};

/** What scanning the code opens: the page path, or the page (home when empty) and the scene it carries. */
export function targetOf(t: Translate, request: CodeRequest): { page: string; scene?: string } {
  if (request.kind !== 'unlimited') return { page: request.path };
  return { page: request.page || t('historyHomePage'), scene: t('historyScene', { scene: request.scene }) };
}

/** The same in one line, for an image's text alternative. */
export function targetText(t: Translate, request: CodeRequest): string {
  const { page, scene } = targetOf(t, request);
  return scene ? `${page} ${scene}` : page;
}

/** The account's name; its AppID when the account has been removed since. */
export function accountOf(t: Translate, accounts: AccountView[], entry: LibraryEntryView): string {
  return (
    accounts.find((a) => a.id === entry.accountId)?.name ?? t('historyRemovedAccount', { appId: entry.appId })
  );
}

export function madeAt(lang: Lang, iso: string): string {
  return new Date(iso).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}
