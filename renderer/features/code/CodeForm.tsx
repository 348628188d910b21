import type { CodeRequestField, FieldError } from '../../../shared/validateCodeRequest';
import { useT } from '../../i18n';
import { ColorFields } from './ColorFields';
import { useCode } from './codeStore';
import { useCodeView } from './codeView';
import { EnvVersionField } from './EnvVersionField';
import { GenerateBar } from './GenerateBar';
import { KindPicker } from './KindPicker';
import { TargetFields } from './TargetFields';
import { WidthField } from './WidthField';

/** The errors to show now: those of fields the user has touched. */
export type ShownErrors = Partial<Record<CodeRequestField, FieldError>>;

export function CodeForm() {
  const { t } = useT();
  const kind = useCode((s) => s.draft.kind);
  const touched = useCode((s) => s.touched);
  const generate = useCode((s) => s.generate);
  const view = useCodeView();
  const shown: ShownErrors = {};
  for (const [field, error] of Object.entries(view.errors) as Array<[CodeRequestField, FieldError]>) {
    if (touched[field]) shown[field] = error;
  }
  return (
    <form
      className="code-form"
      aria-labelledby="form-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void generate();
      }}
    >
      <h2 id="form-heading" className="visually-hidden">
        {t('formHeading')}
      </h2>
      <KindPicker />
      <TargetFields errors={shown} />
      {kind !== 'qrcode' && <EnvVersionField />}
      <WidthField errors={shown} />
      {kind !== 'qrcode' && <ColorFields errors={shown} />}
      <GenerateBar view={view} />
    </form>
  );
}
