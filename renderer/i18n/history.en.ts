/** The English words of the History view; history.zh.ts has the same keys. */
export const historyEn = {
  historyHeading: 'History',
} as const;
