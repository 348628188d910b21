/** The English words of the Batch view; batch.zh.ts has the same keys. */
export const batchEn = {
  batchHeading: 'Batch',
} as const;
