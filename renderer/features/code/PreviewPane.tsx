import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Rgb } from '../../../shared/codeRequest';
import { SandboxBadge } from '../../app/SandboxBadge';
import { useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';
import { useActiveAccount } from '../accounts/accountsStore';
import { PrintedCode } from '../print/PrintedCode';
import { usePrintActions } from '../print/usePrintActions';
import { useCode } from './codeStore';
import { useCodeView } from './codeView';
import { LivePreview } from './LivePreview';
import { PreviewActions } from './PreviewActions';
import { PreviousCode } from './PreviousCode';
import { madeWithOf, previewFieldsOf, previewStyle, scaledHeight } from './preview/previewStyle';
import { inkMaskFor } from './preview/restyle';
import { RealCode } from './RealCode';

export function PreviewPane() {
  const { t } = useT();
  const fields = useCode(useShallow((s) => previewFieldsOf(s.draft)));
  const view = useCodeView();
  const account = useActiveAccount();
  const [madeInk, setMadeInk] = useState<Rgb>({ r: 0, g: 0, b: 0 });
  const onInk = useCallback((ink: Rgb) => setMadeInk(ink), []);
  const { made, shown } = view;
  // While print is on, the stage shows the composed code and the actions hand it over.
  const print = usePrintActions();
  const style = useMemo(
    () => (made ? previewStyle(fields, made.request, madeInk) : null),
    [fields, made, madeInk],
  );
  // Read the line mask now, while nothing is asked of the page: the first styling change is then instant.
  useEffect(() => {
    // A failure shows when the preview asks for the mask itself.
    if (made) inkMaskFor(made.code.codeId, made.code.png, madeWithOf(made.request)).catch(() => {});
  }, [made]);

  let stage: ReactNode;
  let size: { width: number; height: number } | null = null;
  let transparent = false;
  if (made && shown === 'current' && print.target) {
    stage = <PrintedCode target={print.target} request={made.request} />;
    size = print.size;
    transparent = print.target.options.background === 'transparent';
  } else if (made && shown === 'current') {
    stage = <RealCode code={made.code} request={made.request} />;
    size = made.code;
    transparent = made.request.kind !== 'qrcode' && made.request.transparent;
  } else if (made && style && shown === 'restyled') {
    stage = <LivePreview made={made} style={style} onInk={onInk} />;
    size = { width: style.width, height: scaledHeight(made.code, style.width) };
    transparent = style.transparent;
  } else if (made && shown === 'previous') {
    // Kept in sight so the user sees what changed, but dimmed and marked: it is not the form's code.
    stage = <PreviousCode code={made.code} request={made.request} />;
  } else {
    stage = (
      <div className="empty">
        <p className="empty-title">{t('emptyTitle')}</p>
        <p className="note">{t('emptyBody')}</p>
      </div>
    );
  }

  return (
    <section className="preview-pane" aria-labelledby="preview-heading">
      <header className="preview-header">
        <h2 id="preview-heading">{t('previewHeading')}</h2>
        {size && <span className="pixel-size">{t('pixelSize', size)}</span>}
        <span className="spacer" />
        {account?.source.kind === 'sandbox' && <SandboxBadge />}
      </header>
      <div className="marker-row" role="status">
        {made && shown === 'current' && (
          <span className={`badge ${made.code.fromLibrary ? 'history' : 'fresh'}`}>
            {made.code.fromLibrary ? t('fromHistory') : t('freshCode')}
          </span>
        )}
        {shown === 'restyled' && (
          <span className="badge preview-marker">
            {t('previewMarker')} <span className="marker-note">{t('previewMarkerNote')}</span>
          </span>
        )}
        {shown === 'previous' && (
          <span className="badge previous-marker">
            {t('previousMarker')} <span className="marker-note">{t('previousMarkerNote')}</span>
          </span>
        )}
      </div>
      {made?.code.notKept && shown === 'current' && (
        <div className="inline-error">
          <ErrorText error={made.code.notKept} />
        </div>
      )}
      <div
        className={`stage${transparent ? ' checkerboard' : ''}${shown === 'previous' ? ' previous' : ''}`}
        data-caption={shown === 'previous' ? t('previousMarker') : undefined}
      >
        {stage}
      </div>
      <PreviewActions
        codeId={made && shown === 'current' ? made.code.codeId : null}
        why={shown === 'previous' ? 'actionsNeedCurrent' : 'actionsNeedReal'}
        actions={print.actions}
      />
    </section>
  );
}
