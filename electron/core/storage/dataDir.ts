import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/** package.json's productName: Electron names the userData folder after it. */
const PRODUCT_NAME = 'WxaCode Studio';

/**
 * The folder that holds settings, accounts and the library. It is the folder Electron's
 * `app.getPath('userData')` gives the desktop app, computed here without Electron so that the CLI
 * and the app share one library. `WXACODE_DATA_DIR` overrides it (tests, portable installs).
 */
export function dataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  const path = platform === 'win32' ? win32 : posix;
  if (env.WXACODE_DATA_DIR) return path.resolve(env.WXACODE_DATA_DIR);
  const home = env.HOME || homedir();
  switch (platform) {
    case 'win32':
      return win32.join(
        env.APPDATA || win32.join(env.USERPROFILE || homedir(), 'AppData', 'Roaming'),
        PRODUCT_NAME,
      );
    case 'darwin':
      return posix.join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default: {
      // Chromium, like the XDG spec, ignores a relative XDG_CONFIG_HOME.
      const config = env.XDG_CONFIG_HOME;
      return posix.join(
        config && posix.isAbsolute(config) ? config : posix.join(home, '.config'),
        PRODUCT_NAME,
      );
    }
  }
}
