import type { CodeKind } from '../../shared/codeRequest';
import { flagNotForKindError, restatedForFlag } from '../../shared/errors/cli';
import type { AppError } from '../../shared/result';
import type { FieldError } from '../../shared/validateCodeRequest';

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
  printSize: '--print-size',
  dpi: '--dpi',
  labels: '--label',
  logo: '--logo',
};

/** A field error restated in terms of the flag that set the field; `more` other fields also need fixing. */
export function asFlagError(error: FieldError | AppError, more = 0): AppError {
  const field = error.field ?? '';
  const flag = FLAG_FOR_FIELD[field] ?? field;
  return restatedForFlag(error, flag, more);
}

/** Flags each code type has no use for: WeChat would drop them silently, so the CLI refuses them. */
const NOT_FOR_KIND: Record<CodeKind, readonly string[]> = {
  limited: ['scene', 'page', 'no-check-path'],
  unlimited: ['path'],
  qrcode: ['scene', 'page', 'no-check-path', 'line-color', 'auto-color', 'transparent', 'env'],
};

/** The first flag given that `kind` does not use, as an error naming it and the fix; undefined when none. */
export function flagNotForKind(kind: CodeKind, given: Record<string, unknown>): AppError | undefined {
  const flag = NOT_FOR_KIND[kind].find((name) => given[name] !== undefined && given[name] !== false);
  if (!flag) return undefined;
  return flagNotForKindError(flag, kind);
}
