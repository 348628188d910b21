import type { AppError } from '../result';

// The page and the main process talking: a call from outside the app's window, a payload the
// channel's schema refuses, a page with no app behind it, an app that did not answer.

/** Main refuses a call whose sender frame is not the app's own page (electron/main/ipc.ts). */
export const UNTRUSTED_SENDER: AppError = {
  code: 'untrusted-sender',
  message: {
    en: 'This request did not come from the WxaCode Studio window.',
    zh: '此请求并非来自 WxaCode Studio 窗口。',
  },
  hint: { en: 'Use the app’s own window.', zh: '请在应用自己的窗口中操作。' },
  retryable: false,
};

/** A payload the channel's schema refused; `problem` is the schema's own words, or none. */
export function invalidPayload(field: string, problem: string | undefined): AppError {
  return {
    code: 'field',
    field,
    message: {
      en: `Invalid ${field}: ${problem ?? 'malformed'}`,
      zh: `${field} 无效:${problem ?? '格式错误'}`,
    },
    hint: { en: 'Check the value and try again.', zh: '请检查后重试。' },
  };
}

/** The page was opened outside the app (a plain browser): there is no `window.wxacode` to call. */
export const NO_BRIDGE: AppError = {
  code: 'internal',
  message: {
    en: 'This page must run inside WxaCode Studio.',
    zh: '此页面需在 WxaCode Studio 中运行。',
  },
  hint: { en: 'Open the WxaCode Studio app.', zh: '请打开 WxaCode Studio 应用。' },
};

/** The call itself failed in the bridge, before any Result came back. */
export function noAnswer(detail: string): AppError {
  return {
    code: 'internal',
    message: { en: `The app did not answer: ${detail}`, zh: `应用未响应：${detail}` },
    hint: {
      en: 'Try again; if it happens again, restart the app.',
      zh: '请重试；如再次出现，请重启应用。',
    },
  };
}
