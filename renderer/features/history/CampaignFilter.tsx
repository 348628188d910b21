import { formatCount, useT } from '../../i18n';
import { madeAt } from '../code/codeFacts';
import { useHistory } from './historyStore';

/**
 * The campaign picker, and once a campaign is chosen its batches: one batch is listed alone and can
 * be saved again whole, under the names that batch gave its files.
 */
export function CampaignFilter() {
  const { t, lang } = useT();
  const filter = useHistory((s) => s.filter);
  const setFilter = useHistory((s) => s.setFilter);
  const campaigns = useHistory((s) => s.campaigns);
  const exportBatch = useHistory((s) => s.exportBatch);
  const exporting = useHistory((s) => s.exporting);
  const batchListed = useHistory((s) => s.listedFor.batch !== '' && s.listedFor.batch === s.filter.batch);
  if (campaigns.length === 0 && !filter.campaign) return null;
  const campaign = campaigns.find((c) => c.name === filter.campaign);
  return (
    <div className="history-campaign">
      <label htmlFor="history-campaign">{t('historyCampaignFilter')}</label>
      <select
        id="history-campaign"
        value={filter.campaign}
        onChange={(e) => setFilter({ campaign: e.target.value })}
      >
        <option value="">{t('historyAllCampaigns')}</option>
        {campaigns.map((c) => (
          <option key={c.name} value={c.name}>
            {t('historyCampaignOption', { name: c.name, count: formatCount(c.codes) })}
          </option>
        ))}
      </select>
      {campaign && (
        <>
          <label htmlFor="history-batch" className="visually-hidden">
            {t('historyBatchFilter')}
          </label>
          <select
            id="history-batch"
            value={filter.batch}
            onChange={(e) => setFilter({ batch: e.target.value })}
          >
            <option value="">{t('historyAllBatches')}</option>
            {campaign.batches.map((b) => (
              <option key={b.batchId} value={b.batchId}>
                {t('historyBatchOption', {
                  file: b.sourceFile,
                  date: madeAt(lang, b.startedAt),
                  count: formatCount(b.codes),
                })}
              </option>
            ))}
          </select>
        </>
      )}
      {campaign && filter.batch && (
        // biome-ignore lint/a11y/useSemanticElements: a group of two buttons, not a form
        <div className="history-batch-actions" role="group" aria-label={t('historyBatchActions')}>
          <button type="button" disabled={exporting || !batchListed} onClick={() => void exportBatch(false)}>
            {t('historyExportBatch')}
          </button>
          <button type="button" disabled={exporting || !batchListed} onClick={() => void exportBatch(true)}>
            {t('historyExportBatchZip')}
          </button>
        </div>
      )}
    </div>
  );
}
