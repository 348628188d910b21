import { batchStyleErrors } from '../../../shared/batchStyle';
import type { CodeKind, EnvVersion } from '../../../shared/codeRequest';
import type { ChannelInput } from '../../../shared/ipc/channels';
import type { FieldError } from '../../../shared/validateCodeRequest';
import { type Draft, EMPTY_DRAFT } from '../code/draft';

// The batch's own styling: set in the Batch view, never read from the Make-a-code form (a green
// one-off code must not make a green batch). "Copy from Make a code" takes the form's on purpose.

/** The settings as typed in the Batch view: text where a half-typed value can be shown and flagged. */
export interface BatchSettings {
  width: string;
  lineColor: string;
  autoColor: boolean;
  transparent: boolean;
  envVersion: EnvVersion;
  /** Unlimited codes only: WeChat's own default is on (the page must exist in the published version). */
  checkPath: boolean;
}

export type BatchSettingsField = keyof BatchSettings;

/** WeChat's defaults, as a new form has them: 430 px, black lines, opaque, release, page checked. */
export const DEFAULT_BATCH_SETTINGS: BatchSettings = settingsOf(EMPTY_DRAFT);

/** The Make-a-code form's styling, for "Copy from Make a code". */
export function settingsOf(draft: Draft): BatchSettings {
  const { width, lineColor, autoColor, transparent, envVersion, checkPath } = draft;
  return { width, lineColor, autoColor, transparent, envVersion, checkPath };
}

export type BatchStyleInput = ChannelInput<'batch:plan'>['style'];

/** The settings as batch:plan takes them; main checks them again with the same rules. */
export function styleOf(settings: BatchSettings): BatchStyleInput {
  return {
    // The channel takes at most 20 characters; a longer width is wrong anyway and still reported as such.
    width: settings.width.trim().slice(0, 20),
    lineColor: settings.lineColor.trim().slice(0, 20),
    autoColor: settings.autoColor,
    transparent: settings.transparent,
    envVersion: settings.envVersion,
    checkPath: settings.checkPath,
  };
}

/** Each field's problem under the same rules as one code's, before anything is asked of main. */
export function settingsErrors(
  kind: CodeKind,
  settings: BatchSettings,
): Partial<Record<BatchSettingsField, FieldError>> {
  const errors: Partial<Record<BatchSettingsField, FieldError>> = {};
  for (const error of batchStyleErrors(kind, styleOf(settings))) {
    errors[error.field as BatchSettingsField] ??= error;
  }
  return errors;
}
