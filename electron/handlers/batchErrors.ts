import type { AppError, Localized } from '../../shared/result';
import { Failure } from '../../shared/result';

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
