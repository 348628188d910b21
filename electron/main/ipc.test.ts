import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc/channelNames';
import { type AppInfo, channels } from '../../shared/ipc/channels';
import { type AppError, Failure } from '../../shared/result';
import { type HandlerTable, type IpcMainLike, invokeChannel, registerHandlers } from './ipc';

const INFO: AppInfo = { version: '1.2.3', systemLocale: 'zh-CN' };

/** Every channel answers "not part of this test" unless the test gives it a handler. */
function table(overrides: Partial<HandlerTable> = {}): HandlerTable {
  const unused = async () => {
    throw new Error('not part of this test');
  };
  return { ...Object.fromEntries(CHANNEL_NAMES.map((c) => [c, unused])), ...overrides } as HandlerTable;
}

const draft = { kind: 'limited', path: 'pages/index/index', envVersion: 'release' };

describe('invokeChannel', () => {
  it('answers with the handler’s value', async () => {
    const result = await invokeChannel(table({ 'app:info': async () => INFO }), 'app:info', undefined);
    expect(result).toEqual({ ok: true, value: INFO });
  });

  it('refuses a bad payload before the handler runs, naming the field', async () => {
    let ran = false;
    const handlers = table({
      'code:generate': async () => {
        ran = true;
        throw new Error('must not run');
      },
      'code:save': async () => {
        ran = true;
        return { saved: false };
      },
    });

    const width = await invokeChannel(handlers, 'code:generate', {
      accountId: 'sandbox',
      request: { ...draft, width: 5000 },
    });
    expect(width.ok || width.error).toMatchObject({ code: 'field', field: 'width' });
    expect(!width.ok && width.error.message.en).toMatch(/width/i);

    const codeId = await invokeChannel(handlers, 'code:save', {});
    expect(codeId.ok || codeId.error).toMatchObject({ code: 'field', field: 'codeId' });

    const account = await invokeChannel(handlers, 'code:generate', { request: draft });
    expect(account.ok || account.error).toMatchObject({ code: 'field', field: 'accountId' });
    expect(ran).toBe(false);
  });

  it('passes on a Failure as the error the user sees', async () => {
    const error: AppError = {
      code: 'file',
      message: { en: 'Could not write /x.png: disk full', zh: '无法写入 /x.png：磁盘已满' },
      hint: { en: 'Free some space.', zh: '请释放空间。' },
    };
    const result = await invokeChannel(
      table({
        'code:save': async () => {
          throw new Failure(error);
        },
      }),
      'code:save',
      { codeId: 'abc' },
    );
    expect(result).toEqual({ ok: false, error });
  });

  it('turns an unexpected error into a plain internal error, without its text', async () => {
    const reported: unknown[] = [];
    const result = await invokeChannel(
      table({
        'accounts:test': async () => {
          throw new Error('POST https://api.weixin.qq.com/cgi-bin/stable_token secret=hunter2-very-secret');
        },
      }),
      'accounts:test',
      { id: 'a' },
      (channel, error, cause) => reported.push({ channel, code: error.code, cause }),
    );
    expect(result.ok || result.error.code).toBe('internal');
    expect(JSON.stringify(result)).not.toContain('hunter2');
    // The cause goes to the support log only, which redacts it (core/errorLog.ts).
    expect(reported).toEqual([{ channel: 'accounts:test', code: 'internal', cause: expect.any(Error) }]);
  });

  it('reports every error the page is answered with: a refused payload, a Failure, an unexpected throw', async () => {
    const reported: string[] = [];
    const report = (channel: string, error: { code: string; field?: string }) =>
      reported.push(`${channel} ${error.code} ${error.field ?? ''}`.trim());
    const handlers = table({
      'code:save': async () => {
        throw new Failure({ code: 'file', message: { en: 'x', zh: 'x' }, hint: { en: 'y', zh: 'y' } });
      },
    });
    await invokeChannel(handlers, 'code:save', {}, report);
    await invokeChannel(handlers, 'code:save', { codeId: 'abc' }, report);
    await invokeChannel(handlers, 'accounts:test', { id: 'a' }, report);
    await invokeChannel(table({ 'app:info': async () => INFO }), 'app:info', undefined, report);
    expect(reported).toEqual(['code:save field codeId', 'code:save file', 'accounts:test internal']);
  });
});

interface Frame {
  url: string;
}

/** What Electron's ipcMain does with `handle`: one listener per channel, called with the event. */
function fakeIpcMain() {
  const listeners = new Map<
    string,
    (event: { senderFrame: Frame | null }, payload: unknown) => Promise<unknown>
  >();
  const ipcMain: IpcMainLike<Frame> = {
    handle: (channel, listener) => void listeners.set(channel, listener),
  };
  const send = (channel: string, frame: Frame | null, payload?: unknown) =>
    listeners.get(channel)!({ senderFrame: frame }, payload);
  return { ipcMain, listeners, send };
}

describe('registerHandlers', () => {
  const APP_URL = 'file:///app/dist/renderer/index.html';
  const trusted = (frame: Frame | null) => frame?.url === APP_URL;

  it('registers every channel of the shared map, and nothing else', () => {
    const { ipcMain, listeners } = fakeIpcMain();
    registerHandlers(ipcMain, table(), trusted);
    expect([...listeners.keys()].sort()).toEqual(Object.keys(channels).sort());
  });

  it('answers the app’s own page', async () => {
    const { ipcMain, send } = fakeIpcMain();
    registerHandlers(ipcMain, table({ 'app:info': async () => INFO }), trusted);
    expect(await send('app:info', { url: APP_URL })).toEqual({ ok: true, value: INFO });
  });

  it('refuses any other sender with an error, without running the handler', async () => {
    let ran = 0;
    const { ipcMain, send } = fakeIpcMain();
    const handlers = table({
      'accounts:remove': async () => {
        ran++;
        return { removed: true };
      },
    });
    const reported: string[] = [];
    registerHandlers(ipcMain, handlers, trusted, (channel, error) =>
      reported.push(`${channel} ${error.code}`),
    );
    for (const frame of [{ url: 'https://evil.example/' }, { url: 'file:///tmp/other.html' }, null]) {
      const answer = await send('accounts:remove', frame, { id: 'sandbox' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    }
    expect(ran).toBe(0);
    // A supporter sees that something other than the window knocked.
    expect(reported).toEqual(Array(3).fill('accounts:remove untrusted-sender'));
  });
});
