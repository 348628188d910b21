import type { QuotaCheck } from '../../../shared/batch';
import { type CodeKind, LIMITED_QUOTA } from '../../../shared/codeRequest';
import type { Lang } from '../../../shared/language';
import type { Confirmation } from '../desktop/desktop';
import { FREE_FORM_CODES_PER_MINUTE } from './formSpendGuard';

// The native questions main asks before it spends the 100,000 lifetime codes of an AppID. Main
// words them from its own plan, so what the user reads is what is spent, whatever the page shows.

const count = (n: number): string => n.toLocaleString('en-US');

/** What is left of the 100,000, from the last Num-Used WeChat reported for the AppID. */
function remainingText(
  { numUsed, remaining }: Pick<QuotaCheck, 'numUsed' | 'remaining'>,
  lang: Lang,
): string {
  if (numUsed === undefined || remaining === undefined) {
    return lang === 'zh'
      ? '剩余额度未知：WeChat 报告 Num-Used 后才知道。'
      : 'What remains is unknown until WeChat reports Num-Used.';
  }
  return lang === 'zh'
    ? `100,000 个中约剩 ${count(remaining)} 个（Num-Used ${count(numUsed)}）。`
    : `About ${count(remaining)} of the ${count(LIMITED_QUOTA)} remain (Num-Used ${count(numUsed)}).`;
}

/**
 * What a batch spends on, as main knows it: a compromised page can fabricate a dropped sheet and
 * start it, so the question names the file, the code type, the rows and where the codes go.
 */
export interface BatchSpend {
  fileName: string;
  kind: CodeKind;
  /** Valid rows in the batch (repeats and codes the library holds included). */
  rows: number;
  outDir: string;
}

/** The spending kinds by the names the Batch view shows, in the plural where one is needed. */
const KIND_NAMES: Record<CodeKind, { en: [string, string]; zh: string }> = {
  limited: { en: ['mini program code', 'mini program codes'], zh: '小程序码' },
  qrcode: { en: ['square QR code', 'square QR codes'], zh: '普通二维码' },
  unlimited: { en: ['unlimited mini program code', 'unlimited mini program codes'], zh: '无限量小程序码' },
};

/** Before a batch that spends: what it is made from and where it goes, the count of new codes, and what remains. */
export function batchSpendQuestion(quota: QuotaCheck, spend: BatchSpend, lang: Lang): Confirmation {
  const n = count(quota.newCodes);
  const rows = count(spend.rows);
  const kind = KIND_NAMES[spend.kind];
  return lang === 'zh'
    ? {
        title: '消耗额度',
        message: `此批次将从“${spend.fileName}”（${rows} 行）生成 ${n} 个新${kind.zh}，消耗 100,000 总额度中的 ${n} 个。`,
        detail: `保存到：${spend.outDir}\n${remainingText(quota, lang)}消耗的额度不会恢复。无限量小程序码（scene 列）不消耗额度。如果这不是你开始的批次，请选“取消”。`,
        confirm: `生成 ${n} 个码`,
        cancel: '取消',
      }
    : {
        title: 'Spend quota',
        message: `This batch makes ${n} new ${kind.en[quota.newCodes === 1 ? 0 : 1]} from “${spend.fileName}” (${rows} ${spend.rows === 1 ? 'row' : 'rows'}), spending ${n} of the ${count(LIMITED_QUOTA)} lifetime quota.`,
        detail: `Saved to: ${spend.outDir}\n${remainingText(quota, lang)} Spent codes never come back. Unlimited codes (a scene column) spend none. If you did not start this batch, choose Cancel.`,
        confirm: `Make ${n} ${quota.newCodes === 1 ? 'code' : 'codes'}`,
        cancel: 'Cancel',
      };
}

/** Before one more new code from the form, after many in a minute: `made` counts this one. */
export function formSpendQuestion(made: number, quota: QuotaCheck, lang: Lang): Confirmation {
  return lang === 'zh'
    ? {
        title: '消耗额度',
        message: `这是一分钟内的第 ${count(made)} 个新码，每个都消耗 100,000 总额度中的 1 个。继续生成？`,
        detail: `${remainingText(quota, lang)}如果这些不是你要生成的，请选“取消”。选“继续”只生成这一个码，之后再生成 ${FREE_FORM_CODES_PER_MINUTE} 个新码才会再次询问。`,
        confirm: '继续生成',
        cancel: '取消',
      }
    : {
        title: 'Spend quota',
        message: `This is the ${ordinal(made)} new code in a minute; each spends 1 of the ${count(LIMITED_QUOTA)} lifetime quota. Make it?`,
        detail: `${remainingText(quota, lang)} If you did not ask for these codes, choose Cancel. “Make it” makes this one code; you are asked again after ${FREE_FORM_CODES_PER_MINUTE} more.`,
        confirm: 'Make it',
        cancel: 'Cancel',
      };
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${count(n)}${suffix}`;
}
