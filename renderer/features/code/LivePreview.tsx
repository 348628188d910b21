import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Rgb } from '../../../shared/codeRequest';
import { useT } from '../../i18n';
import type { MadeCode } from './codeStore';
import { madeWithOf, type PreviewStyle, scaledHeight } from './preview/previewStyle';
import { type InkMask, inkMaskFor, inkMaskReady, paintRestyled } from './preview/restyle';
import { shapeStyle } from './RealCode';

/** The last real image repainted in the form's style on a canvas: no call to WeChat. */
export function LivePreview({
  made,
  style,
  onInk,
}: {
  made: MadeCode;
  style: PreviewStyle;
  onInk(ink: Rgb): void;
}) {
  const { t } = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [mask, setMask] = useState<InkMask | null>(() => inkMaskReady(made.code.codeId));

  useEffect(() => {
    let current = true;
    inkMaskFor(made.code.codeId, made.code.png, madeWithOf(made.request)).then(
      (read) => {
        if (!current) return;
        setMask(read);
        onInk(read.ink);
      },
      // The mask could not be read: the canvas stays blank until the next code; Generate still works.
      () => {},
    );
    return () => {
      current = false;
    };
  }, [made, onInk]);

  // Before the browser paints, so a slider drag never shows a stale frame.
  useLayoutEffect(() => {
    if (mask && canvas.current) paintRestyled(canvas.current, mask, style);
  }, [mask, style]);

  // Sized from the start, so the layout does not jump while the first mask is read.
  return (
    <canvas
      ref={canvas}
      width={style.width}
      height={scaledHeight(made.code, style.width)}
      style={shapeStyle(made.code)}
      className="code-image"
      role="img"
      aria-label={t('previewAlt')}
    />
  );
}
