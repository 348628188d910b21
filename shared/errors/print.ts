import type { AppError, Localized } from '../result';

// What the print features say about a value they cannot use: a printed size, a resolution, a label,
// a logo. Each names the field as the form does (`printSize`, `dpi`, `labels`, `logo`); the CLI
// restates it for its flag (codeFlags.ts FLAG_FOR_FIELD).

export function printError(field: string, message: Localized, hint: Localized): AppError {
  return { code: 'field', field, message, hint, retryable: false };
}

/** A printed size that is not a positive length in cm, mm or inches, or is outside the bounds. */
export function printSizeInvalid(raw: string, minCm: number, maxCm: number): AppError {
  return printError(
    'printSize',
    {
      en: `The printed size “${raw}” is not a length from ${minCm} cm to ${maxCm} cm.`,
      zh: `印刷尺寸“${raw}”不是 ${minCm} 厘米到 ${maxCm} 厘米之间的长度。`,
    },
    {
      en: 'Give the width of the code on paper with its unit, e.g. 4cm, 40mm or 1.5in (print shops treat 2 cm as the floor).',
      zh: '请写出码在纸上的宽度并带单位，例如 4cm、40mm 或 1.5in（印刷厂通常以 2 厘米为下限）。',
    },
  );
}

/** A resolution outside what a printer or a PNG viewer makes sense of. */
export function dpiInvalid(raw: string, min: number, max: number): AppError {
  return printError(
    'dpi',
    {
      en: `The resolution “${raw}” must be a whole number of DPI from ${min} to ${max}.`,
      zh: `分辨率“${raw}”须为 ${min} 到 ${max} 之间的整数 DPI。`,
    },
    { en: 'Print shops ask for 300 DPI, e.g. 300.', zh: '印刷厂通常要求 300 DPI，例如 300。' },
  );
}

/** A label that asks for a value no column (or built-in placeholder) gives. */
export function labelUnknownPlaceholder(word: string, known: readonly string[]): AppError {
  const choices = known.map((name) => `{${name}}`).join(' ');
  return printError(
    'labels',
    {
      en: `The label has an unknown placeholder {${word}}: nothing gives it a value.`,
      zh: `标签中有未知的占位符 {${word}}：没有可填入的值。`,
    },
    {
      en: `Use ${choices}, written exactly as the column header, or remove the braces to print it as text.`,
      zh: `请使用 ${choices}，与表头写法完全一致；或去掉花括号，按原文印出。`,
    },
  );
}

/** Too many label lines, or one too long to fit any code. */
export function labelTooLong(maxLines: number, maxCharacters: number): AppError {
  return printError(
    'labels',
    {
      en: `A code takes at most ${maxLines} label lines of at most ${maxCharacters} characters each.`,
      zh: `每个码最多 ${maxLines} 行标签，每行最多 ${maxCharacters} 个字符。`,
    },
    {
      en: 'Shorten the label, or split it over fewer lines.',
      zh: '请缩短标签，或减少行数。',
    },
  );
}

/** A label style value out of bounds: font size, colour, margin. */
export function labelStyleInvalid(what: Localized, allowed: Localized): AppError {
  return printError(
    'labels',
    { en: `The label's ${what.en} is not usable.`, zh: `标签的${what.zh}无法使用。` },
    allowed,
  );
}

/** The logo file cannot be read, is not a PNG/JPEG, or is too big to be a logo. */
export function logoUnreadable(file: string, why: Localized): AppError {
  return printError(
    'logo',
    { en: `The logo “${file}” cannot be used: ${why.en}`, zh: `无法使用标志图片“${file}”：${why.zh}` },
    {
      en: 'Choose a PNG or JPEG of at most 5 MB and 4000 × 4000 pixels, or an SVG of at most 1 MB, e.g. a square brand mark.',
      zh: '请选择不超过 5 MB、4000 × 4000 像素的 PNG 或 JPEG，或不超过 1 MB 的 SVG，例如方形的品牌标志。',
    },
  );
}

/**
 * An SVG logo holding something an image must not: a DOCTYPE or entities (which can expand without
 * bound or read files), a script, embedded HTML, or a link to another file or address.
 */
export function logoSvgUnsafe(file: string, why: Localized): AppError {
  return printError(
    'logo',
    {
      en: `The SVG logo “${file}” is refused: ${why.en}`,
      zh: `已拒绝 SVG 标志“${file}”：${why.zh}`,
    },
    {
      en: 'Export the logo again as plain SVG (shapes and embedded images only: no DOCTYPE, scripts, HTML or links to other files), or as a PNG.',
      zh: '请重新导出为纯 SVG（只含图形和内嵌图片：不含 DOCTYPE、脚本、HTML 或指向其他文件的链接），或导出为 PNG。',
    },
  );
}

/** A logo that would cover more of a square QR code than its error correction can restore. */
export function logoCoversData(percent: number, maxPercent: number): AppError {
  return printError(
    'logo',
    {
      en: `A logo covering ${percent}% of the code would hide data phones need to read it.`,
      zh: `标志将遮住码面积的 ${percent}%，会挡住手机识别所需的数据。`,
    },
    {
      en: `Make the logo at most ${maxPercent}% of the code's area.`,
      zh: `请把标志缩小到码面积的 ${maxPercent}% 以内。`,
    },
  );
}

/** Both the pixel width and the printed size were given: the printed size decides the width. */
export function widthWithPrintSize(): AppError {
  return printError(
    'printSize',
    {
      en: 'A pixel width and a printed size were both given.',
      zh: '同时给出了像素宽度和印刷尺寸。',
    },
    {
      en: 'Give only the printed size (e.g. 4cm): the width asked of WeChat follows from it and the DPI.',
      zh: '只需给出印刷尺寸（例如 4cm）：向微信请求的宽度由它和 DPI 算出。',
    },
  );
}

/** Not an error: the printed size wants more pixels than WeChat sends, so the PNG prints below the DPI asked. */
export function rasterBelowDpi(cm: number, effectiveDpi: number, dpi: number, largestCm: number): Localized {
  const size = cm.toFixed(1);
  return {
    en: `Note: at ${size} cm WeChat's largest code (1280 px) prints at ${Math.floor(effectiveDpi)} DPI, below the ${dpi} DPI asked; up to ${largestCm.toFixed(1)} cm keeps ${dpi} DPI. A larger sign wants a vector file (SVG or PDF).`,
    zh: `提示：${size} 厘米时，微信最大的码（1280 像素）只有 ${Math.floor(effectiveDpi)} DPI，低于要求的 ${dpi} DPI；${largestCm.toFixed(1)} 厘米以内可保持 ${dpi} DPI。更大的招牌需要矢量文件（SVG 或 PDF）。`,
  };
}

/** The page named a logo main no longer keeps (the app restarted, or many logos were chosen since). */
export function logoUnknown(): AppError {
  return printError(
    'logo',
    { en: 'The chosen logo is no longer loaded.', zh: '所选标志图片已不在内存中。' },
    { en: 'Choose the logo file again.', zh: '请重新选择标志图片文件。' },
  );
}
