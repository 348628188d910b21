import { describe, expect, it } from 'vitest';
import type { GeneralErrorCode } from '.';
import { appError, isDailyLimit, WECHAT_ERRORS, wechatError } from '.';

// Every errcode in WECHAT_API.md's table, plus 40002 and 45011.
const DOCUMENTED = [
  -1, 40001, 42001, 40014, 40013, 40125, 40243, 40164, 40097, 40159, 40169, 40129, 41030, 45009, 45029, 48001,
  85096, 61007, 40002, 45011,
];

const WHITELIST_ERRMSG =
  'invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist rid: 6650a1b2-0c3d4e5f-12345678';

describe('WeChat error catalogue', () => {
  it.each(DOCUMENTED)('explains %i with a meaning and a fix in both languages', (errcode) => {
    const entry = WECHAT_ERRORS[errcode];
    expect(entry).toBeDefined();
    for (const text of [entry!.meaning.en, entry!.meaning.zh, entry!.fix.en, entry!.fix.zh]) {
      expect(text.trim().length).toBeGreaterThan(5);
    }
    expect(entry!.meaning.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(entry!.fix.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('marks only busy and rate limits as retryable', () => {
    const retryable = Object.entries(WECHAT_ERRORS)
      .filter(([, entry]) => entry.retryable)
      .map(([code]) => Number(code))
      .sort((a, b) => a - b);
    expect(retryable).toEqual([-1, 45009, 45011]);
  });

  it('asks for a new token only on token errors', () => {
    const refresh = Object.entries(WECHAT_ERRORS)
      .filter(([, entry]) => entry.refreshToken)
      .map(([code]) => Number(code))
      .sort((a, b) => a - b);
    expect(refresh).toEqual([40001, 40014, 42001]);
  });

  it('turns an errcode into the user-facing error with WeChat’s raw words kept', () => {
    const error = wechatError(41030, 'invalid page rid: abc');
    expect(error).toMatchObject({
      code: 'wechat',
      errcode: 41030,
      errmsg: 'invalid page rid: abc',
      retryable: false,
    });
    expect(error.message.en).toBe('The page does not exist in the published version.');
    expect(error.hint.en).toContain('publish the mini program');
    expect(error.hint.en).toContain('version trial or develop and “Check page exists” turned off');
    expect(error.hint.zh).toContain('trial 或 develop');
    expect(wechatError(-1, 'system error').retryable).toBe(true);
  });

  it('says 45009 is the per-minute limit for unlimited codes and the daily cap, not worth retrying, for the others', () => {
    const perMinute = wechatError(45009, 'reach max api daily quota limit', 'unlimited');
    expect(perMinute.retryable).toBe(true);
    expect(perMinute.message.en).toContain('5,000 unlimited codes a minute');
    expect(perMinute.hint.en).toContain('halves its pace');
    for (const kind of ['limited', 'qrcode'] as const) {
      const daily = wechatError(45009, 'reach max api daily quota limit', kind);
      expect(daily).toMatchObject({ code: 'wechat', errcode: 45009, retryable: false });
      expect(daily.message).toEqual({
        en: "WeChat's daily limit for this mini program is reached; continue tomorrow.",
        zh: '此小程序今天的微信调用次数已达上限；请明天继续。',
      });
      expect(daily.hint.en).toContain('continues tomorrow where it stopped');
      expect(isDailyLimit(45009, kind)).toBe(true);
    }
    expect(isDailyLimit(45009, 'unlimited')).toBe(false);
    expect(isDailyLimit(45011, 'limited')).toBe(false);
  });

  it('states the limit of the kind’s own field for 40159 and 40169', () => {
    const errmsg = 'invalid length for path or thedata is not json string';
    expect(wechatError(40159, errmsg, 'limited').message.en).toBe(
      'The page path is empty or longer than 1024 characters.',
    );
    expect(wechatError(40159, errmsg, 'limited').hint.en).toContain('1 to 1024 characters');
    const square = wechatError(40159, errmsg, 'qrcode');
    expect(square.message.en).toBe(
      'The page path is empty or longer than 128 bytes, the limit for a square QR code (a Chinese character takes 3 bytes).',
    );
    expect(square.message.zh).toContain('128 字节');
    expect(square.hint.en).toContain('1 to 128 bytes');
    expect(wechatError(40159, errmsg, 'unlimited').message.en).toContain('longer than 1024 characters');
    expect(wechatError(40159, errmsg, 'unlimited').hint.en).toContain('without a leading / or a query');
    const scene = wechatError(40169, 'invalid length for scene, or the data is not json string', 'unlimited');
    expect(scene.message.en).toBe('The scene is empty or longer than 32 characters.');
    expect(wechatError(40169, '', 'limited').message.en).toContain('not a JSON string');
    expect(wechatError(40169, '', 'qrcode').message.en).toContain('not a JSON string');
  });

  it('points to the unlimited kind when the 100,000 codes are used up', () => {
    const error = wechatError(45029, 'reach max limit');
    expect(error.message.en).toContain('100,000');
    expect(error.hint.en).toBe('Use the unlimited (scene) code type, which has no total limit.');
  });

  it('names the caller IP from the 40164 errmsg in the fix', () => {
    const error = wechatError(40164, WHITELIST_ERRMSG);
    expect(error.hint.en).toBe(
      'Add 203.0.113.7 to the IP whitelist: mp.weixin.qq.com → 开发管理 → 开发设置 → IP白名单, or use a token service so the AppSecret never has to be on this computer.',
    );
    expect(error.hint.zh).toContain('请把 203.0.113.7 加入 IP 白名单');
    expect(error.hint.zh).toContain('mp.weixin.qq.com → 开发管理 → 开发设置 → IP白名单');
    expect(error.message.en).toContain('(203.0.113.7)');
    expect(error.errmsg).toBe(WHITELIST_ERRMSG);
  });

  it('reads an IPv6-only 40164 errmsg, and falls back to general words without an IP', () => {
    expect(wechatError(40164, 'invalid ip 2001:db8::1, not in whitelist').hint.en).toMatch(
      /^Add 2001:db8::1 to/,
    );
    const general = wechatError(40164, 'not in whitelist');
    expect(general.hint.en).toMatch(/^Add this computer's public IP address to the IP whitelist/);
  });

  it('still reads well for an errcode it does not know', () => {
    const error = wechatError(12345, 'something new');
    expect(error.message).toEqual({
      en: 'WeChat returned error 12345: something new',
      zh: '微信返回错误 12345：something new',
    });
    expect(error.hint.en).toContain('12345');
    expect(error).toMatchObject({
      code: 'wechat',
      errcode: 12345,
      errmsg: 'something new',
      retryable: false,
    });
    expect(wechatError(777, '').message.en).toBe('WeChat returned error 777.');
  });
});

describe('errors outside WeChat', () => {
  const CODES: GeneralErrorCode[] = [
    'network',
    'timeout',
    'bad-response',
    'keychain-unavailable',
    'keychain-locked',
    'no-secret',
    'token-service',
    'cancelled',
    'internal',
    'quota',
    'file',
  ];

  it.each(CODES)('%s reads well in both languages even without params', (code) => {
    const error = appError(code);
    expect(error.code).toBe(code);
    for (const text of [error.message.en, error.message.zh, error.hint.en, error.hint.zh]) {
      expect(text.trim().length).toBeGreaterThan(3);
      expect(text).not.toMatch(/undefined|\{\w+\}|\s\s/);
    }
  });

  it('fills params into both languages', () => {
    const noSecret = appError('no-secret', { appId: 'wx1234567890abcdef' });
    expect(noSecret.message.en).toBe('No AppSecret is stored for AppID wx1234567890abcdef.');
    expect(noSecret.message.zh).toContain('wx1234567890abcdef');
    expect(noSecret.hint.en).toContain('wxacode account add');

    const quota = appError('quota', { needed: 1200, remaining: 800 });
    expect(quota.message.en).toBe(
      'Not enough quota left: this needs 1200 codes but only 800 of the 100,000 remain.',
    );
    expect(quota.message.zh).toContain('需要 1200 个码');
    expect(quota.message.zh).toContain('只剩 800 个');

    const file = appError('file', {
      path: '/home/ann/codes/a.png',
      detail: 'ENOSPC: no space left on device',
    });
    expect(file.message.en).toBe('Could not write /home/ann/codes/a.png: ENOSPC: no space left on device');
    expect(file.message.zh).toContain('/home/ann/codes/a.png');

    const bad = appError('bad-response', { status: 502, detail: 'text/html' });
    expect(bad.message.en).toBe(
      'WeChat answered with something that is neither an image nor an error (HTTP 502: text/html).',
    );
    expect(bad.message.zh).toContain('HTTP 502: text/html');
    expect(bad.retryable).toBe(true);
  });

  it('says where to get a keychain on Linux', () => {
    expect(appError('keychain-unavailable').hint.en).toContain('GNOME Keyring or KWallet');
  });

  it('never shows a credential from a token service URL or error detail', () => {
    const error = appError('token-service', {
      url: 'https://ops:hunter2@tokens.example.com/wx/token?key=s3cret#x',
      status: 401,
    });
    expect(error.message.en).toBe(
      'The token service at https://tokens.example.com/wx/token failed (HTTP 401).',
    );
    expect(error.message.zh).toContain('https://tokens.example.com/wx/token');
    expect(appError('token-service', { status: 500, detail: 'not JSON' }).message.en).toBe(
      'The token service failed (HTTP 500: not JSON).',
    );
    expect(JSON.stringify(error)).not.toMatch(/hunter2|s3cret|ops:/);
    expect(error.retryable).toBe(false);
    expect(appError('token-service', { status: 503 }).retryable).toBe(true);

    const internal = appError('internal', {
      detail: 'POST https://api.weixin.qq.com/wxa/getwxacode?access_token=ACCESS123&x=1 failed',
    });
    expect(internal.message.en).toContain('access_token=***&x=1');
    expect(JSON.stringify(internal)).not.toContain('ACCESS123');
  });

  it('names the host it could not reach', () => {
    expect(appError('network', { url: 'https://api.weixin.qq.com' }).message.en).toBe(
      'Could not reach https://api.weixin.qq.com.',
    );
    expect(appError('network', { url: 'https://api.weixin.qq.com', detail: 'ECONNREFUSED' }).message.zh).toBe(
      '无法连接 https://api.weixin.qq.com（ECONNREFUSED）。',
    );
    expect(appError('timeout', { seconds: 30 }).message.en).toBe('WeChat did not answer within 30 seconds.');
  });
});
