import type { sheetEn } from './sheet.en';

/** The Chinese words of a print sheet's options (batch and History) and History's Print sheet… dialog. */
export const sheetZh: Record<keyof typeof sheetEn, string> = {
  sheetPaper: '纸张',
  sheetOrientation: '方向',
  sheetPortrait: '纵向',
  sheetLandscape: '横向',
  sheetSizing: '码的尺寸',
  sheetBySize: '印刷尺寸',
  sheetBySizeNote: '每个码按此宽度',
  sheetByGrid: '网格',
  sheetByGridNote: '在网格内尽量放大',
  sheetSize: '每个码的宽度',
  sheetSizeNote: '例如 4cm、40mm 或 1.5in；印刷厂通常以 2 厘米为下限。',
  sheetBatchSizeNote: '例如 4cm 或 1.5in；留空：按上面的印刷尺寸，否则 4 厘米。',
  sheetColumns: '列数',
  sheetRows: '行数',
  sheetMargin: '页边距（毫米）',
  sheetMarginNote: '纸张四周留白，0–50 毫米；多数打印机至少需要 5 毫米。',
  sheetCutMarks: '在每个角加裁切线',
  sheetCmyk: '黑色用 100% K（CMYK），供印刷厂使用',
  sheetCmykNote: '黑色只印在 K 版上，码的模块保持清晰。',
  sheetLabel: '码下方的文字',
  sheetLabelNote:
    '留空则不加。占位符：{name} {page} {scene} {path} {campaign}，以及该码所属批量表格的任一列。',
  historyPrintSheet: '打印排版…',
  historyPrintSheetTitle: '{count} 个码的打印排版',
  historySavePdf: '保存 PDF…',
  historySavingPdf: '正在保存…',
  historySavedSheet: '已保存 {file}：{count} 个码，共 {pages} 页，每个宽 {cm} 厘米。',
};
