import { BUILT_PAGE_POLICY } from '../electron/main/appPage';
import { expect, test } from './fixtures';

test('the built page carries the app’s Content-Security-Policy, which stops injected inline script', async ({
  page,
  site,
  bridge: _bridge,
}) => {
  const refusals: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') refusals.push(message.text());
  });
  await page.goto(site.url);
  await expect(page.getByRole('tab', { name: 'Make a code' })).toBeVisible();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toBe(BUILT_PAGE_POLICY);

  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true;';
    document.head.append(script);
    return (window as unknown as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => refusals.join('\n')).toContain('Content Security Policy');
});
