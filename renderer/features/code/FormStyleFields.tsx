import { useShallow } from 'zustand/react/shallow';
import { ColorFields } from './ColorFields';
import { useCode } from './codeStore';
import { EnvVersionField } from './EnvVersionField';
import { useShownError } from './shownErrors';
import { WidthField } from './WidthField';

// The styling fields bound to the Make-a-code form's draft. Each reads only its own values, so a
// width change repaints the width field and not the whole form (see bench:preview).

export function FormWidthField() {
  const width = useCode((s) => s.draft.width);
  const edit = useCode((s) => s.edit);
  return <WidthField value={width} onChange={(width) => edit({ width })} problem={useShownError('width')} />;
}

export function FormColorFields() {
  const value = useCode(
    useShallow(({ draft: d }) => ({
      lineColor: d.lineColor,
      autoColor: d.autoColor,
      transparent: d.transparent,
    })),
  );
  const edit = useCode((s) => s.edit);
  return <ColorFields value={value} onChange={edit} problem={useShownError('lineColor')} />;
}

export function FormEnvVersionField() {
  const envVersion = useCode((s) => s.draft.envVersion);
  const edit = useCode((s) => s.edit);
  return <EnvVersionField value={envVersion} onChange={(envVersion) => edit({ envVersion })} />;
}
