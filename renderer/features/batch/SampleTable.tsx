import type { SheetView } from '../../../shared/batch';
import { formatCount, useT } from '../../i18n';
import { ScrollingTable } from '../../ui/ScrollingTable';

/** The sheet's first rows as read, so a wrong encoding or a shifted header shows at once. */
export function SampleTable({ sheet }: { sheet: SheetView }) {
  const { t } = useT();
  if (sheet.sample.length === 0) return null;
  const width = Math.max(sheet.headers.length, ...sheet.sample.map((row) => row.length));
  const columns = Array.from({ length: width }, (_, i) => i);
  return (
    <ScrollingTable className="sample" captionId="sample-caption">
      <caption id="sample-caption">
        {t('sampleCaption', { shown: sheet.sample.length, total: formatCount(sheet.rowCount) })}
      </caption>
      <thead>
        <tr>
          {columns.map((i) => (
            <th key={i} scope="col">
              {sheet.headers[i] || t('columnNumber', { n: i + 1 })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sheet.sample.map((row, r) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the sample is fixed once read; its order is its identity
          <tr key={r}>
            {columns.map((i) => (
              <td key={i}>{row[i] ?? ''}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}
