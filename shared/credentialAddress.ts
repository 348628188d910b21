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

export type CredentialField = 'apiBase' | 'url';

export interface AddressProblem {
  field: CredentialField;
  message: Localized;
  hint: Localized;
}

const WHAT: Record<CredentialField, Localized & { example: string }> = {
  apiBase: { en: 'The API server', zh: '接口服务器', example: 'https://api.weixin.qq.com' },
  url: {
    en: 'The token service URL',
    zh: '令牌服务地址',
    example: 'https://tokens.example.com/wechat/token',
  },
};

/**
 * Why `raw` may not receive a credential, with the fix; undefined when it may. `name`: what the
 * texts call the address, where the user typed it other than in the form (a CLI flag).
 */
export function credentialAddressProblem(
  field: CredentialField,
  raw: string,
  name?: string,
): AddressProblem | undefined {
  const what = name ? { ...WHAT[field], en: name, zh: `${name} ` } : WHAT[field];
  const url = URL.canParse(raw.trim()) ? new URL(raw.trim()) : undefined;
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    return {
      field,
      message: {
        en: `${what.en} must be a full https:// address.`,
        zh: `${what.zh}必须是完整的 https:// 地址。`,
      },
      hint: {
        en: `Enter it in full, such as ${what.example}.`,
        zh: `请填写完整地址，例如 ${what.example}。`,
      },
    };
  }
  if (url.username || url.password) {
    return {
      field,
      message: {
        en: `${what.en} contains a user name or password, which would be stored in plain text.`,
        zh: `${what.zh}中含有用户名或密码，会以明文保存。`,
      },
      hint: {
        en: 'Remove it from the address; a token service’s key goes in the Credential field, which is kept in the system keychain.',
        zh: '请从地址中删去；令牌服务的密钥请填到“凭据”一栏，它保存在系统钥匙串中。',
      },
    };
  }
  if (!mayCarryCredential(url)) {
    return {
      field,
      message: {
        en: `${what.en} uses http://, which would send the AppSecret or token unencrypted to ${url.host}.`,
        zh: `${what.zh}使用 http://，会把 AppSecret 或令牌未加密地发送到 ${url.host}。`,
      },
      hint: {
        en: `Use https://${url.host}${url.pathname === '/' ? '' : url.pathname}; plain http:// is only for this computer (127.0.0.1, localhost).`,
        zh: `请改用 https://${url.host}${url.pathname === '/' ? '' : url.pathname}；http:// 仅限本机（127.0.0.1、localhost）。`,
      },
    };
  }
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
