import type { CodeRequestField, FieldError } from '../../../shared/validateCodeRequest';
import { useCode } from './codeStore';

/**
 * A field's error to show now: only once the user has touched the field, so an empty form is not a
 * wall of red. Read from the check the store keeps, so typing does not check the draft again here.
 */
export function useShownError(field: CodeRequestField): FieldError | undefined {
  return useCode((s) => (s.touched[field] ? s.checked.errors[field] : undefined));
}
