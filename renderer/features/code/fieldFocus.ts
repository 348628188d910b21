import type { CodeRequestField } from '../../../shared/validateCodeRequest';

/** The control that edits each field of the form (the number box for the width, the hex box for the colour). */
const CONTROLS: Record<CodeRequestField, string> = {
  kind: 'kind-limited',
  path: 'path',
  scene: 'scene',
  page: 'page',
  checkPath: 'check-path',
  envVersion: 'env-version-release',
  width: 'width-number',
  autoColor: 'auto-color',
  lineColor: 'line-color-hex',
  transparent: 'transparent',
};

/** Puts the caret in the field, selected, so the user can type the fix straight away. */
export function focusField(field: CodeRequestField): void {
  const control = document.getElementById(CONTROLS[field]);
  if (!control) return;
  control.focus();
  if (control instanceof HTMLInputElement && control.type === 'text') control.select();
}
