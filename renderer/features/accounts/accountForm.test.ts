import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/ipc/channels';
import { type AccountForm, accountProblems, draftOf, formOf, movesCredential } from './accountForm';

const form: AccountForm = {
  name: 'Shop',
  appId: 'wx0123456789abcdef',
  sourceKind: 'secret',
  url: '',
  apiBase: '',
};

describe('accountProblems', () => {
  it('asks for a secret only when none is typed or stored', () => {
    expect(accountProblems(form, false)).toEqual({
      secret: { message: 'needSecret', hint: 'needSecretHint' },
    });
    expect(accountProblems(form, true)).toEqual({});
  });

  it('says what the account store would say about a name or AppID', () => {
    const problems = accountProblems({ ...form, name: 'n'.repeat(101), appId: 'gh_123' }, true);
    expect(problems.name?.message).toMatchObject({ en: 'The account name is empty or too long.' });
    expect(problems.appId?.message).toMatchObject({
      en: 'The AppID “gh_123” is not valid: it is wx followed by 16 letters and digits.',
    });
  });

  it('flags a malformed AppID, token URL and API server', () => {
    const problems = accountProblems(
      { ...form, appId: 'gh_123', sourceKind: 'token-url', url: 'tokens.example.com', apiBase: 'ftp://x' },
      false,
    );
    expect(Object.keys(problems).sort()).toEqual(['apiBase', 'appId', 'url']);
  });

  it('needs only a name for the sandbox account', () => {
    expect(accountProblems({ ...form, sourceKind: 'sandbox', appId: '' }, false)).toEqual({});
    expect(accountProblems({ ...form, sourceKind: 'sandbox', name: ' ' }, false).name?.message).toEqual({
      en: 'The account name is empty or too long.',
      zh: '账号名称为空或过长。',
    });
  });
});

describe('where credentials may go', () => {
  it('refuses plain http to another computer in the words the main process uses, naming the fix', () => {
    const problems = accountProblems(
      { ...form, sourceKind: 'token-url', url: 'http://10.0.0.5/token', apiBase: 'http://wechat-proxy.corp' },
      true,
    );
    expect(problems.apiBase?.message).toEqual({
      en: expect.stringContaining('unencrypted to wechat-proxy.corp'),
      zh: expect.stringContaining('未加密'),
    });
    expect(problems.url?.hint).toMatchObject({ en: expect.stringContaining('https://10.0.0.5/token') });
    expect(accountProblems({ ...form, apiBase: 'http://127.0.0.1:9' }, true)).toEqual({});
  });

  it('knows when saving would drop a stored secret, so it asks for it again first', () => {
    const withSecret: AccountView = {
      id: 'a1',
      name: 'Shop',
      appId: 'wx0123456789abcdef',
      source: { kind: 'secret', hasSecret: true },
    };
    const shown = formOf(withSecret);
    expect(movesCredential(shown, withSecret)).toBe(false);
    expect(movesCredential({ ...shown, name: 'Renamed' }, withSecret)).toBe(false);
    expect(movesCredential({ ...shown, apiBase: 'https://api.weixin.qq.com/' }, withSecret)).toBe(false);
    expect(movesCredential({ ...shown, apiBase: 'http://127.0.0.1:4444' }, withSecret)).toBe(true);
    const viaService: AccountView = {
      ...withSecret,
      source: { kind: 'token-url', url: 'https://t.example.com/x', hasCredential: true, hasQuery: true },
    };
    const service = formOf(viaService);
    expect(movesCredential({ ...service, url: 'https://t.example.com/x?key=new' }, viaService)).toBe(false);
    expect(movesCredential({ ...service, url: 'https://t.example.com/y' }, viaService)).toBe(true);
    expect(movesCredential(formOf(undefined), undefined)).toBe(false);
  });
});

describe('draftOf / formOf', () => {
  it('round-trips an account without any secret field', () => {
    const view = {
      id: 'a1',
      name: 'Shop',
      appId: 'wx0123456789abcdef',
      source: { kind: 'token-url' as const, url: 'https://t.example.com/x', hasCredential: true },
      apiBase: 'http://127.0.0.1:9',
    };
    expect(draftOf(formOf(view))).toEqual({
      id: 'a1',
      name: 'Shop',
      appId: 'wx0123456789abcdef',
      source: { kind: 'token-url', url: 'https://t.example.com/x' },
      apiBase: 'http://127.0.0.1:9',
    });
  });
});
