import { describe, expect, it } from 'vitest';
import type { PlanView, QuotaCheck } from '../../../shared/batch';
import { type Lang, type Translate, translate } from '../../i18n';
import {
  columnsFor,
  encodingLabel,
  needsConfirmation,
  quotaSentence,
  type StartInputs,
  startBlocker,
  startLabel,
  timeLeft,
  wholeNumber,
} from './batchRules';

const words =
  (lang: Lang): Translate =>
  (key, params) =>
    translate(lang, key, params);
const en = words('en');
const zh = words('zh');

const plan = (quota: Partial<QuotaCheck> = {}, patch: Partial<PlanView> = {}): PlanView => ({
  planId: 'p1',
  kind: 'limited',
  valid: 4,
  invalid: [],
  invalidCount: 0,
  repeats: 1,
  inLibrary: 0,
  quota: { spends: true, newCodes: 3, enough: true, ...quota },
  nameTemplate: '{row}-{name}.png',
  exampleNames: ['2-a.png'],
  ...patch,
});

const ready: StartInputs = {
  hasSheet: true,
  kind: 'limited',
  accountId: 'sandbox',
  planning: false,
  planFailed: false,
  plan: plan(),
  nameFailed: false,
  hasFolder: true,
  concurrency: '4',
  ratePerMinute: '5000',
  sampleSeen: true,
};

const blocker = (patch: Partial<StartInputs>) => {
  const found = startBlocker({ ...ready, ...patch });
  return found && translate('en', found.key, found.params);
};

describe('quotaSentence', () => {
  it('names the count, the remainder and Num-Used when WeChat has reported it', () => {
    const quota = { spends: true, newCodes: 1234, numUsed: 1234, remaining: 98_766, enough: true };
    expect(quotaSentence(quota, en)).toBe(
      'This batch will spend 1,234 new codes of the 100,000 lifetime quota; about 98,766 remain (Num-Used 1,234).',
    );
    expect(quotaSentence(quota, zh)).toBe(
      '此批次将消耗总额度 100,000 中的 1,234 个新码；约剩 98,766 个（已用 1,234）。',
    );
  });

  it('says the remainder is unknown before WeChat reports Num-Used, and counts one code as one', () => {
    expect(quotaSentence({ spends: true, newCodes: 1, enough: true }, en)).toBe(
      'This batch will spend 1 new code of the 100,000 lifetime quota; the remaining count is unknown until WeChat reports Num-Used.',
    );
  });

  it('says when the quota is not enough', () => {
    const quota = { spends: true, newCodes: 50, numUsed: 99_990, remaining: 10, enough: false };
    expect(quotaSentence(quota, en)).toBe(
      'This batch needs 50 new codes, but only 10 of the 100,000 lifetime quota remain (Num-Used 99,990).',
    );
  });

  it('says unlimited codes and codes all in the library spend nothing', () => {
    expect(quotaSentence({ spends: false, newCodes: 40, enough: true }, en)).toBe(
      'Unlimited codes spend none of the 100,000 lifetime quota.',
    );
    expect(quotaSentence({ spends: true, newCodes: 0, enough: true }, en)).toMatch(/already in the library/);
  });
});

describe('startBlocker', () => {
  it('lets a ready batch start: the yes to its quota is asked for natively by main, not ticked here', () => {
    expect(startBlocker(ready)).toBeNull();
    expect(needsConfirmation(ready.plan!)).toBe(true);
    expect(needsConfirmation(plan({ spends: false }))).toBe(false);
    expect(needsConfirmation(plan({ newCodes: 0 }))).toBe(false);
  });

  it('refuses a batch the remaining quota cannot pay for', () => {
    const short = plan({ newCodes: 50, numUsed: 99_990, remaining: 10, enough: false });
    expect(blocker({ plan: short })).toBe('Not enough quota: the batch needs 50 new codes and 10 remain.');
  });

  it('gives the first missing thing first', () => {
    expect(blocker({ hasSheet: false, hasFolder: false })).toBe('Import a spreadsheet first.');
    expect(blocker({ kind: null })).toBe('Choose the code type under Columns.');
    expect(blocker({ accountId: null })).toBe('Choose an account in the status bar first.');
    expect(blocker({ planFailed: true })).toBe('Fix the problem shown under Check.');
    expect(blocker({ planning: true })).toBe('Checking the rows…');
    expect(blocker({ plan: plan({}, { valid: 0 }) })).toBe(
      'No row is valid: fix the rows listed under Check.',
    );
    expect(blocker({ hasFolder: false })).toBe('Choose an output folder.');
    expect(blocker({ nameFailed: true })).toBe('Fix the file name template.');
    expect(blocker({ concurrency: '17' })).toBe('Fix the numbers under Advanced.');
    expect(blocker({ ratePerMinute: '' })).toBe('Fix the numbers under Advanced.');
    expect(blocker({ sampleSeen: false })).toBe('Make the first code and look at it before the others.');
  });

  it('says Start makes the others once the first is seen, and plain Start until then', () => {
    const t = en;
    expect(startLabel(ready.plan, true, t)).toBe('Start the other 3');
    expect(startLabel(ready.plan, false, t)).toBe('Start');
    expect(startLabel(plan({}, { valid: 1 }), true, t)).toBe('Start');
  });
});

describe('form values', () => {
  it('reads whole numbers within limits only', () => {
    const limits = { min: 1, max: 16 };
    expect(wholeNumber(' 4 ', limits)).toBe(4);
    expect(wholeNumber('0', limits)).toBeUndefined();
    expect(wholeNumber('2.5', limits)).toBeUndefined();
    expect(wholeNumber('', limits)).toBeUndefined();
    expect(wholeNumber('0', { min: 0, max: 5000 })).toBe(0);
  });

  it('offers the columns each code type reads, required one first', () => {
    expect(columnsFor('limited')).toEqual(['path', 'name', 'width', 'color']);
    expect(columnsFor('unlimited')[0]).toBe('scene');
    expect(columnsFor('qrcode')).not.toContain('color');
  });
});

describe('words', () => {
  it('says how long is left in seconds, minutes or hours', () => {
    expect(timeLeft(12.4, en)).toBe('about 12 s');
    expect(timeLeft(150, en)).toBe('about 3 min');
    expect(timeLeft(3 * 3600 + 20 * 60, zh)).toBe('约 3 小时 20 分钟');
  });

  it('calls GB18030 by the name Excel users know', () => {
    expect(encodingLabel('gb18030', en)).toBe('GBK (GB18030)');
    expect(encodingLabel('utf-8-bom', zh)).toBe('UTF-8（带 BOM）');
    expect(encodingLabel(undefined, en)).toBeUndefined();
  });
});
