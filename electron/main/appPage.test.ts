import { describe, expect, it } from 'vitest';
import { appPage } from './appPage';

/** A top frame as Electron reports it: Chromium's origin for the frame, and its URL. */
const top = (url: string, origin = URL.canParse(url) ? new URL(url).origin : 'null') => ({
  url,
  origin,
  parent: null,
});
const APP = 'app://wxacode';

describe('appPage, built', () => {
  const page = appPage();

  it('loads the built index.html from the app’s own scheme, not file://', () => {
    expect(page.url).toBe('app://wxacode/index.html');
  });

  it('trusts only its own origin, in the top frame, whatever the path, hash or query', () => {
    expect(page.isOwnFrame(top(`${page.url}#/library`, APP))).toBe(true);
    expect(page.isOwnFrame(top(`${page.url}?lang=zh`, APP))).toBe(true);
    expect(page.isOwnFrame({ url: page.url, origin: APP, parent: {} })).toBe(false);
    expect(
      page.isOwnFrame(top('file:///opt/WxaCode Studio/resources/app.asar/dist/renderer/index.html')),
    ).toBe(false);
    expect(page.isOwnFrame(top('app://other/index.html', 'app://other'))).toBe(false);
    expect(page.isOwnFrame(top('https://mp.weixin.qq.com/'))).toBe(false);
    expect(page.isOwnFrame(null)).toBe(false);
  });

  it('does not trust a frame whose URL and origin disagree', () => {
    // A blank or data: frame can carry the origin of the page that opened it; its URL is not the page.
    expect(page.isOwnFrame(top('about:blank', APP))).toBe(false);
    expect(page.isOwnFrame(top('', APP))).toBe(false);
    expect(page.isOwnFrame(top('data:text/html,<script>', APP))).toBe(false);
    expect(page.isOwnFrame(top(page.url, 'null'))).toBe(false);
    expect(page.isOwnFrame(top(page.url, 'https://evil.example'))).toBe(false);
  });

  it('allows scripts and connections only from the page itself', () => {
    expect(page.contentSecurityPolicy).toBe(
      "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
  });
});

describe('appPage, in development', () => {
  const page = appPage({ devServerUrl: 'http://localhost:5173/' });

  it('loads the dev server and trusts its origin only', () => {
    expect(page.url).toBe('http://localhost:5173/');
    expect(page.isOwnFrame(top('http://localhost:5173/index.html'))).toBe(true);
    expect(page.isOwnFrame(top('http://localhost:5174/'))).toBe(false);
    expect(page.isOwnFrame(top('app://wxacode/index.html', APP))).toBe(false);
  });

  it('relaxes the policy just for hot reload', () => {
    expect(page.contentSecurityPolicy).toContain("script-src 'self' 'unsafe-inline';");
    expect(page.contentSecurityPolicy).toContain("connect-src 'self' ws://localhost:5173;");
  });
});
