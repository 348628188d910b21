import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { appError } from '../../../shared/errors';
import { type AppError, Failure } from '../../../shared/result';
import { tempFolderFor } from '../../testing/tempFolder';
import { throwawayKeychain } from '../../testing/throwawayKeyring';
import { type AccountDraft, type AccountStore, fileAccountStore } from './accounts';
import { type SecretStore, tokenServiceKey, tokenServiceQueryKey } from './secrets';

const SECRET = '0f1e2d3c4b5a69780f1e2d3c4b5a6978';
const CREDENTIAL = 'tok-credential-5b8f2c';
const shop: AccountDraft = { name: 'Shop', appId: 'WX0123456789ABCDEF', source: { kind: 'secret' } };

let keychain: SecretStore;
let dir: string;
let accounts: AccountStore;
beforeAll(() => {
  keychain = throwawayKeychain();
});
beforeEach(async (test) => {
  dir = await tempFolderFor(test, 'accounts');
  accounts = fileAccountStore(dir, keychain);
});
afterEach(async () => {
  for (const account of await accounts.list()) await accounts.remove(account.id);
});

const fileText = () => readFile(join(dir, 'accounts.json'), 'utf8');

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const caught = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(caught).toBeInstanceOf(Failure);
  return (caught as Failure).error;
}

describe('fileAccountStore', () => {
  it('keeps the account in accounts.json and the AppSecret only in the keychain', async () => {
    const smuggled = { ...shop, secret: SECRET, appSecret: SECRET } as AccountDraft;
    const saved = await accounts.save(smuggled, { appSecret: ` ${SECRET}\n` });

    expect(saved).toMatchObject({ name: 'Shop', appId: 'wx0123456789abcdef', source: { kind: 'secret' } });
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await keychain.get('wx0123456789abcdef')).toBe(SECRET);
    const text = await fileText();
    expect(text).toContain('wx0123456789abcdef');
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/secret"\s*:/i);
    if (process.platform !== 'win32')
      expect((await stat(join(dir, 'accounts.json'))).mode & 0o777).toBe(0o600);
  });

  it('keeps a token-service credential only in the keychain, and clears it on request', async () => {
    const saved = await accounts.save(
      {
        name: 'Via service',
        appId: 'wx1111111111111111',
        source: { kind: 'token-url', url: 'https://tokens.example.com/t' },
      },
      { tokenCredential: CREDENTIAL },
    );
    expect(saved.source).toEqual({
      kind: 'token-url',
      url: 'https://tokens.example.com/t',
      hasCredential: true,
    });
    expect(await keychain.get(tokenServiceKey(saved.id))).toBe(CREDENTIAL);
    expect(await fileText()).not.toContain(CREDENTIAL);

    const renamed = await accounts.save({ ...saved, name: 'Renamed' });
    expect(renamed.source).toMatchObject({ hasCredential: true });

    const cleared = await accounts.save(renamed, { tokenCredential: '' });
    expect(cleared.source).toMatchObject({ hasCredential: false });
    expect(await keychain.get(tokenServiceKey(saved.id))).toBeNull();
  });

  it('finds an account by id, by name in any case, and by AppID', async () => {
    const saved = await accounts.save(shop);
    expect((await accounts.get(saved.id))?.name).toBe('Shop');
    expect((await accounts.get('  shop '))?.id).toBe(saved.id);
    expect((await accounts.get('wx0123456789ABCDEF'))?.id).toBe(saved.id);
    expect(await accounts.get('nobody')).toBeUndefined();
  });

  it('names the AppID field and the fix when the AppID is malformed, and writes nothing', async () => {
    const error = await rejection(accounts.save({ ...shop, appId: 'wx123' }, { appSecret: SECRET }));
    expect(error).toMatchObject({ code: 'field', field: 'appId' });
    expect(error.message.en).toContain('AppID “wx123” is not valid');
    expect(error.hint.en).toContain('mp.weixin.qq.com');
    expect(error.hint.zh).toContain('开发设置');
    expect(await accounts.list()).toEqual([]);
    expect(await keychain.get('wx123')).toBeNull();
  });

  it('refuses an empty name, a taken name and a taken AppID', async () => {
    await accounts.save(shop);
    expect(await rejection(accounts.save({ ...shop, name: '  ' }))).toMatchObject({ field: 'name' });
    const sameName = await rejection(accounts.save({ ...shop, name: 'SHOP', appId: 'wx2222222222222222' }));
    expect(sameName).toMatchObject({ field: 'name' });
    expect(sameName.message.en).toContain('already an account named “Shop”');
    const sameApp = await rejection(accounts.save({ ...shop, name: 'Other' }));
    expect(sameApp).toMatchObject({ field: 'appId' });
    expect(sameApp.message.en).toContain('“Shop” already uses AppID wx0123456789abcdef');
    expect(await accounts.list()).toHaveLength(1);
  });

  it('sends credentials over https only, except to this computer, and names the field and the fix', async () => {
    const draft = (url: string): AccountDraft => ({ ...shop, source: { kind: 'token-url', url } });
    const notHttp = await rejection(accounts.save(draft('ftp://tokens.example.com')));
    expect(notHttp).toMatchObject({ field: 'url' });
    expect(notHttp.message.en).toContain('https://');
    expect(await rejection(accounts.save(draft('tokens.example.com')))).toMatchObject({ field: 'url' });
    const withLogin = await rejection(accounts.save(draft('https://ops:hunter2@tokens.example.com/t')));
    expect(withLogin.hint.en).toContain('keychain');
    const plain = await rejection(accounts.save(draft('http://10.0.0.5:8080/token')));
    expect(plain).toMatchObject({ field: 'url' });
    expect(plain.message.en).toContain('unencrypted to 10.0.0.5:8080');
    expect(plain.hint.en).toContain('https://10.0.0.5:8080/token');
    expect(plain.message.zh).toContain('未加密');
    const plainBase = await rejection(accounts.save({ ...shop, apiBase: 'http://wechat-proxy.corp' }));
    expect(plainBase).toMatchObject({ field: 'apiBase' });
    expect(plainBase.hint.en).toContain('https://wechat-proxy.corp');
    expect(await accounts.list()).toEqual([]);
    await expect(accounts.save(draft('http://127.0.0.1:8080/token'))).resolves.toBeTruthy();
    const local = await accounts.save({
      ...shop,
      name: 'Local',
      appId: 'wx1212121212121212',
      apiBase: 'http://localhost:9/',
    });
    expect(local.apiBase).toBe('http://localhost:9');
    const wechat = await accounts.save({ ...local, apiBase: 'https://api.weixin.qq.com/' });
    expect(wechat.apiBase).toBeUndefined();
  });

  it('keeps a token URL’s query (its key, its signature) in the keychain, never in accounts.json', async () => {
    const saved = await accounts.save({
      ...shop,
      source: { kind: 'token-url', url: 'https://tokens.example.com/t?key=K3y-7f1&sig=S1g-9a2#top' },
    });
    expect(saved.source).toEqual({
      kind: 'token-url',
      url: 'https://tokens.example.com/t',
      hasCredential: false,
      hasQuery: true,
    });
    expect(await keychain.get(tokenServiceQueryKey(saved.id))).toBe('?key=K3y-7f1&sig=S1g-9a2');
    expect(await fileText()).not.toMatch(/K3y-7f1|S1g-9a2/);
    // Saved again as the editor shows it (without the query), the query stays.
    const renamed = await accounts.save({ ...saved, name: 'Renamed' });
    expect(renamed.source).toMatchObject({ hasQuery: true });
    await accounts.remove(saved.id);
    expect(await keychain.get(tokenServiceQueryKey(saved.id))).toBeNull();
  });

  it('keeps id and Num-Used on edit, and forgets the old AppSecret when the AppID changes', async () => {
    const saved = await accounts.save(shop, { appSecret: SECRET });
    await accounts.recordNumUsed(saved.id, 42);
    const edited = await accounts.save({ ...saved, name: 'Shop CN', apiBase: 'http://127.0.0.1:9000/' });
    expect(edited).toMatchObject({
      id: saved.id,
      name: 'Shop CN',
      numUsed: 42,
      apiBase: 'http://127.0.0.1:9000',
    });

    await accounts.save({ ...edited, appId: 'wx3333333333333333' }, { appSecret: 'new-secret' });
    expect(await keychain.get('wx0123456789abcdef')).toBeNull();
    expect(await keychain.get('wx3333333333333333')).toBe('new-secret');
    expect((await accounts.get(saved.id))?.numUsed).toBeUndefined();
  });

  it('drops a stored AppSecret when the API base changes, unless the same save gives it again', async () => {
    const saved = await accounts.save(shop, { appSecret: SECRET });
    const moved = await accounts.save({ ...saved, apiBase: 'http://127.0.0.1:4444' });
    expect(moved.apiBase).toBe('http://127.0.0.1:4444');
    expect(await keychain.get('wx0123456789abcdef')).toBeNull();

    await accounts.save({ ...moved, apiBase: 'http://127.0.0.1:5555' }, { appSecret: SECRET });
    expect(await keychain.get('wx0123456789abcdef')).toBe(SECRET);
    await accounts.save({ ...moved, apiBase: 'http://127.0.0.1:5555/', name: 'Shop 2' });
    expect(await keychain.get('wx0123456789abcdef')).toBe(SECRET);
  });

  it('never lets a new account adopt an AppSecret left in the keychain for its AppID', async () => {
    await keychain.set('wx0123456789abcdef', SECRET);
    await accounts.save({ ...shop, apiBase: 'http://127.0.0.1:4444' });
    expect(await keychain.get('wx0123456789abcdef')).toBeNull();
  });

  it('drops a token service’s bearer and query when its URL or API base changes', async () => {
    const url = 'https://tokens.example.com/t?key=K3y';
    const draft: AccountDraft = { ...shop, source: { kind: 'token-url', url } };
    const saved = await accounts.save(draft, { tokenCredential: CREDENTIAL });
    const stored = async () => [
      await keychain.get(tokenServiceKey(saved.id)),
      await keychain.get(tokenServiceQueryKey(saved.id)),
    ];
    expect(await stored()).toEqual([CREDENTIAL, '?key=K3y']);

    const newBase = await accounts.save({ ...saved, apiBase: 'http://127.0.0.1:4444' });
    expect(newBase.source).toEqual({
      kind: 'token-url',
      url: 'https://tokens.example.com/t',
      hasCredential: false,
    });
    expect(await stored()).toEqual([null, null]);

    await accounts.save({ ...draft, id: saved.id }, { tokenCredential: CREDENTIAL });
    const newUrl = await accounts.save({
      ...saved,
      source: { kind: 'token-url', url: 'http://127.0.0.1:4444/t' },
    });
    expect(newUrl.source).toEqual({
      kind: 'token-url',
      url: 'http://127.0.0.1:4444/t',
      hasCredential: false,
    });
    expect(await stored()).toEqual([null, null]);
  });

  it('removes the account together with its secrets', async () => {
    const shopAccount = await accounts.save(shop, { appSecret: SECRET });
    const service = await accounts.save(
      {
        name: 'Service',
        appId: 'wx4444444444444444',
        source: { kind: 'token-url', url: 'https://t.example.com' },
      },
      { tokenCredential: CREDENTIAL },
    );
    await accounts.remove(shopAccount.id);
    await accounts.remove(service.id);
    await accounts.remove(service.id);
    expect(await accounts.list()).toEqual([]);
    expect(await keychain.get('wx0123456789abcdef')).toBeNull();
    expect(await keychain.get(tokenServiceKey(service.id))).toBeNull();
  });

  it('records every Num-Used report, even many at once next to an edit', async () => {
    const a = await accounts.save(shop);
    const b = await accounts.save({ name: 'B', appId: 'wx5555555555555555', source: { kind: 'sandbox' } });
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => accounts.recordNumUsed(a.id, 100 + i)),
      accounts.save({ ...b, name: 'B2' }),
      accounts.recordNumUsed(b.id, 7),
      accounts.recordNumUsed('removed-meanwhile', 1),
    ]);
    const [first, second] = await accounts.list();
    expect(first?.numUsed).toBe(109);
    expect(Date.now() - Date.parse(first?.numUsedAt ?? '')).toBeLessThan(60_000);
    expect(second).toMatchObject({ name: 'B2', numUsed: 7 });
  });

  it('says accounts.json is damaged instead of starting over', async () => {
    await writeFile(join(dir, 'accounts.json'), '{"version":1,"accounts":[{"id":1}]}');
    const error = await rejection(accounts.list());
    expect(error.code).toBe('file');
    expect(error.message.en).toContain(join(dir, 'accounts.json'));
    expect(error.message.en).toContain('damaged');
    await writeFile(join(dir, 'accounts.json'), '{"version":1,"accounts":[]}');
  });

  it('removes an account when the keychain cannot be reached, saying so, but not past a locked one', async () => {
    const failing = (code: 'keychain-unavailable' | 'keychain-locked'): SecretStore => {
      const fail = async (): Promise<never> => {
        throw new Failure(appError(code));
      };
      return { get: fail, set: fail, delete: fail, has: fail };
    };
    const shopAccount = await accounts.save(shop, { appSecret: SECRET });

    const locked = await rejection(fileAccountStore(dir, failing('keychain-locked')).remove(shopAccount.id));
    expect(locked.code).toBe('keychain-locked');
    expect(await accounts.list()).toHaveLength(1);

    const removal = await fileAccountStore(dir, failing('keychain-unavailable')).remove(shopAccount.id);
    expect(removal.keychainError?.code).toBe('keychain-unavailable');
    expect(await accounts.list()).toEqual([]);
    // The store says so because it is true: the secret is still there.
    expect(await keychain.get('wx0123456789abcdef')).toBe(SECRET);
    await keychain.delete('wx0123456789abcdef');

    // Moved while the keychain cannot be reached, a kept secret would follow the account later.
    const again = await accounts.save(shop, { appSecret: SECRET });
    const unreachable = fileAccountStore(dir, failing('keychain-unavailable'));
    const moved = await rejection(unreachable.save({ ...again, apiBase: 'http://127.0.0.1:4444' }));
    expect(moved.code).toBe('keychain-unavailable');
    expect((await accounts.get(again.id))?.apiBase).toBeUndefined();
  });
});
