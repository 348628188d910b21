import { describe, expect, it } from 'vitest';
import { WECHAT_ERRORS, wechatError } from '../../shared/errors';
import { validateCodeRequest } from '../../shared/validateCodeRequest';
import { describeForCli, pickLanguage } from './errorText';

describe('text for the command line', () => {
  it('gives the errcode, meaning, fix and WeChat’s words', () => {
    expect(describeForCli(wechatError(41030, 'invalid page rid: 1'), 'en')).toBe(
      [
        'WeChat error 41030: The page does not exist in the published version.',
        `Fix: ${WECHAT_ERRORS[41030]!.fix.en}`,
        'WeChat said: invalid page rid: 1',
      ].join('\n'),
    );
    const zh = describeForCli(wechatError(41030, 'invalid page rid: 1'), 'zh').split('\n');
    expect(zh[0]).toBe('微信错误 41030：页面在已发布的版本中不存在。');
    expect(zh[1]).toBe(`解决办法：${WECHAT_ERRORS[41030]!.fix.zh}`);
  });

  it('does not repeat the errcode of an unknown WeChat error', () => {
    expect(describeForCli(wechatError(12345, 'new thing'), 'en').split('\n')[0]).toBe(
      'WeChat returned error 12345: new thing',
    );
  });

  it('shows a field error as message and fix in two lines', () => {
    const result = validateCodeRequest({ kind: 'limited', path: 'a', width: 100 });
    if (result.ok) throw new Error('expected a width error');
    expect(describeForCli(result.errors[0]!, 'en')).toBe(
      'Width must be a whole number from 280 to 1280 pixels.\nFix: Enter a width such as 430 (the default).',
    );
  });

  it('picks Chinese from a zh locale, LC_ALL first', () => {
    expect(pickLanguage({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(pickLanguage({ LANG: 'zh_TW.UTF-8' })).toBe('zh');
    expect(pickLanguage({ LANG: 'en_US.UTF-8' })).toBe('en');
    expect(pickLanguage({ LANG: 'zh_CN.UTF-8', LC_ALL: 'C' })).toBe('en');
    expect(pickLanguage({ LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' })).toBe('zh');
    expect(pickLanguage({ LANG: 'zh_CN.UTF-8', LC_ALL: '' })).toBe('zh');
    expect(pickLanguage({})).toBe('en');
  });
});
