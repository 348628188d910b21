import { useEffect } from 'react';
import type { CodeRequest } from '../../shared/codeRequest';
import type { GeneratedCode } from '../../shared/ipc';
import { useT } from '../i18n';
import { madeWithOf } from '../preview/previewStyle';
import { inkMaskFor } from '../preview/restyle';
import { useCode } from '../store/codeStore';

const targetOf = (request: CodeRequest): string =>
  request.kind === 'unlimited' ? `${request.page || '/'} ? ${request.scene}` : request.path;

let shown: { codeId: string; url: string } | null = null;

/**
 * One object URL for the one real image on screen, made at render time so switching back from the
 * live preview never shows an empty frame; the previous image's URL is released when it changes.
 */
function objectUrlFor(code: GeneratedCode): string {
  if (shown?.codeId !== code.codeId) {
    if (shown) URL.revokeObjectURL(shown.url);
    const blob = new Blob([code.png as Uint8Array<ArrayBuffer>], { type: 'image/png' });
    shown = { codeId: code.codeId, url: URL.createObjectURL(blob) };
  }
  return shown.url;
}

/** The real image as WeChat made it; dragging it out hands the stored file to the OS. */
export function RealCode({ code, request }: { code: GeneratedCode; request: CodeRequest }) {
  const { t } = useT();
  const drag = useCode((s) => s.drag);
  // Read the line mask now, while nothing is asked of the page: the first styling change is then instant.
  useEffect(() => {
    void inkMaskFor(code.codeId, code.png, madeWithOf(request));
  }, [code, request]);
  return (
    <img
      className="code-image"
      src={objectUrlFor(code)}
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
