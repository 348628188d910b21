import { type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Rgb } from '../../../shared/codeRequest';
import { useT } from '../../i18n';
import type { MadeCode } from './codeStore';
import {
  madeWithOf,
  type PreviewStyle,
  paintedWidth,
  type Stage,
  scaledHeight,
} from './preview/previewStyle';
import { type InkMask, inkMaskFor, inkMaskReady, paintRestyled } from './preview/restyle';

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

  const resized = useStageResizes(canvas);

  // Before the browser paints, so a slider drag never shows a stale frame.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a resized stage repaints at its new size.
  useLayoutEffect(() => {
    const target = canvas.current;
    if (!mask || !target) return;
    paintRestyled(target, mask, style, paintedWidth(style.width, mask, stageOf(target)));
  }, [mask, style, resized]);

  // Sized from the start, so the layout does not jump while the first mask is read; after that
  // only the paint sizes it (React setting the size again would clear the canvas at every change).
  const [initial] = useState(() => ({ width: style.width, height: scaledHeight(made.code, style.width) }));
  return (
    <canvas
      ref={canvas}
      width={initial.width}
      height={initial.height}
      className="code-image"
      role="img"
      aria-label={t('previewAlt')}
    />
  );
}

/** The room the canvas's parent gives it (inside its padding), read when painting. */
function stageOf(canvas: HTMLCanvasElement): Stage {
  const parent = canvas.parentElement;
  if (!parent) return { width: 0, height: 0, pixelRatio: 1 };
  const box = getComputedStyle(parent);
  return {
    width: parent.clientWidth - Number.parseFloat(box.paddingLeft) - Number.parseFloat(box.paddingRight),
    height: parent.clientHeight - Number.parseFloat(box.paddingTop) - Number.parseFloat(box.paddingBottom),
    pixelRatio: window.devicePixelRatio || 1,
  };
}

/** Counts the stage's size changes, so a larger window repaints the preview with more pixels. */
function useStageResizes(canvas: RefObject<HTMLCanvasElement | null>): number {
  const [resizes, setResizes] = useState(0);
  useEffect(() => {
    const parent = canvas.current?.parentElement;
    if (!parent) return;
    const observer = new ResizeObserver(() => setResizes((n) => n + 1));
    observer.observe(parent);
    return () => observer.disconnect();
  }, [canvas]);
  return resizes;
}
