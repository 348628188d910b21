import { WECHAT_ERRORS } from '../../shared/errors';
import { type Lang, resolveLang } from '../../shared/language';
import type { AppError } from '../../shared/result';

// How the command line prints an error, and in which language: the page shows the same AppError
// in its own layout, so this belongs to the CLI alone.

const CLI_WORDS = {
  en: { errcode: (n: number) => `WeChat error ${n}: `, fix: 'Fix: ', said: 'WeChat said: ' },
  zh: { errcode: (n: number) => `微信错误 ${n}：`, fix: '解决办法：', said: '微信原文：' },
};

/** One to three lines for a terminal: what happened, the fix and, for WeChat, its own words. */
export function describeForCli(error: AppError, lang: Lang): string {
  const words = CLI_WORDS[lang];
  // An unknown errcode's message already quotes the errcode and errmsg.
  const known = error.code === 'wechat' && error.errcode !== undefined && WECHAT_ERRORS[error.errcode];
  const lines = [
    `${known ? words.errcode(error.errcode!) : ''}${error.message[lang]}`,
    `${words.fix}${error.hint[lang]}`,
  ];
  const said = error.errmsg?.replace(/\s+/g, ' ').trim();
  if (known && said) lines.push(`${words.said}${said}`);
  return lines.join('\n');
}

/** The CLI speaks Chinese when the locale says so (LC_ALL over LC_MESSAGES over LANG, as POSIX does). */
export function pickLanguage(env: { LANG?: string; LC_ALL?: string; LC_MESSAGES?: string }): Lang {
  return resolveLang('auto', env.LC_ALL || env.LC_MESSAGES || env.LANG || '');
}

export const cliLanguage = (): Lang => pickLanguage(process.env);

export function printError(error: AppError): void {
  process.stderr.write(`${describeForCli(error, cliLanguage())}\n`);
}
