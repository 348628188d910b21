import { useT } from '../../i18n';
import { LabelledField } from '../../ui/LabelledField';
import { Switch } from '../../ui/Switch';
import type { ShownErrors } from './CodeForm';
import { useCode } from './codeStore';

/** Where the code leads: a page path, or for an unlimited code a scene and a page. */
export function TargetFields({ errors }: { errors: ShownErrors }) {
  const { t } = useT();
  const draft = useCode((s) => s.draft);
  const edit = useCode((s) => s.edit);
  if (draft.kind !== 'unlimited') {
    return (
      <LabelledField
        id="path"
        label={t('path')}
        value={draft.path}
        placeholder={t('pathPlaceholder')}
        problem={errors.path}
        onChange={(path) => edit({ path })}
      />
    );
  }
  return (
    <>
      <LabelledField
        id="scene"
        label={t('scene')}
        value={draft.scene}
        placeholder={t('scenePlaceholder')}
        note={t('sceneNote')}
        problem={errors.scene}
        onChange={(scene) => edit({ scene })}
      />
      <LabelledField
        id="page"
        label={t('page')}
        value={draft.page}
        placeholder={t('pagePlaceholder')}
        problem={errors.page}
        onChange={(page) => edit({ page })}
      />
      <Switch
        id="check-path"
        label={t('checkPath')}
        checked={draft.checkPath}
        onChange={(checkPath) => edit({ checkPath })}
      />
    </>
  );
}
