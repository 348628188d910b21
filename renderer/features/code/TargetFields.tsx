import { useT } from '../../i18n';
import { LabelledField } from '../../ui/LabelledField';
import { Switch } from '../../ui/Switch';
import { PagePathHelp, usePagePathList } from '../pages/PagePathHelp';
import { ApplyFix } from './ApplyFix';
import { useCode } from './codeStore';
import { useShownError } from './shownErrors';
import { TargetWarningNote, warningId } from './TargetWarningNote';

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
      <TargetInput
        id="path"
        label={t('path')}
        value={path}
        placeholder={t('pathPlaceholder')}
        list={usePagePathList()}
        onChange={(path) => edit({ path })}
      />
      <PagePathHelp />
    </>
  );
}

/** The page path or page: a text box that also points at the form's warning about it. */
function TargetInput(props: {
  id: 'path' | 'page';
  label: string;
  value: string;
  placeholder: string;
  /** The id of the <datalist> of imported pages, once there are some. */
  list?: string;
  onChange(value: string): void;
}) {
  const { id } = props;
  const problem = useShownError(id);
  const warned = useCode((s) => s.checked.warning?.field === id);
  return (
    <div className="target-field">
      <LabelledField id={id} label={props.label} problem={problem}>
        {(aria) => (
          <input
            id={id}
            type="text"
            value={props.value}
            placeholder={props.placeholder}
            spellCheck={false}
            autoComplete="off"
            list={props.list}
            aria-invalid={aria['aria-invalid']}
            aria-describedby={
              [aria['aria-describedby'], warned && warningId(id)].filter(Boolean).join(' ') || undefined
            }
            onChange={(e) => props.onChange(e.target.value)}
          />
        )}
      </LabelledField>
      <ApplyFix field={id} />
      <TargetWarningNote field={id} />
    </div>
  );
}

function SceneFields() {
  const { t } = useT();
  const scene = useCode((s) => s.draft.scene);
  const page = useCode((s) => s.draft.page);
  const checkPath = useCode((s) => s.draft.checkPath);
  const edit = useCode((s) => s.edit);
  const sceneError = useShownError('scene');
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
      <ApplyFix field="scene" />
      <TargetInput
        id="page"
        label={t('page')}
        value={page}
        placeholder={t('pagePlaceholder')}
        list={usePagePathList()}
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
