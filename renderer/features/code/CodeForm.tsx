import { useT } from '../../i18n';
import { ColorFields } from './ColorFields';
import { useCode } from './codeStore';
import { EnvVersionField } from './EnvVersionField';
import { GenerateBar } from './GenerateBar';
import { KindPicker } from './KindPicker';
import { TargetFields } from './TargetFields';
import { WidthField } from './WidthField';
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
      {kind !== 'qrcode' && <EnvVersionField />}
      <WidthField />
      {kind !== 'qrcode' && <ColorFields />}
      <GenerateBar />
    </form>
  );
}
