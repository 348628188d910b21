import { campaignError } from '../../../shared/campaign';
import { useT } from '../../i18n';
import { LabelledField } from '../../ui/LabelledField';
import { useBatch } from './batchStore';
import { campaignFor, useCampaign } from './campaignStore';

/** What the batch's codes are for: History lists, finds and exports them under it. */
export function CampaignField() {
  const { t } = useT();
  const sheet = useBatch((s) => s.sheet);
  // Read for its changes: campaignFor() looks at it.
  useCampaign((s) => s.typed);
  const type = useCampaign((s) => s.type);
  if (!sheet) return null;
  const value = campaignFor(sheet);
  const problem = campaignError(value);
  return (
    <LabelledField
      id="batch-campaign"
      label={t('campaign')}
      note={t('campaignNote')}
      value={value}
      onChange={(text) => type(sheet.sheetId, text)}
      {...(problem ? { problem } : {})}
    />
  );
}
