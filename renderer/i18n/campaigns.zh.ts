import type { campaignsEn } from './campaigns.en';

/** The Chinese words of campaigns. */
export const campaignsZh: Record<keyof typeof campaignsEn, string> = {
  campaign: '活动',
  campaignNote: '历史记录按活动列出和查找此批次的码。最多 100 个字符。',
  historyCampaignFilter: '按活动筛选',
  historyAllCampaigns: '全部活动',
  historyCampaignOption: '{name}（{count}）',
  historyBatchFilter: '按批次筛选',
  historyAllBatches: '该活动的全部批次',
  historyBatchOption: '{file} · {date}（{count}）',
  historySelectedCount: '已选 {count} 个',
  historySaveToFolder: '保存到文件夹…',
  historySaveZip: '保存为 ZIP…',
  historyDeleteSelected: '删除 {count} 个…',
  historyConfirmDeleteMany: '从历史记录中删除 {count} 个码？再次请求其中任何一个都会重新调用微信接口。',
  historySavedFiles: '已在 {folder} 保存 {count} 个文件',
  historySavedZip: '已保存 {file}',
  historyClearSelection: '取消选择',
  historyBatchActions: '此批次',
  historyExportBatch: '将批次保存到文件夹…',
  historyExportBatchZip: '将批次保存为 ZIP…',
  historySheetRow: '来源',
  historySheetRowValue: '{file} 第 {row} 行',
};
