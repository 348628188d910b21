import { describe, expect, it } from 'vitest';
import { appPage } from './appPage';

const top = (url: string) => ({ url, parent: null });

describe('appPage, built', () => {
  const page = appPage({ indexHtml: '/opt/WxaCode Studio/resources/app.asar/dist/renderer/index.html' });

  it('loads the built index.html from a file URL', () => {
    expect(page.url).toBe('file:///opt/WxaCode%20Studio/resources/app.asar/dist/renderer/index.html');
  });

  it('trusts only that file, in the top frame, whatever its hash or query', () => {
    expect(page.isOwnFrame(top(`${page.url}#/library`))).toBe(true);
    expect(page.isOwnFrame(top(`${page.url}?lang=zh`))).toBe(true);
    expect(page.isOwnFrame({ url: page.url, parent: {} })).toBe(false);
    expect(page.isOwnFrame(top('file:///tmp/evil.html'))).toBe(false);
    expect(page.isOwnFrame(top('https://mp.weixin.qq.com/'))).toBe(false);
    expect(page.isOwnFrame(top('about:blank'))).toBe(false);
    expect(page.isOwnFrame(null)).toBe(false);
  });

  it('allows scripts and connections only from the page itself', () => {
    expect(page.contentSecurityPolicy).toBe(
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });
});

describe('appPage, in development', () => {
  const page = appPage({ indexHtml: '/unused', devServerUrl: 'http://localhost:5173/' });

  it('loads the dev server and trusts its origin only', () => {
    expect(page.url).toBe('http://localhost:5173/');
    expect(page.isOwnFrame(top('http://localhost:5173/index.html'))).toBe(true);
    expect(page.isOwnFrame(top('http://localhost:5174/'))).toBe(false);
    expect(page.isOwnFrame(top('file:///unused'))).toBe(false);
  });

  it('relaxes the policy just for hot reload', () => {
    expect(page.contentSecurityPolicy).toContain("script-src 'self' 'unsafe-inline';");
    expect(page.contentSecurityPolicy).toContain("connect-src 'self' ws://localhost:5173;");
  });
});
