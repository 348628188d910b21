import type { AppError } from '../../../shared/result';
import { useT } from '../../i18n';
import { ProblemText } from '../../ui/LabelledField';
import { Switch } from '../../ui/Switch';
import { useCode } from '../code/codeStore';
import { DEFAULT_LOGO_PERCENT } from './printDraft';
import { usePrint } from './printStore';

/**
 * The centre logo: picked in main's open dialog (the page never names a file), its width as a share
 * of the code's, and a white ring. A width that would cover data comes back from main, shown here.
 */
export function LogoField({ problem }: { problem: AppError | undefined }) {
  const { t } = useT();
  const draft = usePrint((s) => s.draft);
  const edit = usePrint((s) => s.edit);
  const chooseLogo = usePrint((s) => s.chooseLogo);
  const kind = useCode((s) => s.draft.kind);
  const round = kind !== 'qrcode';
  return (
    <fieldset className="field print-logo">
      <legend>{t('printLogo')}</legend>
      <div className="print-logo-row">
        <button type="button" onClick={() => void chooseLogo()}>
          {t('printChooseLogo')}
        </button>
        <span className="note">{draft.logo ? draft.logo.name : t('printNoLogo')}</span>
        {draft.logo && (
          <button type="button" className="link" onClick={() => edit({ logo: null })}>
            {t('printRemoveLogo')}
          </button>
        )}
      </div>
      {draft.logo && (
        <div className="print-logo-row">
          <label htmlFor="print-logo-size">{t('printLogoSize')}</label>
          <input
            id="print-logo-size"
            type="number"
            min={1}
            max={100}
            placeholder={String(DEFAULT_LOGO_PERCENT[round ? 'round' : 'square'])}
            value={draft.logoPercent}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'print-logo-error' : undefined}
            onChange={(e) => edit({ logoPercent: e.target.value })}
          />
          {round && (
            <Switch
              id="print-ring"
              label={t('printRing')}
              checked={draft.ring}
              onChange={(ring) => edit({ ring })}
            />
          )}
        </div>
      )}
      {problem && <ProblemText fieldId="print-logo" problem={problem} />}
    </fieldset>
  );
}
