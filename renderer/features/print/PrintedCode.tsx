import { useEffect, useMemo } from 'react';
import type { CodeRequest } from '../../../shared/codeRequest';
import { useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';
import { targetText } from '../code/codeFacts';
import { shapeStyle } from '../code/RealCode';
import { SECTION_FIELDS } from './PrintSection';
import { usePrint } from './printStore';
import type { PrintTarget } from './usePrinted';
import { usePrintedView } from './usePrinted';

/**
 * The preview while print is on: the code as main composed it, labels, logo and margins included,
 * exactly what Save, Copy and Drag hand over. Dragging it out drags that image.
 */
export function PrintedCode({ target, request }: { target: PrintTarget; request: CodeRequest }) {
  const { t } = useT();
  const view = usePrintedView(target);
  const drag = usePrint((s) => s.drag);
  const error = usePrint((s) => s.error);
  const url = useMemo(
    () => (view ? URL.createObjectURL(new Blob([new Uint8Array(view.png)], { type: 'image/png' })) : null),
    [view],
  );
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  if (!view || !url) {
    // A field's problem shows at its field; the preview says what could not be composed.
    if (error && !SECTION_FIELDS.includes(error.field ?? '')) {
      return (
        <div className="inline-error">
          <ErrorText error={error} />
        </div>
      );
    }
    return <p className="note">{t(error ? 'printFixFirst' : 'printComposing')}</p>;
  }
  return (
    <img
      className="code-image printed-code"
      src={url}
      width={view.width}
      height={view.height}
      style={shapeStyle(view)}
      alt={t('printedAlt', { target: targetText(t, request) })}
      draggable
      onDragStart={(e) => {
        e.preventDefault();
        void drag(target.codeId, target.options);
      }}
    />
  );
}
