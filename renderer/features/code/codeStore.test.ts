import { beforeEach, describe, expect, it } from 'vitest';
import { appError } from '../../../shared/errors';
import type { AccountView, GeneratedCode } from '../../../shared/ipc/channels';
import { fail, ok } from '../../../shared/result';
import { useAccounts } from '../accounts/accountsStore';
import { type MadeCode, useCode } from './codeStore';

/** The page's `window.wxacode`: code:generate waits until the test answers it, like a slow WeChat. */
const waiting: Array<{ payload: unknown; answer: (code: GeneratedCode) => void }> = [];
(globalThis as { window?: unknown }).window = {
  wxacode: new Proxy(
    {},
    {
      get: (_target, channel: string) => async (payload: unknown) => {
        // Settings and the rest are refused: the stores keep what they had.
        if (channel !== 'code:generate') return fail(appError('internal'));
        return new Promise((resolve) => {
          waiting.push({ payload, answer: (code) => resolve(ok(code)) });
        });
      },
    },
  ),
};

const account = (id: string): AccountView => ({
  id,
  name: id,
  appId: `wx${id}`,
  source: { kind: 'sandbox' },
});

const code = (codeId: string, numUsed: number): GeneratedCode => ({
  codeId,
  png: new Uint8Array(),
  width: 430,
  height: 430,
  numUsed,
  fromLibrary: false,
  createdAt: '2025-01-01T00:00:00.000Z',
  suggestedName: `${codeId}.png`,
});

const FROM_HISTORY: MadeCode = {
  code: code('from-history', 3),
  request: { kind: 'qrcode', path: 'pages/history/index', width: 280 },
  accountId: 'a',
};

/** Starts a generate for a page path and returns it, still waiting for WeChat. */
function generating(path: string): Promise<void> {
  useCode.getState().edit({ path });
  const pending = useCode.getState().generate();
  expect(useCode.getState().busy).toBe(true);
  return pending;
}

function answer(made: GeneratedCode): void {
  const call = waiting.shift();
  expect(call).toBeDefined();
  call?.answer(made);
}

beforeEach(() => {
  waiting.length = 0;
  useCode.setState(useCode.getInitialState(), true);
  useAccounts.setState({ accounts: [account('a'), account('b')], activeId: 'a' });
});

describe('the form store', () => {
  it('shows the code WeChat made for the form', async () => {
    const pending = generating('pages/index/index');
    answer(code('made', 1));
    await pending;
    expect(useCode.getState()).toMatchObject({
      busy: false,
      made: { accountId: 'a', code: { codeId: 'made' } },
    });
  });

  it('keeps a code opened from History when an earlier generate answers late', async () => {
    const pending = generating('pages/index/index');
    useCode.getState().open(FROM_HISTORY);
    answer(code('late', 4));
    await pending;
    const { made, draft, busy } = useCode.getState();
    expect(made?.code.codeId).toBe('from-history');
    expect(draft).toMatchObject({ kind: 'qrcode', path: 'pages/history/index' });
    expect(busy).toBe(false);
  });

  it('does not show a late code from the account the user switched away from', async () => {
    const pending = generating('pages/index/index');
    useAccounts.setState({ activeId: 'b' });
    answer(code('for-a', 2));
    await pending;
    expect(useCode.getState()).toMatchObject({ busy: false, made: null, error: null });
  });

  it('keeps the check of the draft as typed, and of a code opened from History', () => {
    useCode.getState().edit({ path: '' });
    expect(useCode.getState().checked.errors.path?.message.en).toBeTruthy();
    useCode.getState().edit({ path: 'pages/index/index' });
    expect(useCode.getState().checked).toMatchObject({ request: { path: 'pages/index/index' }, errors: {} });
    useCode.getState().open(FROM_HISTORY);
    expect(useCode.getState().checked.request).toMatchObject({ kind: 'qrcode', width: 280 });
  });
});

describe('what the form waits for', () => {
  it('spends nothing on a web address until the user says to use it, and asks again for another', async () => {
    useCode.getState().edit({ path: 'https://x.com/a.html' });
    await useCode.getState().generate();
    expect(waiting).toHaveLength(0);
    expect(useCode.getState().busy).toBe(false);

    useCode.getState().acceptWarning();
    const pending = useCode.getState().generate();
    expect(waiting).toHaveLength(1);
    answer(code('web', 1));
    await pending;

    useCode.getState().edit({ path: 'https://x.com/b.html' });
    await useCode.getState().generate();
    expect(waiting).toHaveLength(0);
  });

  it('marks every field with a problem and names the first in the form', () => {
    useCode.getState().edit({ width: '100' });
    expect(useCode.getState().touched).toEqual({ width: true });
    expect(useCode.getState().markProblems()).toBe('path');
    expect(useCode.getState().touched).toEqual({ width: true, path: true });
  });
});
