import { type AppError, Failure, type Localized } from '../result';
import { VIEWS } from '../views';

// Files, the library, the keychain and the settings: what the app says when its own storage fails.

/** The catalogue's `file` error speaks of writing; reading fails in its own words. */
export function fileUnreadable(path: string, detail: string): AppError {
  return {
    code: 'file',
    message: { en: `Could not read ${path}: ${detail}`, zh: `无法读取 ${path}：${detail}` },
    hint: {
      en: 'Check that the file exists and that you may read it.',
      zh: '请确认文件存在且有读取权限。',
    },
    retryable: false,
  };
}

/** Files the app writes are replaced atomically, so a damaged one was changed by something else. */
export function fileDamaged(path: string, detail: string): AppError {
  return {
    code: 'file',
    message: { en: `${path} is damaged (${detail}).`, zh: `${path} 已损坏（${detail}）。` },
    hint: {
      en: 'Restore it from a backup, or move it elsewhere to start that part afresh.',
      zh: '请从备份恢复；或把它移到别处，让应用重新开始这一部分。',
    },
    retryable: false,
  };
}

/** A code was made but could not be kept: asking for it again would pay for it again. */
export function notInLibrary(dir: string, cause: unknown): AppError {
  const detail = cause instanceof Failure ? cause.error.message.en : String(cause);
  return {
    code: 'file',
    message: {
      en: `The code is not in the library: ${dir} could not be written (${detail}).`,
      zh: `此码未存入码库：无法写入 ${dir}（${cause instanceof Failure ? cause.error.message.zh : detail}）。`,
    },
    hint: {
      en: "Free some disk space (or fix the folder's permissions). Until then, keep the saved file: asking for the same code again calls WeChat again.",
      zh: '请释放磁盘空间（或修正文件夹权限）。在此之前请保留已保存的文件：再次生成同一个码会再次调用微信接口。',
    },
    retryable: false,
  };
}

/** The platform's own words tell a supporter what is missing (no D-Bus session, no daemon, ...). */
export function keychainReason(error: AppError, reason: string): AppError {
  return {
    ...error,
    message: { en: `${error.message.en} (${reason})`, zh: `${error.message.zh}（${reason}）` },
  };
}

/** What each setting accepts, for the error that names it. */
export const settingValues = (maxRecentColors: number) => ({
  locale: { en: 'auto, en or zh', zh: 'auto、en 或 zh' },
  lastAccountId: { en: 'an account id', zh: '账号 id' },
  recentColors: {
    en: `up to ${maxRecentColors} colours such as #1a2b3c`,
    zh: `最多 ${maxRecentColors} 个颜色，如 #1a2b3c`,
  },
  autoGenerateUnlimited: { en: 'true or false', zh: 'true 或 false' },
  lastView: { en: VIEWS.join(', '), zh: VIEWS.join('、') },
});

/** A setting given a value it does not take; `expected` is its entry in settingValues. */
export function settingRefused(key: string, expected: Localized): AppError {
  return {
    code: 'field',
    field: key,
    message: {
      en: `The setting ${key} must be ${expected.en}.`,
      zh: `设置 ${key} 应为${expected.zh}。`,
    },
    hint: { en: 'Choose one of the values offered.', zh: '请从提供的选项中选择。' },
    retryable: false,
  };
}

/** The page named a code that was deleted meanwhile (another window, the CLI). */
export function codeGone(): AppError {
  return {
    code: 'field',
    field: 'codeId',
    message: { en: 'This code is no longer in the library.', zh: '此码已不在码库中。' },
    hint: { en: 'Generate it again.', zh: '请重新生成。' },
    retryable: false,
  };
}
