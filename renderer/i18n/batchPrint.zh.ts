import type { batchPrintEn } from './batchPrint.en';

/** The Chinese words of the batch's Print part. */
export const batchPrintZh: Record<keyof typeof batchPrintEn, string> = {
  batchPrint: '印刷',
  batchPrintLabels: '码下方的文字（每行一条）',
  batchPrintLabelsNote: '每行一条；列占位符（如 {门店名称}）替换为该行的值。',
  batchPrintLogo: '中心标志',
  batchPrintChooseLogo: '选择标志…',
  batchPrintNoLogo: '无：保留小程序头像。',
  batchPrintSize: '印刷尺寸',
  batchPrintSizeNote: '例如 4cm 或 1.5in：据此和 DPI 计算向微信请求的宽度。留空：按微信返回的图片。',
  batchPrintDpi: 'DPI',
  batchPrintFormat: '另存矢量文件',
  batchPrintFormatNone: '否（仅 PNG）',
  batchPrintSheet: '同时生成打印排版 PDF',
  batchPrintSheetNote: '每个码按真实尺寸排版，带文字和裁切线，保存为文件夹中的 sheet.pdf。',
};
