/** The English words of campaigns: Start's field, History's campaign filter and multi-select. */
export const campaignsEn = {
  campaign: 'Campaign',
  campaignNote: 'History lists and finds this batch’s codes under it. Up to 100 characters.',
  historyCampaignFilter: 'Filter by campaign',
  historyAllCampaigns: 'All campaigns',
  historyCampaignOption: '{name} ({count})',
  historyBatchFilter: 'Filter by batch',
  historyAllBatches: 'All batches of the campaign',
  historyBatchOption: '{file} · {date} ({count})',
  historySelectedCount: '{count} selected',
  historySaveToFolder: 'Save to folder…',
  historySaveZip: 'Save as ZIP…',
  historyDeleteSelected: 'Delete {count}…',
  historyConfirmDeleteMany:
    'Delete {count} codes from the history? Asking for one of them again calls WeChat again.',
  historySavedFiles: 'Saved {count} files in {folder}',
  historySavedZip: 'Saved {file}',
  historyClearSelection: 'Clear selection',
  historyBatchActions: 'This batch',
  historyExportBatch: 'Save batch to folder…',
  historyExportBatchZip: 'Save batch as ZIP…',
};
