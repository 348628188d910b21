import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, succeeded, type TestApp } from '../testing/testApp';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

describe('settings and app info', () => {
  it('start from the defaults, keep changes, and name a bad value’s field', async () => {
    expect(succeeded(await app.call('settings:get'))).toMatchObject({ locale: 'auto', recentColors: [] });
    succeeded(await app.call('settings:update', { locale: 'zh', recentColors: ['#1a2b3c'] }));
    expect(succeeded(await app.call('settings:get'))).toMatchObject({
      locale: 'zh',
      recentColors: ['#1a2b3c'],
    });
    const bad = await app.call('settings:update', { locale: 'fr' });
    expect(bad.ok || bad.error).toMatchObject({ code: 'field', field: 'locale' });
  });

  it('tell the page the version, the system language and where the sandbox runs', async () => {
    expect(succeeded(await app.call('app:info'))).toEqual({
      version: '0.0.0-test',
      systemLocale: 'en-US',
      sandboxUrl: app.sandbox.url,
    });
  });
});
