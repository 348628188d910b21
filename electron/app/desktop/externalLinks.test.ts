import { describe, expect, it } from 'vitest';
import { mayOpenExternally } from './externalLinks';

describe('mayOpenExternally', () => {
  it('opens WeChat’s admin console and documentation over https', () => {
    expect(mayOpenExternally('https://mp.weixin.qq.com/')).toBe(true);
    expect(mayOpenExternally('https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/')).toBe(true);
  });

  it('refuses other schemes, hosts, look-alikes and credentials in the URL', () => {
    for (const url of [
      'http://mp.weixin.qq.com/',
      'https://mp.weixin.qq.com.evil.example/',
      'https://evil.example/?https://mp.weixin.qq.com',
      'https://user:pw@mp.weixin.qq.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(mayOpenExternally(url), url).toBe(false);
    }
  });
});
