import { expect, test } from './fixtures';
import { studio } from './harness/studio';

test('switches between English and Chinese, and remembers the choice', async ({ app }) => {
  const ui = studio(app);
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
  await ui.path.fill('pages/index/index?scancode_time=1');
  await expect(
    app.getByText('Remove scancode_time from the page path: write pages/index/index.', { exact: false }),
  ).toBeVisible();

  await app.getByRole('combobox', { name: 'Language' }).selectOption('zh');
  await expect(app.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(app.getByRole('radio', { name: '小程序码', exact: true })).toBeChecked();
  await expect(app.getByRole('radio', { name: '无限量小程序码' })).toBeVisible();
  await expect(app.getByRole('radio', { name: '普通二维码' })).toBeVisible();
  await expect(app.getByRole('radio', { name: '正式版' })).toBeChecked();
  await expect(app.getByRole('radio', { name: '体验版' })).toBeVisible();
  await expect(app.getByRole('radio', { name: '开发版' })).toBeVisible();
  await expect(app.getByRole('textbox', { name: '页面路径' })).toHaveAccessibleDescription(
    '页面路径含有微信保留参数 scancode_time。 解决办法： 请从页面路径中删除 scancode_time，写成 pages/index/index。',
  );
  await expect(app.getByRole('button', { name: '生成', exact: true })).toBeDisabled();
  await expect(app.getByText('沙盒 — 不是真正的微信码').first()).toBeVisible();

  await app.reload();
  await expect(app.getByRole('button', { name: '生成', exact: true })).toBeVisible();
  await expect(app.getByRole('combobox', { name: '语言' })).toHaveValue('zh');

  await app.getByRole('combobox', { name: '语言' }).selectOption('en');
  await expect(app.getByRole('button', { name: 'Generate', exact: true })).toBeVisible();
  await expect(app.locator('html')).toHaveAttribute('lang', 'en');
});
