import { useEffect } from 'react';
import { dpiForWidth, WECHAT_MAX_WIDTH, WECHAT_MIN_WIDTH } from '../../../shared/print/physicalSize';
import type { AppError } from '../../../shared/result';
import { useT } from '../../i18n';
import { LabelledField } from '../../ui/LabelledField';
import { Segmented } from '../../ui/Segmented';
import { Switch } from '../../ui/Switch';
import { useCode } from '../code/codeStore';
import { PosterPicker } from '../posters/PosterPicker';
import { usePosters } from '../posters/postersStore';
import { LabelLines } from './LabelLines';
import { LogoField } from './LogoField';
import { usePrint } from './printStore';
import { useCheckedPrint } from './usePrinted';

const cm = (value: number) => `${Math.round(value * 10) / 10} cm`;
const distance = (centimetres: number) =>
  centimetres >= 100 ? `${Math.round(centimetres) / 100} m` : `${Math.round(centimetres)} cm`;

/** The fields of this section main's errors may name (shared/errors/print.ts); each shows its own. */
export const SECTION_FIELDS = ['printSize', 'dpi', 'labels', 'logo'];

/** main's error, when it names one of this section's fields. */
export const problemAt = (error: AppError | null, field: string) =>
  error?.field === field ? error : undefined;

/**
 * Make a code's Print section: a poster template, or the code's printed size and resolution (which
 * set the width asked of WeChat), label lines, margin, background and a centre logo. The preview
 * shows the result.
 */
export function PrintSection() {
  const { t } = useT();
  const draft = usePrint((s) => s.draft);
  const edit = usePrint((s) => s.edit);
  const error = usePrint((s) => s.error);
  const { plan, problems } = useCheckedPrint();
  const editCode = useCode((s) => s.edit);
  const slot = usePosters((s) => s.list.find((p) => p.posterId === draft.posterId)?.codeSize);
  const posterWidth =
    slot === undefined ? undefined : Math.min(WECHAT_MAX_WIDTH, Math.max(WECHAT_MIN_WIDTH, slot));
  // A poster's slot decides the width; else the printed size does.
  const requestWidth = draft.on ? (posterWidth ?? plan?.requestWidth) : undefined;

  // The printed size decides the width asked of WeChat: the form's width follows it.
  useEffect(() => {
    if (requestWidth !== undefined && useCode.getState().draft.width !== String(requestWidth)) {
      editCode({ width: String(requestWidth) });
    }
  }, [requestWidth, editCode]);

  return (
    <fieldset className="print-section">
      <legend>{t('printHeading')}</legend>
      <Switch
        id="print-on"
        label={t('printOn')}
        note={t('printOnNote')}
        checked={draft.on}
        onChange={(on) => edit({ on })}
      />
      {draft.on && (
        <PosterPicker
          id="print-poster"
          value={draft.posterId}
          note={t('posterPickNote')}
          onChange={(posterId) => edit({ posterId })}
        />
      )}
      {draft.on && draft.posterId === null && (
        <>
          <div className="print-size-row">
            <LabelledField
              id="print-size"
              label={t('printSize')}
              problem={problems.printSize ?? problemAt(error, 'printSize')}
            >
              {(aria) => (
                <div className="number-box">
                  <input
                    id="print-size"
                    type="number"
                    inputMode="decimal"
                    min={0}
                    step="0.1"
                    value={draft.size}
                    {...aria}
                    onChange={(e) => edit({ size: e.target.value })}
                  />
                  <select
                    aria-label={t('printUnit')}
                    value={draft.unit}
                    onChange={(e) => edit({ unit: e.target.value as 'cm' | 'in' })}
                  >
                    <option value="cm">cm</option>
                    <option value="in">in</option>
                  </select>
                </div>
              )}
            </LabelledField>
            <LabelledField
              id="print-dpi"
              label={t('printDpi')}
              value={draft.dpi}
              onChange={(dpi) => edit({ dpi })}
              problem={problems.dpi ?? problemAt(error, 'dpi')}
            />
          </div>
          {plan && (
            <div className="print-plan" role="status">
              <p>
                {t('printPlan', {
                  width: plan.requestWidth,
                  size: cm(plan.size.cm),
                  dpi: plan.dpi,
                  distance: distance(plan.scanDistanceCm),
                })}{' '}
                {t('printPlanWidthSet', { width: plan.requestWidth })}
              </p>
              {plan.needsVector && (
                <p className="print-vector-note">
                  {t('printNeedsVector', {
                    dpi: plan.dpi,
                    needed: plan.neededPx,
                    effective: Math.floor(dpiForWidth(plan.requestWidth, plan.size)),
                  })}
                </p>
              )}
            </div>
          )}
          <LabelLines problem={problemAt(error, 'labels')} />
          <div className="print-size-row">
            <LabelledField id="print-margin" label={t('printMargin')}>
              {(aria) => (
                <input
                  id="print-margin"
                  type="number"
                  min={0}
                  max={2000}
                  value={draft.margin}
                  {...aria}
                  onChange={(e) => edit({ margin: Math.max(0, Math.round(Number(e.target.value) || 0)) })}
                />
              )}
            </LabelledField>
            <div className="field">
              <Segmented
                name="print-background"
                legend={t('printBackground')}
                value={draft.transparent ? 'transparent' : 'colour'}
                options={[
                  { value: 'colour', label: t('printBackgroundColour') },
                  { value: 'transparent', label: t('printTransparent') },
                ]}
                onChange={(v) => edit({ transparent: v === 'transparent' })}
              />
              {!draft.transparent && (
                <input
                  type="color"
                  aria-label={t('printBackgroundColour')}
                  value={draft.background}
                  onChange={(e) => edit({ background: e.target.value })}
                />
              )}
            </div>
          </div>
          <LogoField problem={problemAt(error, 'logo')} />
        </>
      )}
    </fieldset>
  );
}
