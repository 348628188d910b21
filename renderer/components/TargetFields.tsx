import { useT } from '../i18n';
import { useCode } from '../store/codeStore';
import type { ShownErrors } from './CodeForm';
import { Switch } from './Switch';
import { TextField } from './TextField';

/** Where the code leads: a page path, or for an unlimited code a scene and a page. */
export function TargetFields({ errors }: { errors: ShownErrors }) {
  const { t } = useT();
  const draft = useCode((s) => s.draft);
  const edit = useCode((s) => s.edit);
  if (draft.kind !== 'unlimited') {
    return (
      <TextField
        id="path"
        label={t('path')}
        value={draft.path}
        placeholder={t('pathPlaceholder')}
        error={errors.path}
        onChange={(path) => edit({ path })}
      />
    );
  }
  return (
    <>
      <TextField
        id="scene"
        label={t('scene')}
        value={draft.scene}
        placeholder={t('scenePlaceholder')}
        note={t('sceneNote')}
        error={errors.scene}
        onChange={(scene) => edit({ scene })}
      />
      <TextField
        id="page"
        label={t('page')}
        value={draft.page}
        placeholder={t('pagePlaceholder')}
        error={errors.page}
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
