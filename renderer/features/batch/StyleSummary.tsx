import { useShallow } from 'zustand/react/shallow';
import type { CodeKind } from '../../../shared/codeRequest';
import { useView } from '../../app/viewStore';
import { type Translate, useT } from '../../i18n';
import { useCode } from '../code/codeStore';
import type { Draft } from '../code/draft';

const ENV_LABEL = { release: 'envRelease', trial: 'envTrial', develop: 'envDevelop' } as const;

type Styling = Pick<Draft, 'width' | 'autoColor' | 'lineColor' | 'transparent' | 'envVersion' | 'checkPath'>;

/** The form's styling in a line: "430 px · lines #000000 · white background · Release". */
export function styleLine(draft: Styling, kind: CodeKind, t: Translate): string {
  const parts = [t('styleWidth', { width: draft.width.trim() || '?' })];
  if (kind !== 'qrcode') {
    parts.push(draft.autoColor ? t('autoColor') : t('styleLines', { hex: draft.lineColor }));
    parts.push(draft.transparent ? t('transparent') : t('styleOpaque'));
    parts.push(t('styleVersion', { version: t(ENV_LABEL[draft.envVersion]) }));
  }
  if (kind === 'unlimited') parts.push(draft.checkPath ? t('styleCheckPath') : t('styleNoCheckPath'));
  return parts.join(' · ');
}

/** Batch rows take the Make-a-code form's styling; this says which, and leads there to change it. */
export function StyleSummary({ kind }: { kind: CodeKind }) {
  const { t } = useT();
  const draft = useCode(
    useShallow(
      ({ draft: d }): Styling => ({
        width: d.width,
        autoColor: d.autoColor,
        lineColor: d.lineColor,
        transparent: d.transparent,
        envVersion: d.envVersion,
        checkPath: d.checkPath,
      }),
    ),
  );
  const show = useView((s) => s.show);
  return (
    <div className="style-summary">
      <p>
        <span className="muted-label">{t('styleFromForm')}</span>{' '}
        <span id="batch-style-line">{styleLine(draft, kind, t)}</span>
      </p>
      <button
        type="button"
        className="link"
        aria-describedby="batch-style-line"
        onClick={() => {
          show('code');
          document.getElementById('view-tab-code')?.focus();
        }}
      >
        {t('changeInForm')}
      </button>
    </div>
  );
}
