import {
  BATCH_CONCURRENCY,
  BATCH_PACE,
  type BatchColumn,
  type BatchProgress,
  type PlanView,
  type QuotaCheck,
} from '../../../shared/batch';
import type { CodeKind } from '../../../shared/codeRequest';
import { LIMITED_QUOTA } from '../../../shared/codeRequest';
import { formatCount, type MessageKey, type Translate } from '../../i18n';
import type { Notice } from '../code/codeStore';

// The Batch view's decisions, free of React and IPC so they can be tested as plain functions.

export const CONCURRENCY = BATCH_CONCURRENCY;
export const PACE = BATCH_PACE;

/** The columns a code type reads, the one it cannot do without first. */
export function columnsFor(kind: CodeKind): BatchColumn[] {
  switch (kind) {
    case 'limited':
      return ['path', 'name', 'width', 'color'];
    case 'unlimited':
      return ['scene', 'page', 'name', 'width', 'color'];
    case 'qrcode':
      // Square codes have no line colour.
      return ['path', 'name', 'width'];
  }
}

export const requiredColumn = (kind: CodeKind): BatchColumn => (kind === 'unlimited' ? 'scene' : 'path');

/** A whole number typed into a field, or undefined when it is not one within the limits. */
export function wholeNumber(text: string, limits: { min: number; max: number }): number | undefined {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value >= limits.min && value <= limits.max ? value : undefined;
}

/** "1 code" / "12 codes": English needs the singular, Chinese has the same words for both. */
export function countOf(n: number, one: MessageKey, many: MessageKey, t: Translate): string {
  return n === 1 ? t(one, { n: formatCount(n) }) : t(many, { n: formatCount(n) });
}

/** What the batch does to the 100,000 lifetime quota, in one sentence. */
export function quotaSentence(quota: QuotaCheck, t: Translate): string {
  if (!quota.spends) return t('quotaNone');
  if (quota.newCodes === 0) return t('quotaAllInLibrary');
  const codes = countOf(quota.newCodes, 'newCodesOne', 'newCodesMany', t);
  const limit = formatCount(LIMITED_QUOTA);
  if (quota.remaining === undefined || quota.numUsed === undefined) {
    return t('quotaSpendsUnknown', { codes, limit });
  }
  const remaining = formatCount(quota.remaining);
  const used = formatCount(quota.numUsed);
  if (!quota.enough) return t('quotaNotEnough', { codes, limit, remaining, used });
  return t('quotaSpends', { codes, limit, remaining, used });
}

/** Start will ask the user, in a dialog of main's, to say yes to spending quota. */
export const needsConfirmation = (plan: PlanView): boolean => plan.quota.spends && plan.quota.newCodes > 0;

export interface StartInputs {
  hasSheet: boolean;
  kind: CodeKind | null;
  accountId: string | null;
  planning: boolean;
  planFailed: boolean;
  plan: PlanView | null;
  nameFailed: boolean;
  hasFolder: boolean;
  concurrency: string;
  ratePerMinute: string;
  /** The first row's code of this very setup has been made and shown (FirstRowCheck). */
  sampleSeen: boolean;
}

/** Why Start cannot be pressed yet, first reason first; null when it can. */
export function startBlocker(s: StartInputs): Notice | null {
  if (!s.hasSheet) return { key: 'blockNoSheet' };
  if (!s.kind) return { key: 'blockNoKind' };
  if (!s.accountId) return { key: 'noAccount' };
  if (s.planFailed) return { key: 'blockPlanError' };
  if (s.planning || !s.plan) return { key: 'blockChecking' };
  if (s.plan.valid === 0) return { key: 'blockNoValidRows' };
  const { quota } = s.plan;
  if (!quota.enough) {
    return {
      key: 'blockQuota',
      params: { needed: formatCount(quota.newCodes), remaining: formatCount(quota.remaining ?? 0) },
    };
  }
  if (!s.hasFolder) return { key: 'blockNoFolder' };
  if (s.nameFailed) return { key: 'blockNameTemplate' };
  if (
    wholeNumber(s.concurrency, CONCURRENCY) === undefined ||
    wholeNumber(s.ratePerMinute, PACE) === undefined
  ) {
    return { key: 'blockAdvanced' };
  }
  if (!s.sampleSeen) return { key: 'blockNoSample' };
  return null;
}

/** "Start the other 26": the first row is made already, as the user checked it. */
export function startLabel(plan: PlanView | null, t: Translate): string {
  const others = (plan?.valid ?? 0) - 1;
  return others > 0 ? t('startOthers', { n: formatCount(others) }) : t('startBatch');
}

/** A job that still has rows in the works: the setup is locked and the controls show. */
export const isActive = (progress: BatchProgress): boolean =>
  progress.state !== 'finished' && progress.state !== 'idle';

/** Rows tried, of all: failed rows are finished too, they just did not make a code. */
export const finishedShare = (p: BatchProgress): number => (p.total > 0 ? (p.done + p.failed) / p.total : 1);

/** "about 2 min" / "about 40 s"; minutes past an hour stay minutes, a batch that long says hours. */
export function timeLeft(seconds: number, t: Translate): string {
  const s = Math.max(1, Math.round(seconds));
  if (s < 60) return t('aboutSeconds', { s });
  const minutes = Math.round(s / 60);
  if (minutes < 60) return t('aboutMinutes', { m: minutes });
  return t('aboutHours', { h: Math.floor(minutes / 60), m: minutes % 60 });
}

/** How the detected text encoding reads to a person: GBK is what Excel in China calls it. */
export function encodingLabel(encoding: string | undefined, t: Translate): string | undefined {
  switch (encoding) {
    case undefined:
      return undefined;
    case 'gb18030':
      return 'GBK (GB18030)';
    case 'utf-8':
      return 'UTF-8';
    case 'utf-8-bom':
      return t('utf8Bom');
    case 'utf-16le':
      return 'UTF-16 LE';
    case 'utf-16be':
      return 'UTF-16 BE';
    default:
      return encoding.toUpperCase();
  }
}
