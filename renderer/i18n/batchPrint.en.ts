/** The English words of the batch's Print part. */
export const batchPrintEn = {
  batchPrint: 'Print',
  batchPrintLabels: 'Label lines under each code',
  batchPrintLabelsNote: 'One line each; column placeholders such as {门店名称} take the row’s value.',
  batchPrintLogo: 'Centre logo',
  batchPrintChooseLogo: 'Choose logo…',
  batchPrintNoLogo: 'None: the mini program’s avatar stays.',
  batchPrintSize: 'Printed size',
  batchPrintSizeNote:
    'E.g. 4cm or 1.5in: WeChat’s width follows from it and the DPI. Empty: as WeChat sends it.',
  batchPrintDpi: 'DPI',
  batchPrintFormat: 'Also a vector file',
  batchPrintFormatNone: 'No (PNG only)',
  batchPrintSheet: 'Also make a print sheet PDF',
  batchPrintSheetNote:
    'Every code at its true size with its labels and cut marks, as sheet.pdf in the folder.',
};
