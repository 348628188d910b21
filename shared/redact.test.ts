import { describe, expect, it } from 'vitest';
import { publicUrl, redact, rememberSecret } from './redact';

describe('redact', () => {
  it('takes credential values out of URLs, form bodies and JSON, keeping the rest readable', () => {
    expect(
      redact('POST https://api.weixin.qq.com/wxa/getwxacode?access_token=ACCESS123&width=430 failed'),
    ).toBe('POST https://api.weixin.qq.com/wxa/getwxacode?access_token=***&width=430 failed');
    expect(redact('GET https://t.example/wxa?appid=wx1&secret=s3cr3t&api_key=k1&sig=abc#top')).toBe(
      'GET https://t.example/wxa?appid=wx1&secret=***&api_key=***&sig=***#top',
    );
    expect(redact('grant_type=client_credential&appsecret=abc&password=pw')).toBe(
      'grant_type=client_credential&appsecret=***&password=***',
    );
    expect(redact('{"appid":"wx1","secret":"he said \\"hi\\"","access_token":"T"}')).toBe(
      '{"appid":"wx1","secret":"***","access_token":"***"}',
    );
  });

  it('takes credentials out of JSON quoted inside a JSON string, escaped quotes and all', () => {
    const body = JSON.stringify({ access_token: '83_AbC-dEf_123456', expires_in: 7200, errmsg: 'ok' });
    expect(redact(JSON.stringify({ message: `bad body ${body}` }))).toBe(
      '{"message":"bad body {\\"access_token\\":\\"***\\",\\"expires_in\\":7200,\\"errmsg\\":\\"ok\\"}"}',
    );
    const odd = JSON.stringify({ appsecret: 'a "quoted" \\ value', appid: 'wx1' });
    expect(redact(JSON.stringify({ message: odd }))).toBe(
      '{"message":"{\\"appsecret\\":\\"***\\",\\"appid\\":\\"wx1\\"}"}',
    );
  });

  it('takes the value out of `name: value` and printed objects, quoted once or more', () => {
    expect(redact('access_token: ABCDEFGHIJKLMN')).toBe('access_token: ***');
    expect(redact('X-Api-Key:0123456789abcdef\nAccept: */*')).toBe('X-Api-Key:***\nAccept: */*');
    expect(redact("{'access_token': 'ABCDEFGHIJKLMN', 'expires_in': 7200}")).toBe(
      "{'access_token': '***', 'expires_in': 7200}",
    );
    const twice = JSON.stringify(JSON.stringify({ message: JSON.stringify({ secret: 'S3cr3tS3cr3t' }) }));
    expect(redact(twice)).not.toContain('S3cr3tS3cr3t');
  });

  it('leaves prose with colons alone: words that only contain a credential word, and short values', () => {
    const text =
      'Author: Zhang San; design: rounded corners; keychain: unavailable; signal: SIGTERM; token: expired';
    expect(redact(text)).toBe(text);
  });

  it('drops user info from URLs and the value of an authorization', () => {
    expect(redact('fetch https://user:pa55@tokens.example.com/wxa failed')).toBe(
      'fetch https://tokens.example.com/wxa failed',
    );
    expect(redact('Authorization: Bearer eyJhbGciOi.J9.x-y_z=')).toBe('Authorization: Bearer ***');
    expect(redact('{"authorization":"Basic dXNlcjpwYXNz"}')).toBe('{"authorization":"***"}');
    expect(redact('authorization=abcdef123')).toBe('authorization=***');
  });

  it('masks a remembered secret wherever it turns up: as is, URL-encoded and JSON-escaped', () => {
    const secret = 'k3y/with+odd"chars\\and 中文';
    rememberSecret(secret);
    const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
    for (const form of forms) expect(redact(`before ${form} after`)).toBe('before *** after');
  });

  it('does not remember values too short to be a secret, which would mask ordinary words', () => {
    rememberSecret('page');
    rememberSecret('');
    rememberSecret(null);
    expect(redact('pages/index/index')).toBe('pages/index/index');
  });

  it('leaves ordinary text alone', () => {
    const text = 'WeChat error 41030: invalid page rid: 6523-1 (pages/index/index?id=42, scene=a1)';
    expect(redact(text)).toBe(text);
  });

  it('gets through a megabyte of one long word (as a page could put into a logged error), still masking what follows', () => {
    // Unbounded name patterns backtracked quadratically here: 0.9 MB took 160 s.
    const text = `${'key'.repeat(300_000)} access_token=abc123`;
    expect(redact(text).endsWith(' access_token=***')).toBe(true);
  });
});

describe('publicUrl', () => {
  it('keeps scheme, host and path only', () => {
    expect(publicUrl('https://u:p@tokens.example.com:8443/wxa/token?key=1#x')).toBe(
      'https://tokens.example.com:8443/wxa/token',
    );
    expect(publicUrl('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787/');
  });

  it('redacts what is not a URL instead of failing', () => {
    expect(publicUrl('not a url ?token=abc')).toBe('not a url ?token=***');
  });
});
