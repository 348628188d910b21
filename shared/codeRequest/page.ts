import type { Localized } from '../result';
import { splitPage, withoutInvisible } from '../targetFixes';
import type { CodeRequestInput, Fix } from './fields';
import { asText, type Checked, notText, passed, problem } from './fieldValue';
import { sceneProblem } from './scene';
import {
  characterCount,
  firstUnsafe,
  mentionsReserved,
  reserved,
  tooLong,
  unsafeCharacter,
} from './targetText';

// An unlimited code's page: a bare page, no leading '/' and no query, with the fix when one is
// written so.

const MAX_PAGE = 1024;

export function checkPage(raw: unknown, all: CodeRequestInput): Checked<string> {
  const page = asText(raw);
  if (page === undefined) return notText('page');
  if (page.startsWith('/') || page.includes('?')) return pageAsPath(page, all.scene);
  return pageProblem(page) ?? passed(page);
}

/** A page WeChat takes as it is (a candidate fix must be one). */
const plainPage = (page: string): boolean =>
  !page.startsWith('/') && !page.includes('?') && pageProblem(page) === undefined;

/** What WeChat would refuse in a page that neither starts with '/' nor carries a query. */
function pageProblem(page: string): Checked<never> | undefined {
  const bad = firstUnsafe(page);
  if (bad !== undefined) {
    // Invisible characters go by themselves; a space in a page name is the user's to rename.
    const cleaned = withoutInvisible(page);
    const fits = cleaned !== page && plainPage(cleaned);
    return unsafeCharacter('page', bad, fits ? cleaned : undefined);
  }
  if (mentionsReserved(page)) return reserved('page');
  const count = characterCount(page);
  if (count > MAX_PAGE) {
    return tooLong('page', count, MAX_PAGE, {
      en: 'Enter just the page, such as pages/index/index.',
      zh: '只填写页面本身，例如 pages/index/index。',
    });
  }
  return undefined;
}

/**
 * A page written as a page path ('/pages/store/detail?id=1'): the fix is the page alone and, when
 * the scene is still empty and the query is a scene WeChat takes, the query moved into the scene.
 */
function pageAsPath(written: string, sceneRaw: unknown): Checked<never> {
  const { page, query } = splitPage(written);
  const message: Localized = written.startsWith('/')
    ? { en: "Page must not start with '/'.", zh: "页面不能以 '/' 开头。" }
    : { en: "Page must not contain a query ('?…').", zh: "页面不能带查询参数（'?…'）。" };
  const pageFits = plainPage(page);
  const sceneEmpty = !asText(sceneRaw);
  const moveQuery = pageFits && query !== '' && sceneEmpty && sceneProblem(query) === undefined;
  const shownPage: Localized = page
    ? { en: page, zh: page }
    : { en: 'an empty page (the home page)', zh: '空（即首页）' };
  let hint: Localized;
  if (!pageFits) {
    hint = {
      en: "Remove the leading '/' and the query ('?…'); put the data in the scene, which the page receives when the code is scanned.",
      zh: "请删除开头的 '/' 和查询参数（'?…'）；把数据放进场景值 scene，扫码后页面会收到 scene。",
    };
  } else if (moveQuery) {
    hint = {
      en: `Write it as ${shownPage.en}, and put ${query} in the scene: the page receives the scene when the code is scanned.`,
      zh: `请写成 ${shownPage.zh}，并把 ${query} 放进场景值 scene：扫码后页面会收到 scene。`,
    };
  } else if (query !== '') {
    hint = {
      en: `Write it as ${shownPage.en}, and put the data in the scene instead: the page receives the scene when the code is scanned.`,
      zh: `请写成 ${shownPage.zh}，并把数据放进场景值 scene：扫码后页面会收到 scene。`,
    };
  } else {
    hint = {
      en: `Write it as ${shownPage.en} (WeChat rejects a leading '/').`,
      zh: `请写成 ${shownPage.zh}（微信不接受开头的 '/'）。`,
    };
  }
  const fix: Fix | undefined = !pageFits ? undefined : moveQuery ? { page, scene: query } : { page };
  return problem(message, hint, fix);
}
