import type { AppError, Localized } from '../result';

// A code request's fields as every source names them. FIELD_LABELS lists them in the form's order,
// which is the order errors are reported in.

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

/**
 * What arrives from the form, IPC, a spreadsheet row or CLI flags: anything, checked by
 * validateCodeRequest.
 */
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
