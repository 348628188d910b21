import { beforeEach, describe, expect, it } from 'vitest';
import { appJsonNoPages } from '../../../shared/errors/appJson';
import type { AppJsonPages } from '../../../shared/ipc/channels';
import { type AppError, fail, ok } from '../../../shared/result';
import { usePages } from './pagesStore';

/** The page's `window.wxacode`: each channel answers what the test sets, and every call is counted. */
const answers: Record<string, () => AppJsonPages | null | AppError> = {};
const asked: string[] = [];
(globalThis as { window?: unknown }).window = {
  wxacode: new Proxy(
    {},
    {
      get: (_target, channel: string) => async () => {
        asked.push(channel);
        const answer = answers[channel]!();
        return answer !== null && 'code' in answer ? fail(answer) : ok(answer);
      },
    },
  ),
};

const shop: AppJsonPages = { fileName: 'app.json', pages: ['pages/index/index', 'shop/list'] };

beforeEach(() => {
  usePages.setState({ byAccount: {}, error: null });
  asked.length = 0;
});

describe('the page lists in the window', () => {
  it('asks main for an account’s kept list once', async () => {
    answers['code:pageList'] = () => shop;
    await usePages.getState().load('a');
    await usePages.getState().load('a');
    expect(asked).toEqual(['code:pageList']);
    expect(usePages.getState().byAccount).toEqual({ a: shop });
  });

  it('keeps an import per account; a cancelled dialog changes nothing; a bad file shows its error', async () => {
    answers['code:openAppJson'] = () => shop;
    await usePages.getState().importFor('a');
    answers['code:openAppJson'] = () => null;
    await usePages.getState().importFor('a');
    expect(usePages.getState().byAccount).toEqual({ a: shop });

    const noPages = appJsonNoPages('app.json');
    answers['code:openAppJson'] = () => noPages;
    await usePages.getState().importFor('b');
    expect(usePages.getState()).toMatchObject({ byAccount: { a: shop }, error: noPages });

    answers['code:openAppJson'] = () => shop;
    await usePages.getState().importFor('b');
    expect(usePages.getState()).toMatchObject({ byAccount: { a: shop, b: shop }, error: null });
  });
});
