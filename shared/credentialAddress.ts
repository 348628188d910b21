import { type CredentialField, notFullAddress, plainHttpAddress, userInfoInAddress } from './errors/accounts';
import type { Localized } from './result';

/**
 * Where a credential may travel, for the account form, the account store, the CLI and the HTTP
 * client alike: an AppSecret, a token service's bearer and an access_token go over https, or over
 * plain http only to this machine (the sandbox), where nothing on the way can read them.
 */

/** WeChat's own API: where an account's calls go unless it names another API base. */
export const WECHAT_API_BASE = 'https://api.weixin.qq.com';

const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/** This machine, as a URL's hostname names it (URL normalises 127.1 and the like to 127.0.0.1). */
export const isLoopbackHost = (hostname: string): boolean => LOOPBACK_HOST.test(hostname);

/** Whether a credential may be sent to `url`: over https, or over plain http to this machine only. */
export const mayCarryCredential = (url: URL): boolean =>
  url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));

export type { CredentialField };

export interface AddressProblem {
  field: CredentialField;
  message: Localized;
  hint: Localized;
}

/**
 * Why `raw` may not receive a credential, with the fix; undefined when it may. `name`: what the
 * texts call the address, where the user typed it other than in the form (a CLI flag).
 */
export function credentialAddressProblem(
  field: CredentialField,
  raw: string,
  name?: string,
): AddressProblem | undefined {
  const url = URL.canParse(raw.trim()) ? new URL(raw.trim()) : undefined;
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:')
    return { field, ...notFullAddress(field, name) };
  if (url.username || url.password) return { field, ...userInfoInAddress(field, name) };
  if (!mayCarryCredential(url)) return { field, ...plainHttpAddress(field, url, name) };
  return undefined;
}

/**
 * The API base as stored and compared: without trailing slashes, and none at all for WeChat's own,
 * so that only another server is ever shown ("codes for this account go through …").
 */
export function storedApiBase(raw: string | undefined): string | undefined {
  const trimmed = raw?.trim().replace(/\/+$/, '');
  if (!trimmed || !URL.canParse(trimmed)) return trimmed || undefined;
  const href = new URL(trimmed).href.replace(/\/+$/, '');
  return href === WECHAT_API_BASE ? undefined : href;
}

/** A token service's address without its query and fragment: what accounts.json keeps of it. */
export function addressWithoutQuery(raw: string): string {
  if (!URL.canParse(raw.trim())) return raw.trim();
  const url = new URL(raw.trim());
  url.search = '';
  url.hash = '';
  return url.href;
}

/**
 * Where an account's credentials go: the API base gets the AppSecret and every access_token, the
 * token service its bearer and query. A stored credential stays only while this stays the same,
 * so the form can ask for it again before a save that would drop it.
 */
export const credentialDestination = (apiBase: string | undefined, tokenUrl: string | undefined): string =>
  `${storedApiBase(apiBase) ?? ''} ${tokenUrl === undefined ? '' : addressWithoutQuery(tokenUrl)}`;
