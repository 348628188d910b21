import type { QuotaCheck } from '../../shared/batch';
import { LIMITED_QUOTA } from '../../shared/codeRequest';
import type { Lang } from '../../shared/language';
import type { Confirmation } from '../services';
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

/** Before a batch that spends: the count of new limited or square codes, and what remains. */
export function batchSpendQuestion(quota: QuotaCheck, lang: Lang): Confirmation {
  const n = count(quota.newCodes);
  return lang === 'zh'
    ? {
        title: '消耗额度',
        message: `此批次将生成 ${n} 个新码，消耗 100,000 总额度中的 ${n} 个。`,
        detail: `${remainingText(quota, lang)}消耗的额度不会恢复。无限量小程序码（scene 列）不消耗额度。`,
        confirm: `生成 ${n} 个码`,
        cancel: '取消',
      }
    : {
        title: 'Spend quota',
        message: `This batch makes ${n} new ${quota.newCodes === 1 ? 'code' : 'codes'}, spending ${n} of the ${count(LIMITED_QUOTA)} lifetime quota.`,
        detail: `${remainingText(quota, lang)} Spent codes never come back. Unlimited codes (a scene column) spend none.`,
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
