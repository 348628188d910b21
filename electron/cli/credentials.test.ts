import { describe, expect, it } from 'vitest';
import { Failure } from '../../shared/result';
import { credentialsFromFlags } from './credentials';

describe('--token-url', () => {
  it('files codes under the service address without its query, which may carry a key', async () => {
    const credentials = await credentialsFromFlags(
      { 'token-url': 'https://user:pw@tokens.example.com/wxa?app=shop&key=SECRETKEY123' },
      {},
    );
    expect(credentials.owner).toBe('token-service https://tokens.example.com/wxa');
    await credentials.close();
  });

  it('refuses an address that is not http(s), naming the flag and the fix', async () => {
    const refused = await credentialsFromFlags({ 'token-url': 'tokens.example.com/wxa' }, {}).catch(
      (caught: unknown) => caught,
    );
    expect(refused).toBeInstanceOf(Failure);
    const { error } = refused as Failure;
    expect(error.field).toBe('--token-url');
    expect(error.message.en).toBe('--token-url is not an http:// or https:// address.');
    expect(error.hint.en).toContain('https://tokens.example.com/wxa');
  });
});
