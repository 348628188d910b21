import { describe, expect, it } from 'vitest';
import { type AccountForm, accountProblems, draftOf, formOf } from './accountForm';

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

  it('flags a malformed AppID, token URL and API server', () => {
    const problems = accountProblems(
      { ...form, appId: 'gh_123', sourceKind: 'token-url', url: 'tokens.example.com', apiBase: 'ftp://x' },
      false,
    );
    expect(Object.keys(problems).sort()).toEqual(['apiBase', 'appId', 'url']);
  });

  it('needs only a name for the sandbox account', () => {
    expect(accountProblems({ ...form, sourceKind: 'sandbox', appId: '' }, false)).toEqual({});
    expect(accountProblems({ ...form, sourceKind: 'sandbox', name: ' ' }, false).name?.message).toBe(
      'requiredName',
    );
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
