import { describe, expect, it } from 'vitest';
import { Failure } from '../../shared/result';
import { validateCodeRequest } from '../../shared/validateCodeRequest';
import { createWechatClient } from '../core/wechat/wechatClient';
import { startSandbox } from '../sandbox';
import { decodePicture, readQr, stableToken } from '../sandbox/testing';
import { credentialsFromFlags } from './credentials';

describe('--appid with an access_token in WXACODE_ACCESS_TOKEN', () => {
  it('makes codes with that token as is, fetching none itself', async () => {
    const sandbox = await startSandbox();
    try {
      const token = await stableToken(sandbox.url);
      const credentials = await credentialsFromFlags(
        { appid: 'wx0123456789abcdef', 'api-base': sandbox.url },
        { WXACODE_ACCESS_TOKEN: token },
      );
      const request = validateCodeRequest({ kind: 'limited', path: 'pages/index/index?id=3' });
      if (!request.ok) throw new Error('the request is valid');
      const client = createWechatClient({ apiBase: credentials.apiBase, tokens: credentials.tokens });
      const image = await client.generate(request.value);
      expect(readQr(decodePicture(image.png))?.data).toBe('pages/index/index?id=3');
      expect(sandbox.stats()).toMatchObject({ stable_token: 1, getwxacode: 1 });
    } finally {
      await sandbox.close();
    }
  });
});

describe('--token-url', () => {
  it('files codes under the service address without its query, which may carry a key', async () => {
    const credentials = await credentialsFromFlags(
      { 'token-url': 'https://tokens.example.com/wxa?app=shop&key=SECRETKEY123' },
      {},
    );
    expect(credentials.owner).toBe('token-service https://tokens.example.com/wxa');
    await credentials.close();
  });

  it('refuses an address that is not https (or http on this computer), naming the flag and the fix', async () => {
    const refusal = async (url: string) => {
      const refused = await credentialsFromFlags({ 'token-url': url }, {}).catch((caught: unknown) => caught);
      expect(refused).toBeInstanceOf(Failure);
      return (refused as Failure).error;
    };
    const notUrl = await refusal('tokens.example.com/wxa');
    expect(notUrl.field).toBe('--token-url');
    expect(notUrl.message.en).toBe('--token-url must be a full https:// address.');
    expect(notUrl.hint.en).toContain('https://tokens.example.com/wechat/token');
    const plain = await refusal('http://tokens.example.com/wxa');
    expect(plain.message.en).toBe(
      '--token-url uses http://, which would send the AppSecret or token unencrypted to tokens.example.com.',
    );
    expect(plain.hint.en).toContain('Use https://tokens.example.com/wxa');
    expect((await refusal('https://user:pw@tokens.example.com/wxa')).message.en).toContain(
      'user name or password',
    );
    const local = await credentialsFromFlags({ 'token-url': 'http://127.0.0.1:9/token' }, {});
    expect(local.owner).toBe('token-service http://127.0.0.1:9/token');
  });
});
