import type { RowOutcomeView, RowStatus } from '../../../shared/batch';
import { type MessageKey, useT } from '../../i18n';
import { ScrollingTable } from '../../ui/ScrollingTable';

const STATUS_WORDS: Record<RowStatus, MessageKey> = {
  done: 'rowDone',
  failed: 'rowFailed',
  invalid: 'rowInvalid',
  'not-run': 'rowNotRun',
};

/** Rows that did not become a code this run, with what WeChat or the app said and the fix. */
export function ProblemRowsTable({ rows }: { rows: RowOutcomeView[] }) {
  const { t, pick } = useT();
  return (
    <ScrollingTable className="problems" captionId="problem-rows-caption">
      <caption id="problem-rows-caption">{t('problemRowsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colRow')}</th>
          <th scope="col">{t('colStatus')}</th>
          <th scope="col">{t('colMessage')}</th>
          <th scope="col">{t('colFix')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.row} className={row.status}>
            <td className="num">{row.row}</td>
            <td>{t(STATUS_WORDS[row.status])}</td>
            <td>
              {row.error?.errcode !== undefined && (
                <>
                  <span className="errcode">{t('wechatError', { code: row.error.errcode })}</span>{' '}
                </>
              )}
              {row.error ? pick(row.error.message) : ''}
              {row.error?.errmsg && (
                <span className="error-said">{t('wechatSaid', { text: row.error.errmsg })}</span>
              )}
            </td>
            <td>{row.error ? pick(row.error.hint) : ''}</td>
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}
