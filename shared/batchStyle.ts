import type { BatchStyle } from './batch';
import type { CodeKind } from './codeRequest';
import { type FieldError, validateCodeRequest } from './validateCodeRequest';

/** A target every code type accepts, so only the styling can be at fault. */
const ANY_TARGET = { path: 'pages/index/index', scene: 'x' } as const;

/**
 * What is wrong with a batch's own settings, field by field, under the same rules as one code's
 * (validateCodeRequest): the Batch view shows these under its fields before anything is asked of
 * main, and main refuses a plan with any of them, so a bad width is one error, not one per row.
 */
export function batchStyleErrors(kind: CodeKind, style: BatchStyle): FieldError[] {
  const checked = validateCodeRequest({ ...style, kind, ...ANY_TARGET });
  return checked.ok ? [] : checked.errors;
}
