import type {
  CodeRequest,
  CodeStyle,
  EnvVersion,
  LimitedCodeRequest,
  SquareCodeRequest,
  UnlimitedCodeRequest,
} from './codeRequest';
import { DEFAULT_STYLE } from './codeRequest';
import {
  type CodeRequestField,
  type CodeRequestInput,
  FIELD_LABELS,
  type FieldError,
} from './codeRequest/fields';
import { type Check, checkBoolean, isRecord, withDefault } from './codeRequest/fieldValue';
import { checkEnvVersion, checkKind, checkLineColor, checkWidth } from './codeRequest/options';
import { checkPage } from './codeRequest/page';
import { checkPath, limitedPathLength, squarePathLength } from './codeRequest/pagePath';
import { checkScene } from './codeRequest/scene';

export type { CodeRequestField, CodeRequestInput, FieldError } from './codeRequest/fields';
export { FIELD_LABELS } from './codeRequest/fields';
export { formatHexColor, parseHexColor } from './hexColor';

export type CodeRequestValidation = { ok: true; value: CodeRequest } | { ok: false; errors: FieldError[] };

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
