import { useEffect, useState } from 'react';
import type { CodeRequest } from '../../shared/codeRequest';
import type { GeneratedCode } from '../../shared/ipc';
import { useT } from '../i18n';
import { useCode } from '../store/codeStore';

const targetOf = (request: CodeRequest): string =>
  request.kind === 'unlimited' ? `${request.page || '/'} ? ${request.scene}` : request.path;

/** The real image as WeChat made it; dragging it out hands the stored file to the OS. */
export function RealCode({ code, request }: { code: GeneratedCode; request: CodeRequest }) {
  const { t } = useT();
  const drag = useCode((s) => s.drag);
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(
      new Blob([code.png as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
    );
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [code]);
  if (!url) return null;
  return (
    <img
      className="code-image"
      src={url}
      width={code.width}
      height={code.height}
      alt={t('codeAlt', { target: targetOf(request) })}
      draggable
      onDragStart={(e) => {
        // The OS drag (Electron's startDrag) carries the real file; the browser's own would carry a blob URL.
        e.preventDefault();
        void drag();
      }}
    />
  );
}
