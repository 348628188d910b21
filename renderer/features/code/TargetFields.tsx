import { useT } from '../../i18n';
import { LabelledField } from '../../ui/LabelledField';
import { Switch } from '../../ui/Switch';
import { PagePathHelp, usePagePathList } from '../pages/PagePathHelp';
import { useCode } from './codeStore';
import { useShownError } from './shownErrors';

/** Where the code leads: a page path, or for an unlimited code a scene and a page. */
export function TargetFields() {
  const kind = useCode((s) => s.draft.kind);
  return kind === 'unlimited' ? <SceneFields /> : <PathField />;
}

function PathField() {
  const { t } = useT();
  const path = useCode((s) => s.draft.path);
  const edit = useCode((s) => s.edit);
  return (
    <>
      <LabelledField
        id="path"
        label={t('path')}
        value={path}
        placeholder={t('pathPlaceholder')}
        list={usePagePathList()}
        problem={useShownError('path')}
        onChange={(path) => edit({ path })}
      />
      <PagePathHelp />
    </>
  );
}

function SceneFields() {
  const { t } = useT();
  const scene = useCode((s) => s.draft.scene);
  const page = useCode((s) => s.draft.page);
  const checkPath = useCode((s) => s.draft.checkPath);
  const edit = useCode((s) => s.edit);
  const sceneError = useShownError('scene');
  const pageError = useShownError('page');
  return (
    <>
      <LabelledField
        id="scene"
        label={t('scene')}
        value={scene}
        placeholder={t('scenePlaceholder')}
        note={t('sceneNote')}
        problem={sceneError}
        onChange={(scene) => edit({ scene })}
      />
      <LabelledField
        id="page"
        label={t('page')}
        value={page}
        placeholder={t('pagePlaceholder')}
        list={usePagePathList()}
        problem={pageError}
        onChange={(page) => edit({ page })}
      />
      <PagePathHelp />
      <Switch
        id="check-path"
        label={t('checkPath')}
        checked={checkPath}
        onChange={(checkPath) => edit({ checkPath })}
      />
    </>
  );
}
