import type { historyEn } from './history.en';

/** The Chinese words of the History view. */
export const historyZh: Record<keyof typeof historyEn, string> = {
  historyHeading: '历史记录',
};
