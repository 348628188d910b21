import {
  CODE_KINDS,
  type CodeKind,
  DEFAULT_STYLE,
  type EnvVersion,
  MAX_WIDTH,
  MIN_WIDTH,
  type Rgb,
} from '../codeRequest';
import { formatHexColor, parseHexColor } from '../hexColor';
import { type Checked, isRecord, passed, problem } from './fieldValue';

// The fields that take one of WeChat's set values: the kind, the version, the width and the line
// colour.

const ENV_VERSIONS: readonly EnvVersion[] = ['release', 'trial', 'develop'];

export function checkKind(raw: unknown): Checked<CodeKind> {
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

export function checkEnvVersion(raw: unknown): Checked<EnvVersion> {
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

export function checkWidth(raw: unknown): Checked<number> {
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

function asChannel(raw: unknown): number | undefined {
  const n = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 255 ? n : undefined;
}

export function checkLineColor(raw: unknown): Checked<Rgb> {
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
