import { SHEET_PAPERS, type SheetPaper } from '../../../shared/print/sheetChoice';
import { useT } from '../../i18n';
import { LabelledField } from '../../ui/LabelledField';
import { Segmented } from '../../ui/Segmented';
import { Switch } from '../../ui/Switch';
import { NumberField } from '../batch/NumberField';
import { GRID_LIMITS, MARGIN_LIMITS, type SheetDraft, type SheetSizing } from './sheetDraft';
import './sheetFields.css';

interface Props {
  /** Prefix of the fields' ids: the batch and History's dialog may both be in the page. */
  id: string;
  draft: SheetDraft;
  onChange(patch: Partial<SheetDraft>): void;
  /** The note under the size: a batch may leave it blank. */
  sizeNote?: string;
}

/** A print sheet's options: paper, orientation, a code size or a grid, margin, cut marks, CMYK. */
export function SheetFields({ id, draft, onChange, sizeNote }: Props) {
  const { t } = useT();
  return (
    <>
      <label className="field" htmlFor={`${id}-paper`}>
        <span className="label">{t('sheetPaper')}</span>
        <select
          id={`${id}-paper`}
          value={draft.paper}
          onChange={(e) => onChange({ paper: e.target.value as SheetPaper })}
        >
          {SHEET_PAPERS.map((paper) => (
            <option key={paper}>{paper}</option>
          ))}
        </select>
      </label>
      <Segmented
        name={`${id}-orientation`}
        legend={t('sheetOrientation')}
        value={draft.landscape ? 'landscape' : 'portrait'}
        options={[
          { value: 'portrait', label: t('sheetPortrait') },
          { value: 'landscape', label: t('sheetLandscape') },
        ]}
        onChange={(value) => onChange({ landscape: value === 'landscape' })}
      />
      <Segmented<SheetSizing>
        name={`${id}-sizing`}
        legend={t('sheetSizing')}
        value={draft.sizing}
        options={[
          { value: 'size', label: t('sheetBySize'), note: t('sheetBySizeNote') },
          { value: 'grid', label: t('sheetByGrid'), note: t('sheetByGridNote') },
        ]}
        onChange={(sizing) => onChange({ sizing })}
      />
      {draft.sizing === 'size' ? (
        <LabelledField
          id={`${id}-size`}
          label={t('sheetSize')}
          note={sizeNote ?? t('sheetSizeNote')}
          value={draft.size}
          onChange={(size) => onChange({ size })}
        />
      ) : (
        <div className="sheet-grid-fields">
          <NumberField
            id={`${id}-columns`}
            label={t('sheetColumns')}
            note=""
            value={draft.columns}
            limits={GRID_LIMITS}
            onChange={(columns) => onChange({ columns })}
          />
          <NumberField
            id={`${id}-rows`}
            label={t('sheetRows')}
            note=""
            value={draft.rows}
            limits={{ ...GRID_LIMITS, default: 4 }}
            onChange={(rows) => onChange({ rows })}
          />
        </div>
      )}
      <NumberField
        id={`${id}-margin`}
        label={t('sheetMargin')}
        note={t('sheetMarginNote')}
        value={draft.margin}
        limits={MARGIN_LIMITS}
        onChange={(margin) => onChange({ margin })}
      />
      <Switch
        id={`${id}-cut-marks`}
        label={t('sheetCutMarks')}
        checked={draft.cutMarks}
        onChange={(cutMarks) => onChange({ cutMarks })}
      />
      <Switch
        id={`${id}-cmyk`}
        label={t('sheetCmyk')}
        note={t('sheetCmykNote')}
        checked={draft.cmyk}
        onChange={(cmyk) => onChange({ cmyk })}
      />
    </>
  );
}
