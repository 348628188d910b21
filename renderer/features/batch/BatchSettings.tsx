import { useMemo } from 'react';
import type { CodeKind } from '../../../shared/codeRequest';
import { useT } from '../../i18n';
import { Switch } from '../../ui/Switch';
import { ColorFields } from '../code/ColorFields';
import { useCode } from '../code/codeStore';
import { EnvVersionField } from '../code/EnvVersionField';
import { WidthField } from '../code/WidthField';
import { settingsErrors, settingsOf } from './batchSettings';
import { useBatch } from './batchStore';

/**
 * The batch's own styling, with WeChat's defaults until the user changes them: the Make-a-code
 * form's styling is copied only when the user asks. A row's Width or Line color cell still wins.
 */
export function BatchSettings({ kind }: { kind: CodeKind }) {
  const { t } = useT();
  const settings = useBatch((s) => s.settings);
  const edit = useBatch((s) => s.editSettings);
  const errors = useMemo(() => settingsErrors(kind, settings), [kind, settings]);
  return (
    <fieldset className="batch-settings">
      <legend>{t('batchSettings')}</legend>
      <p className="note">{t('batchSettingsNote')}</p>
      {kind !== 'qrcode' && (
        <EnvVersionField
          name="batch-env-version"
          value={settings.envVersion}
          onChange={(envVersion) => edit({ envVersion })}
        />
      )}
      {kind === 'unlimited' && (
        <Switch
          id="batch-check-path"
          label={t('checkPath')}
          note={t('batchCheckPathNote')}
          checked={settings.checkPath}
          onChange={(checkPath) => edit({ checkPath })}
        />
      )}
      <WidthField
        idPrefix="batch-"
        value={settings.width}
        onChange={(width) => edit({ width })}
        problem={errors.width}
      />
      {kind !== 'qrcode' && (
        <ColorFields idPrefix="batch-" value={settings} onChange={edit} problem={errors.lineColor} />
      )}
      <button
        type="button"
        className="copy-settings"
        onClick={() => edit(settingsOf(useCode.getState().draft))}
      >
        {t('copyFromForm')}
      </button>
    </fieldset>
  );
}
