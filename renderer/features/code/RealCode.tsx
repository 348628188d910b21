import type { CSSProperties } from 'react';
import type { CodeRequest } from '../../../shared/codeRequest';
import type { GeneratedCode } from '../../../shared/ipc/channels';
import { useT } from '../../i18n';
import { targetText } from './codeFacts';
import { useCode } from './codeStore';
import { codeImageUrls } from './preview/objectUrls';

/** The code's shape for the stylesheet, which sizes a code to its stage (code.css, `.code-image`). */
export function shapeStyle(size: { width: number; height: number }): CSSProperties {
  return { '--aspect': size.width / size.height } as CSSProperties;
}

/** The real image as WeChat made it; dragging it out hands the stored file to the OS. */
export function RealCode({ code, request }: { code: GeneratedCode; request: CodeRequest }) {
  const { t } = useT();
  const drag = useCode((s) => s.drag);
  return (
    <img
      className="code-image"
      src={codeImageUrls.urlFor(code.codeId, code.png)}
      width={code.width}
      height={code.height}
      style={shapeStyle(code)}
      alt={t('codeAlt', { target: targetText(t, request) })}
      draggable
      onDragStart={(e) => {
        // The OS drag (Electron's startDrag) carries the real file; the browser's own would carry a blob URL.
        e.preventDefault();
        void drag(code.codeId);
      }}
    />
  );
}
