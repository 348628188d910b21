import type { batchEn } from './batch.en';

/** The Chinese words of the Batch view. */
export const batchZh: Record<keyof typeof batchEn, string> = {
  batchHeading: '批量生成',
};
