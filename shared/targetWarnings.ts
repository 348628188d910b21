import type { CodeRequest } from './codeRequest';
import type { Localized } from './result';
import { FIELD_LABELS } from './validateCodeRequest';

/**
 * A target WeChat takes but that is almost certainly not what the user meant: a web address, or a
 * page named like a web file. A limited or square code made for it spends quota on a code that
 * opens nothing, so the form asks before making it.
 */
export interface TargetWarning {
  field: 'path' | 'page';
  /** The text warned about: accepting the warning holds for this text only. */
  target: string;
  message: Localized;
  hint: Localized;
}

const WEB_ADDRESS = /:\/\/|^www\./i;
const WEB_FILE = /\.html?(?=$|[?#])/i;

export function targetWarning(request: CodeRequest): TargetWarning | null {
  const field = request.kind === 'unlimited' ? 'page' : 'path';
  const target = request.kind === 'unlimited' ? request.page : request.path;
  const label = FIELD_LABELS[field];
  if (WEB_ADDRESS.test(target)) {
    return {
      field,
      target,
      message: {
        en: `${label.en} looks like a web address; a mini program code opens a page of the mini program.`,
        zh: `${label.zh}看起来是网址；小程序码打开的是小程序里的页面。`,
      },
      hint: {
        en: 'Enter the page as app.json lists it, such as pages/index/index?id=42. To show a web page, open it from a web-view page of the mini program.',
        zh: '请填写 app.json 中列出的页面，例如 pages/index/index?id=42。如需展示网页，请在小程序的 web-view 页面中打开。',
      },
    };
  }
  if (WEB_FILE.test(target)) {
    return {
      field,
      target,
      message: {
        en: `${label.en} ends in .html; mini program pages have no file extension.`,
        zh: `${label.zh}以 .html 结尾；小程序页面没有文件扩展名。`,
      },
      hint: {
        en: `Enter the page as app.json lists it, without .html, such as ${target.replace(WEB_FILE, '')}.`,
        zh: `请按 app.json 中的写法填写，不带 .html，例如 ${target.replace(WEB_FILE, '')}。`,
      },
    };
  }
  return null;
}
