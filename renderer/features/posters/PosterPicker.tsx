import { useEffect } from 'react';
import { useT } from '../../i18n';
import { usePosters } from './postersStore';

interface Props {
  id: string;
  /** The chosen template's id; null: no poster. */
  value: string | null;
  note: string;
  onChange(posterId: string | null): void;
}

/** "Poster: none / <template>" and "Edit templates…", in Make a code's and Batch's Print parts. */
export function PosterPicker({ id, value, note, onChange }: Props) {
  const { t } = useT();
  const list = usePosters((s) => s.list);
  const load = usePosters((s) => s.load);
  const openEditor = usePosters((s) => s.openEditor);
  useEffect(() => {
    void load();
  }, [load]);
  // A template deleted in the editor is no longer a choice.
  const known = value !== null && list.some((p) => p.posterId === value);
  useEffect(() => {
    if (value !== null && list.length > 0 && !known) onChange(null);
  }, [value, list, known, onChange]);
  return (
    <div className="field poster-picker">
      <label htmlFor={id}>{t('posterPick')}</label>
      <div className="folder-row">
        <select id={id} value={known ? value : ''} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">{t('posterNone')}</option>
          {list.map((poster) => (
            <option key={poster.posterId} value={poster.posterId}>
              {poster.name}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => void openEditor(known ? value : undefined)}>
          {t('posterEdit')}
        </button>
      </div>
      <p className="note">{note}</p>
    </div>
  );
}
