import type { Lang } from '../../../shared/language';
import type { View } from '../../../shared/views';
import { type ShellTextKey, shellText } from './shellText';

/** What a menu item does when it is not one of Electron's standard roles; electron/main/menu.ts acts on it. */
export type MenuCommand =
  | { kind: 'show-view'; view: View }
  | { kind: 'about' }
  | { kind: 'check-for-updates' }
  | { kind: 'restart-to-update' }
  | { kind: 'open-log-folder' }
  | { kind: 'open-docs'; url: string };

/** Electron's standard roles used here: they work in every text field, in every language. */
export type MenuRole =
  | 'undo'
  | 'redo'
  | 'cut'
  | 'copy'
  | 'paste'
  | 'pasteAndMatchStyle'
  | 'delete'
  | 'selectAll'
  | 'reload'
  | 'toggleDevTools'
  | 'resetZoom'
  | 'zoomIn'
  | 'zoomOut'
  | 'togglefullscreen'
  | 'minimize'
  | 'zoom'
  | 'front'
  | 'close'
  | 'quit'
  | 'services'
  | 'hide'
  | 'hideOthers'
  | 'unhide'
  | 'appMenu'
  | 'fileMenu'
  | 'editMenu'
  | 'viewMenu'
  | 'windowMenu'
  | 'help';

/** One menu item as data: the shape of Electron's MenuItemConstructorOptions, with `command` instead of `click`. */
export interface MenuItemSpec {
  id?: string;
  label?: string;
  role?: MenuRole;
  type?: 'separator';
  accelerator?: string;
  enabled?: boolean;
  command?: MenuCommand;
  submenu?: MenuItemSpec[];
}

export interface MenuFacts {
  platform: NodeJS.Platform;
  lang: Lang;
  /** An installed app: no Reload, no developer tools. */
  packaged: boolean;
  /** An update feed was set when the app was built, so checking means something. */
  updatesEnabled: boolean;
  /** A downloaded update waiting for a restart. */
  updateReadyVersion?: string;
}

/** WeChat's documentation of the API this app calls (getQRCode and its two siblings). */
export const WECHAT_CODE_DOCS =
  'https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getQRCode.html';

/**
 * The application menu: on macOS the app menu first, then File, Edit, View, Window, Help, as every
 * Mac app has them; elsewhere File, Edit, View, Window, Help, with About and updates under Help.
 * Every label is in the app's language, the standard roles' too (Electron's own are English only).
 */
export function menuTemplate(facts: MenuFacts): MenuItemSpec[] {
  const mac = facts.platform === 'darwin';
  const t = (key: ShellTextKey, params?: Record<string, string>) => shellText(facts.lang, key, params);
  const role = (r: MenuRole, key: ShellTextKey, accelerator?: string): MenuItemSpec => ({
    role: r,
    label: t(key),
    ...(accelerator ? { accelerator } : {}),
  });
  const separator: MenuItemSpec = { type: 'separator' };
  const command = (id: string, key: ShellTextKey, run: MenuCommand, enabled = true): MenuItemSpec => ({
    id,
    label: t(key),
    command: run,
    enabled,
  });

  const updateItems: MenuItemSpec[] = facts.updateReadyVersion
    ? [
        {
          id: 'restart-to-update',
          label: t('restartToUpdate', { version: facts.updateReadyVersion }),
          command: { kind: 'restart-to-update' },
          enabled: true,
        },
      ]
    : [command('check-for-updates', 'checkForUpdates', { kind: 'check-for-updates' }, facts.updatesEnabled)];
  const about = command('about', 'about', { kind: 'about' });

  const appMenu: MenuItemSpec = {
    role: 'appMenu',
    label: t('appMenu'),
    submenu: [
      about,
      separator,
      ...updateItems,
      separator,
      role('services', 'services'),
      separator,
      role('hide', 'hide'),
      role('hideOthers', 'hideOthers'),
      role('unhide', 'unhide'),
      separator,
      role('quit', 'quit'),
    ],
  };

  const file: MenuItemSpec = {
    role: 'fileMenu',
    label: t('file'),
    submenu: [mac ? role('close', 'close') : role('quit', 'exit')],
  };

  const edit: MenuItemSpec = {
    role: 'editMenu',
    label: t('edit'),
    submenu: [
      role('undo', 'undo'),
      role('redo', 'redo'),
      separator,
      role('cut', 'cut'),
      role('copy', 'copy'),
      role('paste', 'paste'),
      ...(mac ? [role('pasteAndMatchStyle', 'pasteAndMatchStyle')] : []),
      role('delete', 'delete'),
      separator,
      role('selectAll', 'selectAll'),
    ],
  };

  const views: Array<[View, ShellTextKey]> = [
    ['code', 'showCode'],
    ['batch', 'showBatch'],
    ['history', 'showHistory'],
  ];
  const view: MenuItemSpec = {
    role: 'viewMenu',
    label: t('view'),
    submenu: [
      ...views.map(([v, key], index) => ({
        ...command(`show-${v}`, key, { kind: 'show-view', view: v }),
        accelerator: `CmdOrCtrl+${index + 1}`,
      })),
      separator,
      // A development build only: in an installed app Reload would drop the form and the batch view.
      ...(facts.packaged
        ? []
        : [role('reload', 'reload'), role('toggleDevTools', 'toggleDevTools'), separator]),
      role('resetZoom', 'resetZoom'),
      role('zoomIn', 'zoomIn'),
      role('zoomOut', 'zoomOut'),
      separator,
      role('togglefullscreen', 'fullScreen'),
    ],
  };

  const window: MenuItemSpec = {
    role: 'windowMenu',
    label: t('window'),
    submenu: mac
      ? [role('minimize', 'minimize'), role('zoom', 'zoom'), separator, role('front', 'front')]
      : [role('minimize', 'minimize'), role('close', 'close')],
  };

  const help: MenuItemSpec = {
    role: 'help',
    label: t('help'),
    submenu: [
      command('wechat-docs', 'wechatDocs', { kind: 'open-docs', url: WECHAT_CODE_DOCS }),
      command('open-log-folder', 'openLogFolder', { kind: 'open-log-folder' }),
      ...(mac ? [] : [separator, ...updateItems, separator, about]),
    ],
  };

  return [...(mac ? [appMenu] : []), file, edit, view, window, help];
}

/** Every item of a template, depth first, for finding one by id or role. */
export function menuItems(template: readonly MenuItemSpec[]): MenuItemSpec[] {
  return template.flatMap((item) => [item, ...menuItems(item.submenu ?? [])]);
}
