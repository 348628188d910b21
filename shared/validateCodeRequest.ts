import type {
  CodeKind,
  CodeRequest,
  CodeStyle,
  EnvVersion,
  LimitedCodeRequest,
  Rgb,
  SquareCodeRequest,
  UnlimitedCodeRequest,
} from './codeRequest';
import { CODE_KINDS, DEFAULT_STYLE, MAX_WIDTH, MIN_WIDTH } from './codeRequest';
import type { AppError, Localized } from './result';
import { encodedPath, splitPage, withoutInvisible, withoutReserved } from './targetFixes';

export interface FieldError extends AppError {
  code: 'field';
  field: string;
  /**
   * The change that clears this error, when one is certain: the hint says it in words, and the form
   * can apply it. Applying it passes these same checks (a property test holds every fix to that).
   */
  fix?: Fix;
}

/** New values for some fields, as text the form and a spreadsheet both take. */
export type Fix = Partial<Record<CodeRequestField, string>>;

/** What arrives from the form, IPC, a spreadsheet row or CLI flags: anything, checked here. */
export type CodeRequestInput = {
  kind?: unknown;
  path?: unknown;
  scene?: unknown;
  page?: unknown;
  checkPath?: unknown;
  envVersion?: unknown;
  width?: unknown;
  autoColor?: unknown;
  lineColor?: unknown;
  transparent?: unknown;
};

export type CodeRequestField = keyof CodeRequestInput;

export type CodeRequestValidation = { ok: true; value: CodeRequest } | { ok: false; errors: FieldError[] };

interface Problem {
  message: Localized;
  hint: Localized;
  fix?: Fix;
}

type Checked<T> = { ok: true; value: T } | { ok: false; problem: Problem };

const ENV_VERSIONS: readonly EnvVersion[] = ['release', 'trial', 'develop'];
// As WeChat counts them: getwxacode's path in characters, createwxaqrcode's in bytes (UTF-8).
const MAX_LIMITED_PATH = 1024;
const MAX_SQUARE_PATH_BYTES = 128;
const MAX_PAGE = 1024;
const MAX_SCENE = 32;
const RESERVED_PARAMETER = 'scancode_time';
const SCENE_CHARACTER = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]$/;
const SCENE_CHARSET = "letters, digits and ! # $ & ' ( ) * + , / : ; = ? @ - . _ ~";
const SCENE_CHARSET_ZH = "字母、数字和 ! # $ & ' ( ) * + , / : ; = ? @ - . _ ~";
/**
 * What a path or page may not hold: control characters (U+0000–001F, U+007F–009F), format
 * characters (zero-width spaces and joiners, bidi controls that make a path read differently from
 * what it is, the BOM), spaces of any width, and < >. A pasted path carries them unseen; WeChat
 * would either refuse the call or make a code that opens a page nobody can find.
 */
const UNSAFE_IN_PATH = /[\p{Cc}\p{Cf}\p{Z}<>]/u;
// Spreadsheets and CLI flags spell booleans many ways; the form sends real booleans.
const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '否']);

/** Each field as messages name it. */
export const FIELD_LABELS: Record<CodeRequestField, Localized> = {
  kind: { en: 'Code type', zh: '码类型' },
  path: { en: 'Page path', zh: '页面路径' },
  scene: { en: 'Scene', zh: '场景值 scene' },
  page: { en: 'Page', zh: '页面' },
  checkPath: { en: '“Check page exists”', zh: '“检查页面是否存在”' },
  envVersion: { en: 'Version', zh: '版本' },
  width: { en: 'Width', zh: '宽度' },
  autoColor: { en: '“Automatic color”', zh: '“自动配色”' },
  lineColor: { en: 'Line color', zh: '线条颜色' },
  transparent: { en: '“Transparent background”', zh: '“透明底色”' },
};

/**
 * Checks a code request from any source, fills the defaults and keeps only the fields its kind
 * uses, so a bad input never spends quota or a request. Reports every bad field at once.
 */
export function validateCodeRequest(input: unknown): CodeRequestValidation {
  const fields: CodeRequestInput = isRecord(input) ? input : {};
  const errors: FieldError[] = [];
  const read = <T>(field: CodeRequestField, check: Check<T>): T | undefined => {
    const checked = check(fields[field], fields);
    if (checked.ok) return checked.value;
    errors.push({ code: 'field', field, ...checked.problem });
    return undefined;
  };
  // Every failed read leaves its field undefined, so a built request means no errors.
  const value = readRequest(read);
  return value ? { ok: true, value } : { ok: false, errors: errors.sort(inFormOrder) };
}

const FORM_ORDER = Object.keys(FIELD_LABELS);
const inFormOrder = (a: FieldError, b: FieldError) =>
  FORM_ORDER.indexOf(a.field) - FORM_ORDER.indexOf(b.field);

/** A field's check; `all` is the whole input, for a fix that moves a value to another field. */
type Check<T> = (raw: unknown, all: CodeRequestInput) => Checked<T>;
type Read = <T>(field: CodeRequestField, check: Check<T>) => T | undefined;

function readRequest(read: Read): CodeRequest | undefined {
  const kind = read('kind', checkKind);
  if (kind === 'qrcode') return readSquare(read);
  // With an unknown kind the style fields are still checked, so the user sees all mistakes at once.
  const style = readStyle(read);
  const envVersion = read('envVersion', withDefault(checkEnvVersion, 'release'));
  if (kind === 'limited') return readLimited(read, style, envVersion);
  if (kind === 'unlimited') return readUnlimited(read, style, envVersion);
  return undefined;
}

function readSquare(read: Read): SquareCodeRequest | undefined {
  const path = read('path', checkPath(squarePathLength));
  const width = read('width', withDefault(checkWidth, DEFAULT_STYLE.width));
  return path === undefined || width === undefined ? undefined : { kind: 'qrcode', path, width };
}

function readLimited(
  read: Read,
  style: CodeStyle | undefined,
  envVersion: EnvVersion | undefined,
): LimitedCodeRequest | undefined {
  const path = read('path', checkPath(limitedPathLength));
  if (path === undefined || style === undefined || envVersion === undefined) return undefined;
  return { kind: 'limited', path, envVersion, ...style };
}

function readUnlimited(
  read: Read,
  style: CodeStyle | undefined,
  envVersion: EnvVersion | undefined,
): UnlimitedCodeRequest | undefined {
  const scene = read('scene', checkScene);
  const page = read('page', withDefault(checkPage, ''));
  const checkPathValue = read('checkPath', withDefault(checkBoolean('checkPath'), true));
  if (
    scene === undefined ||
    page === undefined ||
    checkPathValue === undefined ||
    style === undefined ||
    envVersion === undefined
  ) {
    return undefined;
  }
  return { kind: 'unlimited', scene, page, checkPath: checkPathValue, envVersion, ...style };
}

function readStyle(read: Read): CodeStyle | undefined {
  const width = read('width', withDefault(checkWidth, DEFAULT_STYLE.width));
  const autoColor = read('autoColor', withDefault(checkBoolean('autoColor'), DEFAULT_STYLE.autoColor));
  const lineColor = read('lineColor', withDefault(checkLineColor, { ...DEFAULT_STYLE.lineColor }));
  const transparent = read(
    'transparent',
    withDefault(checkBoolean('transparent'), DEFAULT_STYLE.transparent),
  );
  if (
    width === undefined ||
    autoColor === undefined ||
    lineColor === undefined ||
    transparent === undefined
  ) {
    return undefined;
  }
  // WeChat ignores line_color under auto_color: one request, one stored code and one quota charge,
  // whatever colour the picker happened to hold.
  return { width, autoColor, lineColor: autoColor ? { ...DEFAULT_STYLE.lineColor } : lineColor, transparent };
}

/** '#rrggbb', 'rrggbb' or '#rgb', any case → Rgb; anything else → null. */
export function parseHexColor(text: string): Rgb | null {
  const match = /^#?([0-9a-f]{6})$|^#([0-9a-f]{3})$/i.exec(text.trim());
  if (!match) return null;
  const hex = match[1] ?? [...(match[2] ?? '')].map((digit) => digit + digit).join('');
  return {
    r: Number.parseInt(hex.slice(0, 2), 16),
    g: Number.parseInt(hex.slice(2, 4), 16),
    b: Number.parseInt(hex.slice(4, 6), 16),
  };
}

/** Rgb → '#rrggbb' lowercase. Out-of-range channels (a colour picker mid-drag) are clamped. */
export function formatHexColor(c: Rgb): string {
  const channel = (n: number) =>
    Math.min(255, Math.max(0, Math.round(n)))
      .toString(16)
      .padStart(2, '0');
  return `#${channel(c.r)}${channel(c.g)}${channel(c.b)}`;
}

const passed = <T>(value: T): Checked<T> => ({ ok: true, value });
const problem = (message: Localized, hint: Localized, fix?: Fix): Checked<never> => ({
  ok: false,
  problem: fix ? { message, hint, fix } : { message, hint },
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isMissing = (raw: unknown): raw is undefined | null => raw === undefined || raw === null;

/** Optional fields: absent (undefined or null) means the default; any given value is checked. */
function withDefault<T>(check: Check<T>, fallback: T): Check<T> {
  return (raw, all) => (isMissing(raw) ? passed(fallback) : check(raw, all));
}

/** Spreadsheet cells arrive as numbers (a scene of 1024, say), so numbers count as text. */
function asText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return undefined;
}

const characterCount = (text: string): number => Array.from(text).length;
const utf8Bytes = new TextEncoder();
const byteCount = (text: string): number => utf8Bytes.encode(text).length;

function checkKind(raw: unknown): Checked<CodeKind> {
  const word = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  const kind = CODE_KINDS.find((k) => k === word);
  if (kind) return passed(kind);
  return problem(
    {
      en: 'Code type must be limited, unlimited or qrcode.',
      zh: '码类型须为 limited、unlimited 或 qrcode。',
    },
    {
      en: 'Choose limited (round code for a page path, 100,000 in total), unlimited (round code with a scene, no total limit) or qrcode (square QR code).',
      zh: '请选择 limited（带页面路径的小程序码，总共 100,000 个）、unlimited（带 scene 的小程序码，数量不限）或 qrcode（方形二维码）。',
    },
  );
}

function notText(field: CodeRequestField): Checked<never> {
  const label = FIELD_LABELS[field];
  return problem(
    { en: `${label.en} must be text.`, zh: `${label.zh}须为文本。` },
    { en: `Enter ${label.en.toLowerCase()} as plain text.`, zh: `请以纯文本填写${label.zh}。` },
  );
}

function tooLong(field: CodeRequestField, count: number, max: number, fix: Localized): Checked<never> {
  const label = FIELD_LABELS[field];
  return problem(
    {
      en: `${label.en} is ${count} characters long; WeChat allows at most ${max}.`,
      zh: `${label.zh}长 ${count} 个字符，微信最多允许 ${max} 个。`,
    },
    fix,
  );
}

function reserved(field: CodeRequestField, fixed?: string): Checked<never> {
  const label = FIELD_LABELS[field];
  const remove: Localized = {
    en: `Remove ${RESERVED_PARAMETER} from the ${label.en.toLowerCase()}`,
    zh: `请从${label.zh}中删除 ${RESERVED_PARAMETER}`,
  };
  return problem(
    {
      en: `${label.en} contains ${RESERVED_PARAMETER}, a parameter WeChat reserves for itself.`,
      zh: `${label.zh}含有微信保留参数 ${RESERVED_PARAMETER}。`,
    },
    fixed === undefined
      ? { en: `${remove.en}.`, zh: `${remove.zh}。` }
      : { en: `${remove.en}: write ${fixed}.`, zh: `${remove.zh}，写成 ${fixed}。` },
    fixed === undefined ? undefined : { [field]: fixed },
  );
}

/**
 * WeChat answers 85096 ("not allow include scancode_time field") to any path or page that mentions
 * the word, not only to a query key of that name: refusing every mention here keeps that error,
 * and for a limited code a spent call, from ever happening.
 */
const mentionsReserved = (text: string): boolean => text.includes(RESERVED_PARAMETER);

/** A length check that says the limit in the unit WeChat counts for this kind of code. */
type LengthCheck = (path: string) => Checked<never> | undefined;

const SHORTEN_PATH: Localized = {
  en: 'Shorten the path: pass a short id in the query and let the page look up the rest.',
  zh: '请缩短路径：在参数中只传一个短 id，由页面查询其余内容。',
};

const limitedPathLength: LengthCheck = (path) => {
  const count = characterCount(path);
  return count > MAX_LIMITED_PATH ? tooLong('path', count, MAX_LIMITED_PATH, SHORTEN_PATH) : undefined;
};

const squarePathLength: LengthCheck = (path) => {
  const bytes = byteCount(path);
  if (bytes <= MAX_SQUARE_PATH_BYTES) return undefined;
  return problem(
    {
      en: `Page path is ${bytes} bytes long; a square QR code allows at most ${MAX_SQUARE_PATH_BYTES} bytes (a Chinese character takes 3).`,
      zh: `页面路径长 ${bytes} 字节，普通二维码最多允许 ${MAX_SQUARE_PATH_BYTES} 字节（一个汉字占 3 字节）。`,
    },
    SHORTEN_PATH,
  );
};

const firstUnsafe = (text: string): string | undefined =>
  Array.from(text).find((char) => UNSAFE_IN_PATH.test(char));

/** The first character a path or page may not hold, named so the user can find it; `fixed` clears it. */
function unsafeCharacter(field: CodeRequestField, bad: string, fixed?: string): Checked<never> {
  const label = FIELD_LABELS[field];
  const shown = describeCharacter(bad);
  return problem(
    {
      en: `${label.en} contains ${shown.en}, which a page path cannot hold.`,
      zh: `${label.zh}含有${shown.zh}，页面路径中不能有这个字符。`,
    },
    fixed === undefined
      ? {
          en: `Remove it (pasted text often carries invisible characters); encode a value that needs it, e.g. a space as %20, or pass a short id the page looks up.`,
          zh: `请删除它（粘贴的文字常带有不可见字符）；如值中确实需要，请编码（如空格写作 %20），或改传页面可查询的短 id。`,
        }
      : {
          en: `Write it as ${fixed} (pasted text often carries invisible characters; a space in a value is written %20).`,
          zh: `请写成 ${fixed}（粘贴的文字常带有不可见字符；值中的空格写作 %20）。`,
        },
    fixed === undefined ? undefined : { [field]: fixed },
  );
}

function checkPath(length: LengthCheck): Check<string> {
  /** What WeChat would refuse in a non-empty path, with the repair when one passes these checks. */
  const pathProblem = (path: string): Checked<never> | undefined => {
    const bad = firstUnsafe(path);
    if (bad !== undefined) return unsafeCharacter('path', bad, passes(encodedPath(path), path));
    const long = length(path);
    if (long) return long;
    return mentionsReserved(path) ? reserved('path', passes(withoutReserved(path), path)) : undefined;
  };
  // Only a candidate that changed something is checked again, so the checking ends.
  const passes = (candidate: string | undefined, path: string): string | undefined =>
    candidate && candidate !== path && pathProblem(candidate) === undefined ? candidate : undefined;
  return (raw) => {
    const path = asText(raw);
    if (path === undefined && !isMissing(raw)) return notText('path');
    if (!path) {
      return problem(
        { en: 'Page path is required.', zh: '页面路径不能为空。' },
        {
          en: 'Enter the page the code opens, such as pages/index/index?id=42.',
          zh: '请填写扫码后打开的页面，例如 pages/index/index?id=42。',
        },
      );
    }
    return pathProblem(path) ?? passed(path);
  };
}

/** How to show a character the user may not be able to see. */
function describeCharacter(char: string): Localized {
  if (char === ' ') return { en: 'a space', zh: '空格' };
  const name = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  if (/\p{Z}/u.test(char)) return { en: `a space (${name})`, zh: `空格（${name}）` };
  if (/[\s\p{Cc}\p{Cf}]/u.test(char)) {
    return { en: `an invisible character (${name})`, zh: `不可见字符（${name}）` };
  }
  return { en: `'${char}'`, zh: `'${char}'` };
}

function checkScene(raw: unknown): Checked<string> {
  const scene = asText(raw);
  if (scene === undefined && !isMissing(raw)) return notText('scene');
  if (!scene) {
    return problem(
      { en: 'Scene is required for an unlimited code.', zh: '无限量小程序码须填写场景值 scene。' },
      {
        en: 'Enter 1 to 32 characters, such as a short id the mini program looks up (e.g. id=42).',
        zh: '请填写 1 到 32 个字符，例如小程序可据此查询的短 id（如 id=42）。',
      },
    );
  }
  return sceneProblem(scene) ?? passed(scene);
}

/** What WeChat would refuse in a non-empty scene. */
function sceneProblem(scene: string): Checked<never> | undefined {
  const bad = Array.from(scene).find((char) => !SCENE_CHARACTER.test(char));
  if (bad !== undefined) {
    const shown = describeCharacter(bad);
    // Only invisible characters go by themselves; anything else the user has to replace with an id.
    const cleaned = withoutInvisible(scene);
    const fixed = cleaned && cleaned !== scene && sceneProblem(cleaned) === undefined ? cleaned : undefined;
    const charset: Localized = {
      en: `Use only ${SCENE_CHARSET}`,
      zh: `只能使用${SCENE_CHARSET_ZH}`,
    };
    return problem(
      {
        en: `Scene contains ${shown.en}, which WeChat does not allow.`,
        zh: `场景值 scene 含有微信不允许的字符 ${shown.zh}。`,
      },
      fixed === undefined
        ? {
            en: `${charset.en}; for other text, use a short id the mini program looks up.`,
            zh: `${charset.zh}；其他内容请改用小程序可查询的短 id。`,
          }
        : {
            en: `Write it as ${fixed} (pasted text often carries invisible characters). ${charset.en}.`,
            zh: `请写成 ${fixed}（粘贴的文字常带有不可见字符）。${charset.zh}。`,
          },
      fixed === undefined ? undefined : { scene: fixed },
    );
  }
  const count = characterCount(scene);
  if (count > MAX_SCENE) {
    return tooLong('scene', count, MAX_SCENE, {
      en: 'Shorten it: use a short id the mini program looks up (e.g. id=42).',
      zh: '请缩短：改用小程序可查询的短 id（如 id=42）。',
    });
  }
  return undefined;
}

function checkPage(raw: unknown, all: CodeRequestInput): Checked<string> {
  const page = asText(raw);
  if (page === undefined) return notText('page');
  if (page.startsWith('/') || page.includes('?')) return pageAsPath(page, all.scene);
  return pageProblem(page) ?? passed(page);
}

/** A page WeChat takes as it is (a candidate fix must be one). */
const plainPage = (page: string): boolean =>
  !page.startsWith('/') && !page.includes('?') && pageProblem(page) === undefined;

/** What WeChat would refuse in a page that neither starts with '/' nor carries a query. */
function pageProblem(page: string): Checked<never> | undefined {
  const bad = firstUnsafe(page);
  if (bad !== undefined) {
    // Invisible characters go by themselves; a space in a page name is the user's to rename.
    const cleaned = withoutInvisible(page);
    const fits = cleaned !== page && plainPage(cleaned);
    return unsafeCharacter('page', bad, fits ? cleaned : undefined);
  }
  if (mentionsReserved(page)) return reserved('page');
  const count = characterCount(page);
  if (count > MAX_PAGE) {
    return tooLong('page', count, MAX_PAGE, {
      en: 'Enter just the page, such as pages/index/index.',
      zh: '只填写页面本身，例如 pages/index/index。',
    });
  }
  return undefined;
}

/**
 * A page written as a page path ('/pages/store/detail?id=1'): the fix is the page alone and, when
 * the scene is still empty and the query is a scene WeChat takes, the query moved into the scene.
 */
function pageAsPath(written: string, sceneRaw: unknown): Checked<never> {
  const { page, query } = splitPage(written);
  const message: Localized = written.startsWith('/')
    ? { en: "Page must not start with '/'.", zh: "页面不能以 '/' 开头。" }
    : { en: "Page must not contain a query ('?…').", zh: "页面不能带查询参数（'?…'）。" };
  const pageFits = plainPage(page);
  const sceneEmpty = !asText(sceneRaw);
  const moveQuery = pageFits && query !== '' && sceneEmpty && sceneProblem(query) === undefined;
  const shownPage: Localized = page
    ? { en: page, zh: page }
    : { en: 'an empty page (the home page)', zh: '空（即首页）' };
  let hint: Localized;
  if (!pageFits) {
    hint = {
      en: "Remove the leading '/' and the query ('?…'); put the data in the scene, which the page receives when the code is scanned.",
      zh: "请删除开头的 '/' 和查询参数（'?…'）；把数据放进场景值 scene，扫码后页面会收到 scene。",
    };
  } else if (moveQuery) {
    hint = {
      en: `Write it as ${shownPage.en}, and put ${query} in the scene: the page receives the scene when the code is scanned.`,
      zh: `请写成 ${shownPage.zh}，并把 ${query} 放进场景值 scene：扫码后页面会收到 scene。`,
    };
  } else if (query !== '') {
    hint = {
      en: `Write it as ${shownPage.en}, and put the data in the scene instead: the page receives the scene when the code is scanned.`,
      zh: `请写成 ${shownPage.zh}，并把数据放进场景值 scene：扫码后页面会收到 scene。`,
    };
  } else {
    hint = {
      en: `Write it as ${shownPage.en} (WeChat rejects a leading '/').`,
      zh: `请写成 ${shownPage.zh}（微信不接受开头的 '/'）。`,
    };
  }
  const fix: Fix | undefined = !pageFits ? undefined : moveQuery ? { page, scene: query } : { page };
  return problem(message, hint, fix);
}

function checkEnvVersion(raw: unknown): Checked<EnvVersion> {
  const word = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  const version = ENV_VERSIONS.find((v) => v === word);
  if (version) return passed(version);
  return problem(
    { en: 'Version must be release, trial or develop.', zh: '版本须为 release、trial 或 develop。' },
    {
      en: 'Use release for the published mini program (the default), trial for the trial version or develop for the development version.',
      zh: '正式版填 release（默认），体验版填 trial，开发版填 develop。',
    },
    { envVersion: 'release' },
  );
}

function checkWidth(raw: unknown): Checked<number> {
  const digits = typeof raw === 'string' ? raw.trim() : undefined;
  const width = typeof raw === 'number' ? raw : digits && /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
  if (Number.isInteger(width) && width >= MIN_WIDTH && width <= MAX_WIDTH) return passed(width);
  return problem(
    {
      en: `Width must be a whole number from ${MIN_WIDTH} to ${MAX_WIDTH} pixels.`,
      zh: `宽度须为 ${MIN_WIDTH} 到 ${MAX_WIDTH} 之间的整数像素。`,
    },
    {
      en: `Enter a width such as ${DEFAULT_STYLE.width} (the default).`,
      zh: `请填写宽度，例如 ${DEFAULT_STYLE.width}（默认值）。`,
    },
    { width: String(DEFAULT_STYLE.width) },
  );
}

function checkBoolean(field: CodeRequestField): (raw: unknown) => Checked<boolean> {
  return (raw) => {
    if (typeof raw === 'boolean') return passed(raw);
    const word = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim().toLowerCase() : '';
    if (TRUE_WORDS.has(word)) return passed(true);
    if (FALSE_WORDS.has(word)) return passed(false);
    const label = FIELD_LABELS[field];
    return problem(
      { en: `${label.en} must be yes or no.`, zh: `${label.zh}须为“是”或“否”。` },
      {
        en: 'Use true or false (yes/no and 1/0 work too).',
        zh: '请填写 true 或 false（也可用 是/否、yes/no、1/0）。',
      },
    );
  };
}

function asChannel(raw: unknown): number | undefined {
  const n = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 255 ? n : undefined;
}

function checkLineColor(raw: unknown): Checked<Rgb> {
  if (typeof raw === 'string') {
    const parsed = parseHexColor(raw);
    if (parsed) return passed(parsed);
  } else if (isRecord(raw)) {
    const r = asChannel(raw.r);
    const g = asChannel(raw.g);
    const b = asChannel(raw.b);
    if (r !== undefined && g !== undefined && b !== undefined) return passed({ r, g, b });
  }
  return problem(
    {
      en: 'Line color must be a hex color like #1aad19, or r, g, b values from 0 to 255.',
      zh: '线条颜色须为 #1aad19 这样的十六进制颜色，或 0 到 255 之间的 r、g、b 值。',
    },
    {
      en: 'Use #rrggbb, for example #000000 for black (the default).',
      zh: '请使用 #rrggbb 格式，例如黑色（默认）为 #000000。',
    },
    { lineColor: formatHexColor(DEFAULT_STYLE.lineColor) },
  );
}
