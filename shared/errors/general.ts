import { publicUrl, redact } from '../redact';
import type { AppError, Localized } from '../result';
import type { GeneralErrorCode } from './code';

// Failures that are not a WeChat errcode and not a field at fault: the network, the keychain, the
// token service, files, quota. Each entry fills its parameters into both languages.

export type ErrorParams = Record<string, string | number>;

interface Described {
  message: Localized;
  hint: Localized;
  retryable: boolean;
}

/** Each entry reads its params through `p`, which gives '' for a missing one. */
const APP_ERRORS: Record<GeneralErrorCode, (p: (key: string) => string) => Described> = {
  network: (p) => ({
    message: {
      en: `Could not reach ${p('url') || 'the WeChat API'}${p('detail') && ` (${p('detail')})`}.`,
      zh: `无法连接 ${p('url') || '微信接口'}${p('detail') && `（${p('detail')}）`}。`,
    },
    hint: {
      en: 'Check the internet connection and any proxy settings, then try again.',
      zh: '请检查网络连接和代理设置，然后重试。',
    },
    retryable: true,
  }),
  timeout: (p) => ({
    message: {
      en: `${p('url') || 'WeChat'} did not answer${p('seconds') ? ` within ${p('seconds')} seconds` : ' in time'}.`,
      zh: `${p('url') || '微信'}${p('seconds') ? `在 ${p('seconds')} 秒内` : '在规定时间内'}没有响应。`,
    },
    hint: {
      en: 'The connection may be slow or blocked by a proxy; try again in a moment.',
      zh: '网络可能较慢或被代理拦截；请稍后重试。',
    },
    retryable: true,
  }),
  'bad-response': (p) => ({
    message: {
      en: `WeChat answered with something that is neither an image nor an error${parenthesised(p)}.`,
      zh: `微信返回的内容既不是图片也不是错误信息${parenthesised(p)}。`,
    },
    hint: {
      en: 'This is usually a passing problem at WeChat or a proxy; nothing was saved. Try again in a moment.',
      zh: '这通常是微信或代理的临时问题；没有保存任何内容。请稍后重试。',
    },
    retryable: true,
  }),
  'keychain-unavailable': () => ({
    message: {
      en: 'No system keychain is available to keep the AppSecret.',
      zh: '没有可用的系统钥匙串来保存 AppSecret。',
    },
    hint: {
      en: 'On Linux, install and unlock GNOME Keyring or KWallet (Secret Service); or use a token service instead of an AppSecret.',
      zh: '在 Linux 上请安装并解锁 GNOME Keyring 或 KWallet（Secret Service）；或改用令牌服务，无需 AppSecret。',
    },
    retryable: false,
  }),
  'keychain-locked': () => ({
    message: { en: 'The system keychain is locked.', zh: '系统钥匙串已锁定。' },
    hint: {
      en: 'Unlock it (sign in again or open your keyring app), then try again.',
      zh: '请解锁（重新登录或打开钥匙串应用）后重试。',
    },
    retryable: false,
  }),
  'no-secret': (p) => ({
    message: {
      en: `No AppSecret is stored for AppID ${p('appId') || '(none chosen)'}.`,
      zh: `未保存 AppID ${p('appId') || '（未选择）'} 的 AppSecret。`,
    },
    hint: {
      en: 'Add it in Accounts, or run `wxacode account add`.',
      zh: '请在“账号”中添加，或运行 `wxacode account add`。',
    },
    retryable: false,
  }),
  'token-service': (p) => ({
    message: {
      en: `The token service${p('url') && ` at ${p('url')}`} failed${parenthesised(p)}.`,
      zh: `令牌服务${p('url') && ` ${p('url')} `}出错${parenthesised(p)}。`,
    },
    hint: {
      en: 'Check the token service URL in Accounts and that the service is running; ask whoever runs it if it keeps failing.',
      zh: '请在“账号”中检查令牌服务地址，并确认服务正在运行；如持续失败，请联系其维护者。',
    },
    // A 4xx means the request itself is wrong (URL, credential); only server trouble may pass.
    retryable: !(Number(p('status')) >= 400 && Number(p('status')) < 500),
  }),
  'insecure-address': (p) => ({
    message: {
      en: `Nothing was sent to ${p('url')}: it is plain http:// on another computer, so the AppSecret or token would travel unencrypted.`,
      zh: `未向 ${p('url')} 发送任何内容：它是其他计算机上的 http:// 地址，AppSecret 或令牌会以未加密的方式传输。`,
    },
    hint: {
      en: 'Use its https:// address in Accounts (or in --api-base / --token-url); plain http:// is only for this computer.',
      zh: '请在“账号”中（或 --api-base / --token-url）改用 https:// 地址；http:// 仅限本机。',
    },
    retryable: false,
  }),
  cancelled: () => ({
    message: { en: 'Cancelled.', zh: '已取消。' },
    hint: { en: 'Start again when you are ready.', zh: '准备好后可重新开始。' },
    retryable: false,
  }),
  internal: (p) => ({
    message: {
      en: `Something went wrong inside the app${p('detail') ? `: ${p('detail')}` : '.'}`,
      zh: `应用内部出错${p('detail') ? `：${p('detail')}` : '。'}`,
    },
    hint: {
      en: 'Try again; if it happens again, report it with the steps that led to it.',
      zh: '请重试；如再次出现，请连同操作步骤一起反馈。',
    },
    retryable: false,
  }),
  quota: (p) => ({
    message: {
      en: `Not enough quota left: this needs ${p('needed') || '?'} codes but only ${p('remaining') || '0'} of the 100,000 remain.`,
      zh: `额度不足：需要 ${p('needed') || '?'} 个码，但 100,000 个额度只剩 ${p('remaining') || '0'} 个。`,
    },
    hint: {
      en: 'Make fewer limited or square codes, or use the unlimited (scene) code type, which has no total limit.',
      zh: '请减少有数量限制的小程序码或二维码，或改用无限量（scene）小程序码，它没有总数限制。',
    },
    retryable: false,
  }),
  file: (p) => ({
    message: {
      en: `Could not write ${p('path') || 'the file'}${p('detail') ? `: ${p('detail')}` : '.'}`,
      zh: `无法写入 ${p('path') || '文件'}${p('detail') ? `：${p('detail')}` : '。'}`,
    },
    hint: {
      en: 'Check that the folder exists, that you may write to it and that the disk is not full.',
      zh: '请确认文件夹存在、有写入权限且磁盘未满。',
    },
    retryable: false,
  }),
};

function parenthesised(p: (key: string) => string): string {
  const parts = [p('status') && `HTTP ${p('status')}`, p('detail')].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(': ')})` : '';
}

/** A URL shown to the user: scheme, host and path (see publicUrl), without a lone '/' after the host. */
const shownUrl = (raw: string): string => publicUrl(raw).replace(/^([a-z][a-z0-9+.-]*:\/\/[^/]+)\/$/i, '$1');

/** The user-facing error for a failure outside WeChat's errcodes; params fill both languages. */
export function appError(code: GeneralErrorCode, params: ErrorParams = {}): AppError {
  const read = (key: string): string => {
    const value = params[key];
    if (value === undefined) return '';
    return key === 'url' ? shownUrl(String(value)) : redact(String(value));
  };
  const { message, hint, retryable } = APP_ERRORS[code](read);
  return { code, message, hint, retryable };
}
