import type { AppError } from './result';

/**
 * A campaign names what a batch's codes were made for (春节海报, a store opening): History lists
 * and filters by it. One home for its bound and its default, used by the Start field, `batch:start`
 * and the CLI's `--campaign`.
 */
export const CAMPAIGN_MAX_CHARS = 100;

/** A batch not named otherwise belongs to a campaign named after its sheet: `门店.xlsx` → `门店`. */
export function defaultCampaign(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const bare = (dot > 0 ? base.slice(0, dot) : base).trim();
  return [...(bare || base)].slice(0, CAMPAIGN_MAX_CHARS).join('');
}

/** What is wrong with a campaign name the user typed, naming the field; undefined when it is fine. */
export function campaignError(name: string): AppError | undefined {
  const chars = [...name.trim()].length;
  if (chars === 0) {
    return {
      code: 'field',
      field: 'campaign',
      message: { en: 'Campaign is empty.', zh: '活动名称为空。' },
      hint: {
        en: 'Type a name for this batch’s campaign, such as the sheet’s name.',
        zh: '请为此批次填写活动名称，例如表格的名称。',
      },
    };
  }
  if (chars > CAMPAIGN_MAX_CHARS) {
    return {
      code: 'field',
      field: 'campaign',
      message: {
        en: `Campaign is ${chars} characters long; at most ${CAMPAIGN_MAX_CHARS} fit.`,
        zh: `活动名称有 ${chars} 个字符，最多 ${CAMPAIGN_MAX_CHARS} 个。`,
      },
      hint: { en: 'Shorten the campaign name.', zh: '请缩短活动名称。' },
    };
  }
  return undefined;
}
