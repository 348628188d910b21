import type { CodeKind, CodeRequest, EnvVersion } from '../../../shared/codeRequest';
import { DEFAULT_STYLE } from '../../../shared/codeRequest';
import { sameRequest } from '../../../shared/requestIdentity';
import { type TargetWarning, targetWarning } from '../../../shared/targetWarnings';
import {
  type CodeRequestField,
  type FieldError,
  formatHexColor,
  validateCodeRequest,
} from '../../../shared/validateCodeRequest';

/** The form as typed: every kind's fields at once, so switching kind keeps what still applies. */
export interface Draft {
  kind: CodeKind;
  path: string;
  scene: string;
  page: string;
  checkPath: boolean;
  envVersion: EnvVersion;
  /** Text, so a half-typed number can be shown and flagged rather than silently corrected. */
  width: string;
  lineColor: string;
  autoColor: boolean;
  transparent: boolean;
}

export const EMPTY_DRAFT: Draft = {
  kind: 'limited',
  path: '',
  scene: '',
  page: '',
  checkPath: true,
  envVersion: 'release',
  width: String(DEFAULT_STYLE.width),
  lineColor: formatHexColor(DEFAULT_STYLE.lineColor),
  autoColor: DEFAULT_STYLE.autoColor,
  transparent: DEFAULT_STYLE.transparent,
};

export type DraftErrors = Partial<Record<CodeRequestField, FieldError>>;

export interface CheckedDraft {
  request: CodeRequest | null;
  errors: DraftErrors;
  /** A request WeChat takes but the user probably did not mean (a web address): asked before Generate. */
  warning: TargetWarning | null;
}

/** The shared rules the main process applies too, so what passes here is what gets made. */
export function checkDraft(draft: Draft): CheckedDraft {
  const checked = validateCodeRequest(draft);
  if (checked.ok) return { request: checked.value, errors: {}, warning: targetWarning(checked.value) };
  const errors: DraftErrors = {};
  for (const error of checked.errors) errors[error.field as CodeRequestField] ??= error;
  return { request: null, errors, warning: null };
}

/** The fields a code is styled by: the preview repaints these locally, so they never make it stale. */
function styleOf(made: CodeRequest): Partial<Draft> {
  if (made.kind === 'qrcode') return { width: String(made.width) };
  return {
    width: String(made.width),
    lineColor: formatHexColor(made.lineColor),
    autoColor: made.autoColor,
    transparent: made.transparent,
  };
}

/**
 * Whether the form still asks for the code `made` leads to: the same kind, target, version and
 * check, whatever the width, colour and background (those the preview repaints). The same identity
 * the library uses, applied to the draft with the made code's style put back.
 */
export function sameTarget(draft: Draft, made: CodeRequest): boolean {
  const checked = validateCodeRequest({ ...draft, ...styleOf(made) });
  return checked.ok && sameRequest(checked.value, made);
}

/** A page path's page without its query: what an unlimited code's `page` can take from it. */
const pageOf = (path: string): string => path.split('?')[0]!.replace(/^\/+/, '');

export function switchKind(draft: Draft, kind: CodeKind): Draft {
  const next = { ...draft, kind };
  if (kind === 'unlimited' && !draft.page.trim() && draft.path.trim()) next.page = pageOf(draft.path);
  if (kind !== 'unlimited' && !draft.path.trim() && draft.page.trim()) next.path = draft.page.trim();
  return next;
}

/** The form filled in as it was for an earlier request, so opening it again asks for the same code. */
export function draftOf(request: CodeRequest): Draft {
  const draft: Draft = { ...EMPTY_DRAFT, kind: request.kind, width: String(request.width) };
  if (request.kind === 'qrcode') return { ...draft, path: request.path };
  const style = {
    envVersion: request.envVersion,
    lineColor: formatHexColor(request.lineColor),
    autoColor: request.autoColor,
    transparent: request.transparent,
  };
  if (request.kind === 'limited') return { ...draft, ...style, path: request.path };
  return { ...draft, ...style, scene: request.scene, page: request.page, checkPath: request.checkPath };
}

export { sameRequest };
