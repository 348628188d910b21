import type { AppError } from '../result';

// What a batch says when it pauses (the app) or stops (the CLI) because the same error came back
// row after row: every later row would meet it too, so the user fixes the cause first.

export function failFastError(last: AppError, rows: number, then: 'pause' | 'stop'): AppError {
  const paused = then === 'pause';
  return {
    ...last,
    message: {
      en: `${rows} rows in a row failed with the same error, so the batch ${paused ? 'paused' : 'stopped'}: ${last.message.en}`,
      zh: `连续 ${rows} 行因同一错误失败，批量生成已${paused ? '暂停' : '停止'}：${last.message.zh}`,
    },
    hint: {
      en: paused
        ? `${last.hint.en} Then press Resume: those rows are tried again.`
        : `${last.hint.en} Then run the batch again with --resume: finished rows are not made again.`,
      zh: paused
        ? `${last.hint.zh} 然后点“继续”：这些行会重新尝试。`
        : `${last.hint.zh} 然后加 --resume 重新运行：已完成的行不会重复生成。`,
    },
  };
}
