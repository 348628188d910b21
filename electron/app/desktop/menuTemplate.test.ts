import { describe, expect, it } from 'vitest';
import { mayOpenExternally } from './externalLinks';
import { type MenuFacts, type MenuItemSpec, menuItems, menuTemplate, WECHAT_CODE_DOCS } from './menuTemplate';

const facts = (over: Partial<MenuFacts> = {}): MenuFacts => ({
  platform: 'linux',
  lang: 'en',
  packaged: true,
  updatesEnabled: true,
  ...over,
});

const labels = (items: readonly MenuItemSpec[]) => items.map((item) => item.label ?? item.type);
const submenu = (template: MenuItemSpec[], label: string) =>
  template.find((item) => item.label === label)?.submenu ?? [];
const roles = (items: readonly MenuItemSpec[]) => menuItems(items).flatMap((item) => item.role ?? []);

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help on Windows and Linux, with About and updates under Help', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const template = menuTemplate(facts({ platform }));
      expect(labels(template)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
      expect(labels(submenu(template, 'Help'))).toEqual([
        'WeChat Docs: Mini Program Codes',
        'Open Log Folder',
        'separator',
        'Check for Updates…',
        'separator',
        'About WxaCode Studio',
      ]);
      expect(labels(submenu(template, 'File'))).toEqual(['Exit']);
    }
  });

  it('starts with the app menu on macOS, holding About, updates, Hide and Quit', () => {
    const template = menuTemplate(facts({ platform: 'darwin' }));
    expect(labels(template)).toEqual(['WxaCode Studio', 'File', 'Edit', 'View', 'Window', 'Help']);
    expect(roles(template[0]!.submenu!)).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(labels(template[0]!.submenu!)).toContain('About WxaCode Studio');
    expect(labels(submenu(template, 'Help'))).toEqual(['WeChat Docs: Mini Program Codes', 'Open Log Folder']);
    expect(roles(submenu(template, 'Window'))).toEqual(['minimize', 'zoom', 'front']);
  });

  it('gives Edit the standard roles, so undo, copy, paste and select all work in every field on macOS', () => {
    const mac = roles(submenu(menuTemplate(facts({ platform: 'darwin' })), 'Edit'));
    expect(mac).toEqual([
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'pasteAndMatchStyle',
      'delete',
      'selectAll',
    ]);
    const windows = roles(submenu(menuTemplate(facts({ platform: 'win32' })), 'Edit'));
    expect(windows).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
  });

  it('has no Reload or developer tools in an installed app, and both in a development build', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const installed = roles(menuTemplate(facts({ platform, packaged: true })));
      expect(installed).not.toContain('reload');
      expect(installed).not.toContain('forceReload');
      expect(installed).not.toContain('toggleDevTools');
      const development = roles(menuTemplate(facts({ platform, packaged: false })));
      expect(development).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    }
  });

  it('switches views from View with Ctrl/Cmd+1, 2, 3', () => {
    const items = submenu(menuTemplate(facts()), 'View').filter((item) => item.command);
    expect(items.map((item) => [item.label, item.accelerator, item.command])).toEqual([
      ['Make a Code', 'CmdOrCtrl+1', { kind: 'show-view', view: 'code' }],
      ['Batch', 'CmdOrCtrl+2', { kind: 'show-view', view: 'batch' }],
      ['History', 'CmdOrCtrl+3', { kind: 'show-view', view: 'history' }],
    ]);
  });

  it('is in Chinese when the app is, standard roles included', () => {
    const template = menuTemplate(facts({ lang: 'zh', platform: 'win32' }));
    expect(labels(template)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
    expect(labels(submenu(template, '编辑'))).toEqual([
      '撤销',
      '重做',
      'separator',
      '剪切',
      '复制',
      '粘贴',
      '删除',
      'separator',
      '全选',
    ]);
    expect(labels(submenu(template, '帮助'))).toContain('微信文档：小程序码');
    // No English label is left behind.
    const english = menuItems(template).filter((item) => item.label && /^[A-Za-z ]+$/.test(item.label));
    expect(english).toEqual([]);
  });

  it('links Help to WeChat’s documentation on a site the app is allowed to open', () => {
    const docs = menuItems(menuTemplate(facts())).find((item) => item.id === 'wechat-docs');
    expect(docs?.command).toEqual({ kind: 'open-docs', url: WECHAT_CODE_DOCS });
    expect(mayOpenExternally(WECHAT_CODE_DOCS)).toBe(true);
  });

  it('greys out Check for Updates when the app was built without an update feed', () => {
    const check = (updatesEnabled: boolean) =>
      menuItems(menuTemplate(facts({ updatesEnabled }))).find((item) => item.id === 'check-for-updates');
    expect(check(true)?.enabled).toBe(true);
    expect(check(false)?.enabled).toBe(false);
  });

  it('offers Restart to Update, with the version, once an update is downloaded', () => {
    const items = menuItems(menuTemplate(facts({ updateReadyVersion: '1.2.0', lang: 'zh' })));
    expect(items.find((item) => item.id === 'check-for-updates')).toBeUndefined();
    const restart = items.find((item) => item.id === 'restart-to-update');
    expect(restart).toMatchObject({ label: '重启以更新到 1.2.0', command: { kind: 'restart-to-update' } });
  });

  it('gives every item an id or a role or is a separator, so the glue can wire each one', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      for (const item of menuItems(menuTemplate(facts({ platform, packaged: false })))) {
        const wired = item.type === 'separator' || item.role !== undefined || item.command !== undefined;
        expect(wired, JSON.stringify(item)).toBe(true);
        if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toBeTruthy();
      }
    }
  });
});
