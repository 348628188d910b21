import type { InvalidRow, RowProblem } from '../../../shared/batch';
import { formatCount, type MessageKey, useT } from '../../i18n';
import { ScrollingTable } from '../../ui/ScrollingTable';

/** Shown in full up to this many rows; results.csv lists every one. */
const SHOWN_ROWS = 200;

const FIELD_LABELS: Partial<Record<string, MessageKey>> = {
  path: 'path',
  scene: 'scene',
  page: 'page',
  width: 'width',
  lineColor: 'lineColor',
};

/** Rows the batch will skip, one line per problem, each with its fix. */
export function BadRowsTable({ rows }: { rows: InvalidRow[] }) {
  const { t, pick } = useT();
  const shown = rows.slice(0, SHOWN_ROWS);
  const where = (problem: RowProblem) => {
    if (problem.column) return problem.column;
    const label = FIELD_LABELS[problem.field];
    return t('fromForm', { field: label ? t(label) : problem.field });
  };
  return (
    <>
      <ScrollingTable className="problems" captionId="bad-rows-caption">
        <caption id="bad-rows-caption">{t('badRowsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('colRow')}</th>
            <th scope="col">{t('colColumn')}</th>
            <th scope="col">{t('colProblem')}</th>
            <th scope="col">{t('colFix')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.flatMap((bad) =>
            bad.problems.map((problem) => (
              <tr key={`${bad.row}-${problem.field}`}>
                <td className="num">{bad.row}</td>
                <td>{where(problem)}</td>
                <td>{pick(problem.message)}</td>
                <td>{pick(problem.hint)}</td>
              </tr>
            )),
          )}
        </tbody>
      </ScrollingTable>
      {rows.length > shown.length && (
        <p className="note">{t('moreBadRows', { n: formatCount(rows.length - shown.length) })}</p>
      )}
    </>
  );
}
