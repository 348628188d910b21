import { useT } from '../../i18n';
import { PrintSection } from '../print/PrintSection';
import { useCode } from './codeStore';
import { FormColorFields, FormEnvVersionField, FormWidthField } from './FormStyleFields';
import { GenerateBar } from './GenerateBar';
import { KindPicker } from './KindPicker';
import { TargetFields } from './TargetFields';
import './code.css';

export function CodeForm() {
  const { t } = useT();
  const kind = useCode((s) => s.draft.kind);
  const generate = useCode((s) => s.generate);
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
      <TargetFields />
      {kind !== 'qrcode' && <FormEnvVersionField />}
      <FormWidthField />
      {kind !== 'qrcode' && <FormColorFields />}
      <PrintSection />
      <GenerateBar />
    </form>
  );
}
