import type { AppError, Localized } from '../result';

// What the app says about a poster template it cannot use. Every error names the template file and
// the place inside it (`code.size`, `texts[1].text`) the way the JSON spells it, and the fix.

function posterError(message: Localized, hint: Localized): AppError {
  return { code: 'field', field: 'poster', message, hint, retryable: false };
}

/** The template file cannot be read, is too big, or is not JSON. */
export function posterUnreadable(file: string, why: Localized): AppError {
  return posterError(
    {
      en: `The poster template “${file}” cannot be used: ${why.en}`,
      zh: `无法使用海报模板“${file}”：${why.zh}`,
    },
    {
      en: 'Choose a JSON template file of at most 64 KB, e.g. docs/examples/poster/table-tent.json.',
      zh: '请选择不超过 64 KB 的 JSON 模板文件，例如 docs/examples/poster/table-tent.json。',
    },
  );
}

/** One value inside the template is missing, out of bounds or of the wrong kind. */
export function posterFieldInvalid(
  file: string,
  where: string,
  problem: Localized,
  fix: Localized,
): AppError {
  return posterError(
    {
      en: `In the poster template “${file}”, ${where} ${problem.en}`,
      zh: `海报模板“${file}”中的 ${where} ${problem.zh}`,
    },
    fix,
  );
}

/** The background image cannot be read or is too big. */
export function posterBackgroundUnreadable(file: string, background: string, why: Localized): AppError {
  return posterError(
    {
      en: `The background “${background}” of the poster template “${file}” cannot be used: ${why.en}`,
      zh: `海报模板“${file}”的背景图“${background}”无法使用：${why.zh}`,
    },
    {
      en: 'Give a PNG or JPEG of at most 20 MB and 10000 × 10000 pixels, its path relative to the template file.',
      zh: '请使用不超过 20 MB、10000 × 10000 像素的 PNG 或 JPEG，路径相对于模板文件。',
    },
  );
}

/** A poster goes to PNG or PDF: no other file kind. */
export function posterFormat(): AppError {
  return posterError(
    { en: 'A poster is written as a PNG or a PDF file.', zh: '海报只能保存为 PNG 或 PDF 文件。' },
    {
      en: 'End the file name with .png or .pdf, e.g. --out poster.png.',
      zh: '请以 .png 或 .pdf 结尾，例如 --out poster.png。',
    },
  );
}

/** The name typed for a template in the editor is empty or too long. */
export function posterNameInvalid(max: number): AppError {
  return {
    code: 'field',
    field: 'posterName',
    message: {
      en: `A poster template needs a name of 1 to ${max} characters.`,
      zh: `海报模板需要 1 到 ${max} 个字符的名称。`,
    },
    hint: {
      en: 'Type a name you will recognise in the list, e.g. “Store poster A4”.',
      zh: '请输入一个便于在列表中辨认的名称，例如“门店海报 A4”。',
    },
    retryable: false,
  };
}

/** The page named a template or background main does not have (deleted, or from an earlier session). */
export function posterUnknown(): AppError {
  return posterError(
    {
      en: 'This poster template or its background is no longer available.',
      zh: '该海报模板或其背景图已不可用。',
    },
    {
      en: 'Choose the template again in the list, or choose the background image again.',
      zh: '请在列表中重新选择模板，或重新选择背景图。',
    },
  );
}

/** The app keeps at most `max` templates. */
export function postersTooMany(max: number): AppError {
  return posterError(
    { en: `The app keeps at most ${max} poster templates.`, zh: `应用最多保存 ${max} 个海报模板。` },
    {
      en: 'Delete a template you no longer use, then save again.',
      zh: '请删除不再使用的模板，然后再保存。',
    },
  );
}

/** A poster saved from the app under a name that is not .png or .pdf. */
export function posterSaveFormat(): AppError {
  return posterError(
    { en: 'A poster is saved as a PNG or a PDF file.', zh: '海报只能保存为 PNG 或 PDF 文件。' },
    {
      en: 'Save again and choose PNG or PDF as the file type.',
      zh: '请重新保存，并选择 PNG 或 PDF 文件类型。',
    },
  );
}
