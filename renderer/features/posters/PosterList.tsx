import { useEffect } from 'react';
import { useT } from '../../i18n';
import { usePosters } from './postersStore';

/** The saved templates, to open one, and the two ways to start another: a background or a JSON file. */
export function PosterList() {
  const { t } = useT();
  const list = usePosters((s) => s.list);
  const editingId = usePosters((s) => s.editing?.posterId);
  const load = usePosters((s) => s.load);
  const openEditor = usePosters((s) => s.openEditor);
  const chooseBackground = usePosters((s) => s.chooseBackground);
  const importTemplate = usePosters((s) => s.importTemplate);
  useEffect(() => {
    void load();
  }, [load]);
  const startNew = async () => {
    await openEditor();
    await chooseBackground(t('posterDefaultName'));
  };
  return (
    <nav className="poster-list" aria-labelledby="poster-list-title">
      <h3 id="poster-list-title">{t('posterSaved')}</h3>
      {list.length === 0 ? (
        <p className="note">{t('posterNoneSaved')}</p>
      ) : (
        <ul>
          {list.map((poster) => (
            <li key={poster.posterId}>
              <button
                type="button"
                className={poster.posterId === editingId ? 'ghost current' : 'ghost'}
                aria-current={poster.posterId === editingId ? 'true' : undefined}
                onClick={() => void openEditor(poster.posterId)}
              >
                <span>{poster.name}</span>
                <span className="note">{`${poster.width} × ${poster.height}`}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => void startNew()}>
        {t('posterNew')}
      </button>
      <button type="button" className="ghost" onClick={() => void importTemplate()}>
        {t('posterImport')}
      </button>
    </nav>
  );
}
