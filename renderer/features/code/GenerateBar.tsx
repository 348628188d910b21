import { useSettings } from '../../app/settingsStore';
import { useT } from '../../i18n';
import { Switch } from '../../ui/Switch';
import { useAccounts } from '../accounts/accountsStore';
import { CostNote } from './CostNote';
import { useCode } from './codeStore';
import { useCodeView } from './codeView';
import { focusField } from './fieldFocus';

/** Generate, Regenerate, what a code costs and, for unlimited codes, generating on a pause in typing. */
export function GenerateBar() {
  const { t, pick } = useT();
  const busy = useCode((s) => s.busy);
  const kind = useCode((s) => s.draft.kind);
  const touched = useCode((s) => s.touched);
  const generate = useCode((s) => s.generate);
  const view = useCodeView();
  const hasAccount = useAccounts((s) => s.activeId !== null);
  const autoGenerate = useSettings((s) => s.settings.autoGenerateUnlimited);
  const updateSettings = useSettings((s) => s.update);

  const firstError = Object.values(view.errors)[0];
  const warning = view.pendingWarning;
  // Each reason points at the field to fix: pressing it marks the fields and puts the caret in the first.
  const showField = () => {
    const field = useCode.getState().markProblems() ?? warning?.field;
    if (field) focusField(field);
  };
  const blocker = !hasAccount
    ? t('noAccount')
    : firstError
      ? touched[firstError.field as keyof typeof touched]
        ? t('fixFieldsFirst')
        : pick(firstError.message)
      : warning
        ? t('warningBlocks', { field: t(warning.field) })
        : null;
  const blockerIsField = hasAccount && (firstError !== undefined || warning !== null);

  return (
    <div className="generate-bar">
      <div className="buttons">
        <button
          type="submit"
          className="primary"
          disabled={blocker !== null || busy}
          aria-busy={busy}
          aria-describedby={blocker ? 'generate-blocker' : view.inSync ? undefined : 'generate-cost'}
        >
          {busy ? t('generating') : t('generate')}
        </button>
        {view.inSync && (
          <button
            type="button"
            className="secondary"
            disabled={busy}
            title={t('regenerateNote')}
            aria-describedby="regenerate-note"
            onClick={() => void generate({ regenerate: true })}
          >
            {t('regenerate')}
          </button>
        )}
        <span id="regenerate-note" className="visually-hidden">
          {t('regenerateNote')}
        </span>
      </div>
      {blocker &&
        (blockerIsField ? (
          <button id="generate-blocker" type="button" className="blocker-link" onClick={showField}>
            {blocker}
          </button>
        ) : (
          <p id="generate-blocker" className="note">
            {blocker}
          </p>
        ))}
      {!view.inSync && <CostNote id="generate-cost" />}
      {kind === 'unlimited' && (
        <Switch
          id="auto-generate"
          label={t('autoGenerate')}
          checked={autoGenerate}
          onChange={(on) => void updateSettings({ autoGenerateUnlimited: on })}
        />
      )}
    </div>
  );
}
