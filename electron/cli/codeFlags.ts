import type { CodeKind } from '../../shared/codeRequest';
import type { AppError } from '../../shared/result';
import type { FieldError } from '../../shared/validateCodeRequest';
import { flagError } from './flags';

/** Where the access_token comes from; read by credentialsFromFlags. */
export const CREDENTIAL_FLAGS = {
  account: { type: 'string' },
  appid: { type: 'string' },
  'token-url': { type: 'string' },
  'api-base': { type: 'string' },
} as const;

/** How the codes look and which version they open, shared by `generate` and `batch`. */
export const STYLE_FLAGS = {
  width: { type: 'string' },
  'line-color': { type: 'string' },
  'auto-color': { type: 'boolean' },
  transparent: { type: 'boolean' },
  env: { type: 'string' },
  'no-check-path': { type: 'boolean' },
} as const;

export const CREDENTIAL_USAGE = '(--account NAME | --appid ID | --token-url URL) [--api-base URL]';
export const STYLE_USAGE =
  "[--width N] [--line-color '#rrggbb'] [--auto-color] [--transparent] [--env release|trial|develop]";

export interface StyleFlagValues {
  width?: string;
  'line-color'?: string;
  'auto-color'?: boolean;
  transparent?: boolean;
  env?: string;
  'no-check-path'?: boolean;
}

/** The request fields the style flags set, unchecked: validateCodeRequest checks them. */
export function styleFromFlags(values: StyleFlagValues) {
  return {
    checkPath: !values['no-check-path'],
    envVersion: values.env,
    width: values.width,
    lineColor: values['line-color'],
    autoColor: values['auto-color'] ?? false,
    transparent: values.transparent ?? false,
  };
}

/** CLI flag for each request field, so an error about `envVersion` tells the user to fix `--env`. */
export const FLAG_FOR_FIELD: Record<string, string> = {
  path: '--path',
  scene: '--scene',
  page: '--page',
  checkPath: '--no-check-path',
  envVersion: '--env',
  width: '--width',
  lineColor: '--line-color',
  autoColor: '--auto-color',
  transparent: '--transparent',
};

/** A field error restated in terms of the flag that set the field; `more` other fields also need fixing. */
export function asFlagError(error: FieldError | AppError, more = 0): AppError {
  const field = error.field ?? '';
  const flag = FLAG_FOR_FIELD[field] ?? field;
  return {
    ...error,
    field: flag,
    message: { en: `${flag}: ${error.message.en}`, zh: `${flag}:${error.message.zh}` },
    ...(more
      ? {
          hint: {
            en: `${error.hint.en} (${more} more field(s) also need fixing.)`,
            zh: `${error.hint.zh}(另有 ${more} 项需要修改。)`,
          },
        }
      : {}),
  };
}

/** Flags each code type has no use for: WeChat would drop them silently, so the CLI refuses them. */
const NOT_FOR_KIND: Record<CodeKind, readonly string[]> = {
  limited: ['scene', 'page', 'no-check-path'],
  unlimited: ['path'],
  qrcode: ['scene', 'page', 'no-check-path', 'line-color', 'auto-color', 'transparent', 'env'],
};

const KIND_WORDS: Record<CodeKind, { en: string; zh: string; other: { en: string; zh: string } }> = {
  limited: {
    en: 'a mini program code by page path (--path)',
    zh: '按页面路径生成的小程序码（--path）',
    other: { en: 'use --scene for an unlimited code', zh: '如需无限量小程序码请用 --scene' },
  },
  unlimited: {
    en: 'an unlimited code (--scene), which opens --page',
    zh: '无限量小程序码（--scene），其页面由 --page 指定',
    other: { en: 'leave out --scene for a code by page path', zh: '如需按页面路径生成请去掉 --scene' },
  },
  qrcode: {
    en: 'a square QR code (--qrcode), which takes only --path and --width',
    zh: '普通二维码（--qrcode），它只接受 --path 和 --width',
    other: { en: 'leave out --qrcode for a round mini program code', zh: '如需圆形小程序码请去掉 --qrcode' },
  },
};

/** The first flag given that `kind` does not use, as an error naming it and the fix; undefined when none. */
export function flagNotForKind(kind: CodeKind, given: Record<string, unknown>): AppError | undefined {
  const flag = NOT_FOR_KIND[kind].find((name) => given[name] !== undefined && given[name] !== false);
  if (!flag) return undefined;
  const words = KIND_WORDS[kind];
  return flagError(
    `--${flag}`,
    `--${flag} does not apply to ${words.en}; WeChat would ignore it.`,
    `--${flag} 不适用于${words.zh}，微信会忽略它。`,
    `Leave out --${flag}, or ${words.other.en}.`,
    `请去掉 --${flag}，或${words.other.zh}。`,
  );
}
