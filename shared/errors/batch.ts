import { NAME_PLACEHOLDERS } from '../batch';
import type { AppError, Localized } from '../result';
import { Failure } from '../result';
import { appError } from './general';

// The batch channels' own refusals, each naming the field at fault and saying what to do.

function fieldFailure(field: string, message: Localized, hint: Localized): Failure {
  return new Failure({ code: 'field', field, message, hint, retryable: false });
}

export const sheetGone = (): Failure =>
  fieldFailure(
    'sheetId',
    { en: 'This spreadsheet is no longer open.', zh: '此表格已不再打开。' },
    { en: 'Open the spreadsheet again.', zh: '请重新打开表格。' },
  );

export const planGone = (): Failure =>
  fieldFailure(
    'planId',
    {
      en: 'This batch was checked too long ago and is no longer kept.',
      zh: '此批次的检查结果已过期，不再保留。',
    },
    { en: 'Check the spreadsheet again, then start the batch.', zh: '请重新检查表格，然后开始批量生成。' },
  );

export const noRowToSample = (): Failure =>
  fieldFailure(
    'planId',
    {
      en: 'No row of this batch is valid, so there is none to make first.',
      zh: '此批次没有有效的行，无法先生成第一个码。',
    },
    { en: 'Fix the rows listed under Check, then try again.', zh: '请修正“检查”中列出的行，然后重试。' },
  );

export const jobUnknown = (): Failure =>
  fieldFailure(
    'jobId',
    { en: 'This batch run is no longer known.', zh: '找不到此批量生成任务。' },
    {
      en: 'Start the batch again; finished codes come from the library.',
      zh: '请重新开始批量生成；已生成的码会从码库取得。',
    },
  );

export const batchRunning = (): Failure =>
  new Failure({
    code: 'busy',
    message: { en: 'Another batch is running.', zh: '另一个批量生成任务正在运行。' },
    hint: {
      en: 'Wait until it finishes, or cancel it, then start this one.',
      zh: '请等待其完成或将其取消，然后再开始此任务。',
    },
    retryable: true,
  });

/** The page names the output folder only by the grant main gave when the user chose it in the dialog. */
export const folderNotChosen = (): Failure =>
  fieldFailure(
    'folderGrant',
    {
      en: 'This output folder was not chosen in the folder dialog of this window.',
      zh: '此输出文件夹不是在本窗口的文件夹对话框中选择的。',
    },
    { en: 'Choose the output folder with “Choose folder…”.', zh: '请用“选择文件夹…”按钮选择输出文件夹。' },
  );

export const logoNotChosen = (): Failure =>
  fieldFailure(
    'logoGrant',
    {
      en: 'This logo was not chosen in the image dialog of this window.',
      zh: '此标志图片不是在本窗口的图片对话框中选择的。',
    },
    { en: 'Choose the logo with “Choose logo…”.', zh: '请用“选择标志…”按钮选择标志图片。' },
  );

export const unfinishedGone = (): Failure =>
  fieldFailure(
    'batchId',
    { en: 'This unfinished batch is no longer there.', zh: '此未完成的批次已不存在。' },
    {
      en: 'It was finished or discarded meanwhile; look at the list of unfinished batches again.',
      zh: '它可能已完成或被舍弃；请重新查看未完成批次列表。',
    },
  );

export const unfinishedRunning = (): Failure =>
  fieldFailure(
    'batchId',
    { en: 'This batch is running now.', zh: '此批次正在运行。' },
    { en: 'Cancel it first.', zh: '请先取消它。' },
  );

/** A fresh start would empty the record of calls whose codes may have been paid for. */
export const unansweredBefore = (): Failure =>
  fieldFailure(
    'batchId',
    {
      en: 'This batch was started before and stopped while codes were being asked for; starting it afresh would forget them.',
      zh: '此批次之前已开始，并在请求码时中断；重新开始会丢失这些记录。',
    },
    {
      en: 'Continue it from "Unfinished batches" instead: it says how many codes may have been paid for.',
      zh: '请在“未完成的批次”中继续它：那里会说明可能已付费的码的数量。',
    },
  );

export const recordDamaged = (): Failure =>
  fieldFailure(
    'batchId',
    {
      en: 'The record of this batch is damaged and cannot be continued.',
      zh: '此批次的记录已损坏，无法继续。',
    },
    {
      en: 'Discard it and start the batch again from the spreadsheet; codes already made come from the library at no cost.',
      zh: '请舍弃它，并从表格重新开始；已生成的码会从码库取得，不消耗额度。',
    },
  );

export function inputUnreadable(file: string, cause: AppError): Failure {
  return fieldFailure(
    'file',
    {
      en: `The spreadsheet this batch was made from cannot be read: ${cause.message.en}`,
      zh: `无法读取此批次所用的表格：${cause.message.zh}`,
    },
    {
      en: `Put ${file} back where it was, unchanged, then continue; or discard this batch and start it again.`,
      zh: `请把 ${file} 原样放回原处后继续；或舍弃此批次并重新开始。`,
    },
  );
}

export const inputChanged = (file: string): Failure =>
  fieldFailure(
    'file',
    { en: `${file} has changed since this batch started.`, zh: `${file} 在此批次开始后已被修改。` },
    {
      en: 'Continuing would mix two versions of the sheet: discard this batch and start it again from the file. Codes already made come from the library at no cost.',
      zh: '继续会混用表格的两个版本：请舍弃此批次，并从该文件重新开始。已生成的码会从码库取得，不消耗额度。',
    },
  );

export const noAccountFor = (appId: string): Failure =>
  fieldFailure(
    'accountId',
    {
      en: `No account has the AppID ${appId} this batch was made for.`,
      zh: `此批次是为 AppID ${appId} 生成的，但没有该 AppID 的账号。`,
    },
    {
      en: 'Add an account with that AppID in Accounts, then continue.',
      zh: '请在“账号”中添加该 AppID 的账号，然后继续。',
    },
  );

// What a batch says when it meets another run: the same batch in another process, another batch
// writing into the same folder, a file there that it did not make.

/** Who holds a claim (core/storage/claims.ts' Holder): the process, and what it said it runs. */
interface Holder {
  pid: number;
  host: string;
  /** When it was taken (ISO time). */
  since: string;
  about?: Record<string, string>;
}

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

// What a finished batch says in its summary when part of it went wrong.

/** The summary never points to a results CSV that is not there. */
export function resultsNotWritten(cause: AppError): AppError {
  return {
    ...cause,
    message: {
      en: `The results CSV was not written: ${cause.message.en}`,
      zh: `结果 CSV 未能写入：${cause.message.zh}`,
    },
    hint: {
      en: `${cause.hint.en} The PNG files are in the output folder all the same; resuming the batch writes the results again.`,
      zh: `${cause.hint.zh} PNG 文件仍在输出文件夹中；继续此批次会重新写入结果。`,
    },
  };
}

/** Codes written to the folder that could not be kept in the library (a full disk). */
export function notKeptSummary(count: number, outDir: string, cause: AppError): AppError {
  return {
    ...cause,
    message: {
      en: `${count} code(s) are in ${outDir} but not in the library. ${cause.message.en}`,
      zh: `${count} 个码已写入 ${outDir}，但未存入码库。${cause.message.zh}`,
    },
  };
}

/** The batch gave up: so many tries in a row failed that the next would most likely fail too. */
export function streakError(count: number, last: AppError): AppError {
  return {
    ...last,
    message: {
      en: `The batch stopped after ${count} tries in a row failed. The last: ${last.message.en}`,
      zh: `连续 ${count} 次尝试失败，批量生成已停止。最后一个错误：${last.message.zh}`,
    },
    hint: {
      en: `${last.hint.en} Then run the batch again with resume: finished rows are not made again.`,
      zh: `${last.hint.zh} 然后以“继续”方式重新运行：已完成的行不会重复生成。`,
    },
  };
}

/** A file too large for a ZIP member (4 GiB); the ZIP itself has no limit (ZIP64). */
export function zipTooBig(zipPath: string, size: string): AppError {
  return {
    ...appError('file', {
      path: zipPath,
      detail: `${size} is more than a file in a ZIP can hold (4 GiB)`,
    }),
    hint: {
      en: 'Use the output folder itself, or split the spreadsheet into smaller batches.',
      zh: '请直接使用输出文件夹，或把表格拆成几个较小的批次。',
    },
  };
}

// The file name template a batch names its files with.

function templateError(message: AppError['message'], hint: AppError['hint']): AppError {
  return { code: 'field', field: 'nameTemplate', message, hint, retryable: false };
}

/** Columns named in the unknown-placeholder error: a wide sheet would bury the fix. */
const SHOWN_COLUMNS = 20;

export function unknownPlaceholder(word: string, headers: readonly string[]): AppError {
  const builtIn = NAME_PLACEHOLDERS.map((p) => `{${p}}`).join(' ');
  const named = headers.filter((h) => h.trim() !== '' && !/[{}]/.test(h));
  const columns = named
    .slice(0, SHOWN_COLUMNS)
    .map((h) => `{${h}}`)
    .join(' ');
  const more = named.length > SHOWN_COLUMNS ? ' …' : '';
  const example = named.length > 0 ? `{${named[0]}}.png` : '{row}-{name}.png';
  return templateError(
    {
      en: `The file name template has an unknown placeholder {${word}}: no column of the sheet has that header.`,
      zh: `文件名模板中有未知的占位符 {${word}}：表格中没有这个表头的列。`,
    },
    columns
      ? {
          en: `Use the sheet's columns ${columns}${more} or ${builtIn}, written exactly as the header, e.g. ${example}.`,
          zh: `请使用表格的列 ${columns}${more} 或 ${builtIn}，与表头写法完全一致，例如 ${example}。`,
        }
      : {
          en: `Use ${builtIn}, e.g. {row}-{name}.png.`,
          zh: `请使用 ${builtIn}，例如 {row}-{name}.png。`,
        },
  );
}

export function emptySegment(): AppError {
  return templateError(
    {
      en: 'The file name template has an empty folder or file name: a / at the start, at the end or twice in a row.',
      zh: '文件名模板中有空的文件夹名或文件名：/ 出现在开头、结尾或连续出现。',
    },
    {
      en: 'Put a name between every two /, e.g. {城市}/{row}-{name}.png; everything goes into the chosen folder.',
      zh: '每两个 / 之间都要有名称，例如 {城市}/{row}-{name}.png；所有文件都放在所选文件夹中。',
    },
  );
}

export function dotsSegment(dots: string): AppError {
  return templateError(
    {
      en: `The file name template has a folder “${dots}”, which would not be a folder inside the chosen one.`,
      zh: `文件名模板中有文件夹“${dots}”，它不会是所选文件夹中的子文件夹。`,
    },
    {
      en: 'Subfolders can only go inside the chosen folder: name them, e.g. {城市}/{row}-{name}.png, without .. or a leading /.',
      zh: '子文件夹只能建在所选文件夹中：请给它们起名，例如 {城市}/{row}-{name}.png，不要用 .. 或以 / 开头。',
    },
  );
}

export function unsafeInTemplate(char: string): AppError {
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const shown = /[\p{Cc}\p{Cf}]/u.test(char) ? code : `'${char}'`;
  return templateError(
    {
      en: `The file name template contains ${shown}, which a file name cannot hold.`,
      zh: `文件名模板含有 ${shown}，文件名中不能有这个字符。`,
    },
    {
      en: 'Use - or _ instead, e.g. {row}-{name}.png; a / makes a subfolder of the chosen folder.',
      zh: '请改用 - 或 _，例如 {row}-{name}.png；/ 会在所选文件夹中建子文件夹。',
    },
  );
}

export function reservedTemplate(word: string, isFile: boolean): AppError {
  const where = isFile
    ? { en: 'The file name template starts with', zh: '文件名模板以' }
    : { en: 'A folder in the file name template starts with', zh: '文件名模板中的文件夹以' };
  return templateError(
    {
      en: `${where.en} ${word}, a name Windows keeps for a device, whatever follows it.`,
      zh: `${where.zh} ${word} 开头，这是 Windows 保留的设备名，后面接什么都不行。`,
    },
    {
      en: `Put something before it, e.g. {row}-${word}.png.`,
      zh: `请在它前面加上内容，例如 {row}-${word}.png。`,
    },
  );
}

export function templateTooLong(bytes: number, maxBytes: number): AppError {
  return templateError(
    {
      en: `The file name template's own text is ${bytes} bytes; a file name may have at most ${maxBytes} before .png.`,
      zh: `文件名模板本身的文字有 ${bytes} 字节，文件名在 .png 之前最多 ${maxBytes} 字节。`,
    },
    {
      en: 'Shorten it (a Chinese character takes 3 bytes); the placeholders add each row’s values.',
      zh: '请缩短（一个汉字占 3 字节）；占位符会填入每行的值。',
    },
  );
}
