import type { AppError, Localized } from '../result';

// What the app says about a mini program's app.json it cannot list pages from. Each names the
// file by its base name and says where the pages should be.

/** The largest app.json read: real ones are a few KiB, even with hundreds of pages. */
export const MAX_APP_JSON_BYTES = 1024 * 1024;

const WHERE_PAGES: Localized = {
  en: 'Choose the app.json at the root of the mini program project (beside project.config.json): its "pages" array, and each subPackages entry\'s "root" and "pages", list the page paths.',
  zh: '请选择小程序项目根目录（与 project.config.json 同级）的 app.json：其中的 "pages" 数组以及 subPackages 每项的 "root" 和 "pages" 列出了页面路径。',
};

function appJsonError(message: Localized, hint: Localized = WHERE_PAGES): AppError {
  return { code: 'field', field: 'appJson', message, hint, retryable: false };
}

export function appJsonTooLarge(name: string, bytes: number): AppError {
  const kib = (n: number) => Math.ceil(n / 1024).toLocaleString('en-US');
  return appJsonError({
    en: `${name} is ${kib(bytes)} KiB; an app.json is read up to ${kib(MAX_APP_JSON_BYTES)} KiB, so this is not a mini program's app.json.`,
    zh: `${name} 大小为 ${kib(bytes)} KiB；app.json 最多读取 ${kib(MAX_APP_JSON_BYTES)} KiB，这不是小程序的 app.json。`,
  });
}

export function appJsonNotJson(name: string, detail: string): AppError {
  return appJsonError(
    {
      en: `${name} is not valid JSON (${detail}).`,
      zh: `${name} 不是有效的 JSON（${detail}）。`,
    },
    {
      en: "Open it in WeChat DevTools or a text editor and fix the mark it points at (app.json allows no comments and no trailing commas), or choose the project's own app.json.",
      zh: '请在微信开发者工具或文本编辑器中打开并修正所指位置（app.json 不允许注释和末尾逗号），或选择项目自己的 app.json。',
    },
  );
}

export function appJsonNoPages(name: string): AppError {
  return appJsonError({
    en: `${name} lists no pages: it has no "pages" array of page paths.`,
    zh: `${name} 没有列出任何页面：其中没有由页面路径组成的 "pages" 数组。`,
  });
}

export function appJsonUnreadable(name: string, detail: string): AppError {
  return appJsonError(
    { en: `Could not read ${name} (${detail}).`, zh: `无法读取 ${name}（${detail}）。` },
    {
      en: 'Check that the file still exists and that you may read it, then choose it again.',
      zh: '请确认文件仍然存在且有读取权限，然后重新选择。',
    },
  );
}
