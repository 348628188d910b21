import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/result';
import { type TempFolder, tempFolder } from '../../testing/tempFolder';
import { throwawayKeychain } from '../../testing/throwawayKeyring';
import { appSecretKey, type SecretStore, tokenServiceKey } from './secrets';

const run = promisify(execFile);
const repo = resolve(__dirname, '../../..');
const SECRET = 'f1e2d3c4b5a69788f1e2d3c4b5a69788';
const APP_A = 'wx0123456789abcdef';
const APP_B = 'wxfedcba9876543210';

let secrets: SecretStore;
let scripts: TempFolder;
beforeAll(async () => {
  secrets = throwawayKeychain();
  scripts = await tempFolder('secrets');
});
afterAll(async () => {
  for (const key of [APP_A, APP_B, tokenServiceKey('acc-1')]) await secrets?.delete(key);
  await scripts?.remove();
});

/** Runs a TypeScript snippet in a fresh Node process; its last stdout line is a JSON report. */
async function inChild(name: string, code: string, env: NodeJS.ProcessEnv, wrapper: string[] = []) {
  const file = join(scripts.path, `${name}.mts`);
  await writeFile(
    file,
    code.replaceAll('SECRETS_MODULE', JSON.stringify(join(repo, 'electron/core/storage/secrets.ts'))),
  );
  const [command, ...args] = [...wrapper, process.execPath, '--import', 'tsx', file];
  const { stdout, stderr } = await run(command!, args, { cwd: repo, env: { ...process.env, ...env } });
  return { report: JSON.parse(stdout.trim().split('\n').at(-1)!), output: stdout + stderr };
}

describe('keychainSecrets', () => {
  it('keeps a secret and gives it back', async () => {
    await secrets.set(APP_A, SECRET);
    expect(await secrets.get(APP_A)).toBe(SECRET);
    expect(await secrets.has(APP_A)).toBe(true);
  });

  it('replaces a secret that is set again', async () => {
    await secrets.set(APP_A, 'old-secret');
    await secrets.set(APP_A, SECRET);
    expect(await secrets.get(APP_A)).toBe(SECRET);
  });

  it('forgets a deleted secret, and deleting a missing one is fine', async () => {
    await secrets.set(APP_A, SECRET);
    await secrets.delete(APP_A);
    expect(await secrets.get(APP_A)).toBeNull();
    expect(await secrets.has(APP_A)).toBe(false);
    await secrets.delete(APP_A);
  });

  it('keeps the secrets of two AppIDs and a token-service credential apart', async () => {
    await secrets.set(appSecretKey(APP_A), 'secret-of-a');
    await secrets.set(appSecretKey(APP_B), 'secret-of-b');
    await secrets.set(tokenServiceKey('acc-1'), 'Bearer 令牌 ✓');
    expect(await secrets.get(APP_A)).toBe('secret-of-a');
    expect(await secrets.get(APP_B)).toBe('secret-of-b');
    expect(await secrets.get(tokenServiceKey('acc-1'))).toBe('Bearer 令牌 ✓');
    await secrets.delete(APP_A);
    expect(await secrets.get(APP_B)).toBe('secret-of-b');
  });

  it('says the keychain is unavailable and how to fix it when there is no D-Bus session, without the secret', async () => {
    const { report, output } = await inChild(
      'no-dbus',
      `import { readFileSync } from 'node:fs';
      import { keychainSecrets } from SECRETS_MODULE;
      const nativeLoaded = () => readFileSync('/proc/self/maps', 'utf8').includes('keyring.linux');
      const loadedOnImport = nativeLoaded();
      let error;
      try { await keychainSecrets().set('${APP_A}', '${SECRET}'); } catch (e) { error = e.error; }
      console.log(JSON.stringify({ loadedOnImport, loadedOnUse: nativeLoaded(), error }));`,
      { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' },
    );
    expect(report.loadedOnImport).toBe(false);
    expect(report.loadedOnUse).toBe(true);
    const error = report.error as AppError;
    expect(error.code).toBe('keychain-unavailable');
    expect(error.message.en).toMatch(/keychain/i);
    expect(error.message.en).toContain('/nonexistent');
    expect(error.message.zh).toContain('钥匙串');
    expect(error.hint.en).toMatch(/GNOME Keyring/);
    expect(output).not.toContain(SECRET);
  });

  it('says the keychain is locked when the keyring is locked', async () => {
    // In a keyring session of its own: a locked keyring cannot be unlocked again without a person.
    const { report } = await inChild(
      'locked',
      `import { execFileSync } from 'node:child_process';
      import { keychainSecrets } from SECRETS_MODULE;
      const secrets = keychainSecrets('wxacode-studio-locked-test');
      await secrets.set('${APP_A}', '${SECRET}');
      execFileSync('dbus-send', ['--session', '--print-reply', '--dest=org.freedesktop.secrets',
        '/org/freedesktop/secrets', 'org.freedesktop.Secret.Service.Lock',
        'array:objpath:/org/freedesktop/secrets/collection/login']);
      let error;
      try { await secrets.get('${APP_A}'); } catch (e) { error = e.error; }
      console.log(JSON.stringify({ error }));`,
      { DISPLAY: '', WAYLAND_DISPLAY: '' },
      ['bash', join(repo, 'scripts/with-keyring.sh')],
    );
    const error = report.error as AppError;
    expect(error.code).toBe('keychain-locked');
    expect(error.hint.en).toMatch(/unlock/i);
    expect(JSON.stringify(error)).not.toContain(SECRET);
  });
});
