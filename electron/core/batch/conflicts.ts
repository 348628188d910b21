import type { AppError } from '../../../shared/result';
import { Failure } from '../../../shared/result';
import type { Holder } from '../storage/claims';

// What a batch says when it meets another run: the same batch in another process, another batch
// writing into the same folder, a file there that it did not make.

function holderText(holder: Holder): { en: string; zh: string } {
  return holder.pid > 0
    ? { en: `process ${holder.pid} on ${holder.host}`, zh: `${holder.host} 上的进程 ${holder.pid}` }
    : { en: 'another process', zh: '另一个进程' };
}

/** The same batch (same spreadsheet, settings and folder) is running in another process. */
export function batchElsewhere(input: string, holder: Holder): Failure {
  const who = holderText(holder);
  return new Failure({
    code: 'busy',
    message: {
      en: `This batch (${input}) is being run by ${who.en}, started ${holder.since}.`,
      zh: `此批次（${input}）正由${who.zh}运行，开始于 ${holder.since}。`,
    },
    hint: {
      en: 'Let that run finish, or stop it (Ctrl+C, or Cancel in the app), then resume. Codes it makes meanwhile come from the library at no cost.',
      zh: '请等它完成，或先停止它（Ctrl+C，或在应用中取消），然后再继续。它已生成的码会从码库取得，不消耗额度。',
    },
    retryable: true,
  });
}

/** Another batch is writing into the output folder right now: their files would mix or replace each other. */
export function folderTaken(outDir: string, holder: Holder): Failure {
  const who = holderText(holder);
  const other = holder.about?.input ?? '';
  return new Failure({
    code: 'busy',
    field: 'outDir',
    message: {
      en: `Another batch (${other}, ${who.en}) is writing into ${outDir} now.`,
      zh: `另一个批次（${other}，${who.zh}）正在写入 ${outDir}。`,
    },
    hint: {
      en: 'Choose another output folder, or wait until that batch finishes. Two batches in one folder could replace each other’s files.',
      zh: '请选择其他输出文件夹，或等待该批次完成。两个批次写入同一文件夹可能会互相覆盖文件。',
    },
    retryable: true,
  });
}

/** The row's file name is taken in the output folder by a different image this batch did not make. */
export function fileTaken(file: string, outDir: string): AppError {
  return {
    code: 'file-exists',
    message: {
      en: `${file} already exists in ${outDir} with another code in it; it was not replaced.`,
      zh: `${outDir} 中已有 ${file}，且是另一个码；未覆盖它。`,
    },
    hint: {
      en: 'Move that file away (or choose an empty output folder, or another file name pattern), then resume the batch.',
      zh: '请把该文件移走（或选择空的输出文件夹、或换一种文件名格式），然后继续此批次。',
    },
    retryable: false,
  };
}
