import { app, type BrowserWindow, dialog, Menu, type MenuItemConstructorOptions } from 'electron';
import type { Lang } from '../../shared/language';
import {
  type MenuCommand,
  type MenuFacts,
  type MenuItemSpec,
  menuTemplate,
} from '../app/desktop/menuTemplate';
import { shellText } from '../app/desktop/shellText';

/** What the menu's own commands do; the standard roles need nothing. */
export type MenuCommandRunner = (command: MenuCommand) => void;

/** Sets the application menu built from the template: called at start and when the language or an update changes. */
export function applyMenu(facts: MenuFacts, run: MenuCommandRunner): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectron(menuTemplate(facts), run)));
}

function toElectron(items: readonly MenuItemSpec[], run: MenuCommandRunner): MenuItemConstructorOptions[] {
  return items.map(({ command, submenu, ...item }) => ({
    ...item,
    ...(submenu ? { submenu: toElectron(submenu, run) } : {}),
    ...(command ? { click: () => run(command) } : {}),
  }));
}

/** About: the versions a bug report needs, in a native box. */
export function showAbout(window: BrowserWindow | undefined, lang: Lang): void {
  const options = {
    type: 'info' as const,
    title: shellText(lang, 'about'),
    message: app.getName(),
    detail: shellText(lang, 'aboutDetail', {
      version: app.getVersion(),
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
    }),
    buttons: [shellText(lang, 'ok')],
  };
  void (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}
