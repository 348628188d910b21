import type { CodeRequest } from '../../../shared/codeRequest';
import type { GeneratedCode } from '../../../shared/ipc/channels';
import { useT } from '../../i18n';
import { targetText } from './codeFacts';
import { codeImageUrls } from './preview/objectUrls';

/**
 * The code made before the form changed its target: shown as it was, dimmed and not draggable, so
 * nobody takes it for the code the form now asks for.
 */
export function PreviousCode({ code, request }: { code: GeneratedCode; request: CodeRequest }) {
  const { t } = useT();
  return (
    <img
      className="code-image previous-code"
      src={codeImageUrls.urlFor(code.codeId, code.png)}
      width={code.width}
      height={code.height}
      alt={t('previousAlt', { target: targetText(t, request) })}
      draggable={false}
    />
  );
}
