import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SANDBOX_ACCOUNT } from '../app/services';
import { openTestApp, succeeded, type TestApp } from '../testing/testApp';

let app: TestApp;
beforeAll(async () => {
  app = await openTestApp();
});
afterAll(() => app.close());

it('a code the library cannot keep (a full disk) is still shown and saved, saying it is not in the library', async () => {
  // The library cannot store images: a file stands where its image folder should be.
  await rm(join(app.dataDir, 'library', 'png'), { recursive: true });
  await writeFile(join(app.dataDir, 'library', 'png'), 'not a folder');
  const code = succeeded(
    await app.call('code:generate', {
      accountId: SANDBOX_ACCOUNT.id,
      request: { kind: 'unlimited', scene: 'full=1' },
    }),
  );
  expect(code.fromLibrary).toBe(false);
  expect(code.notKept?.message.en).toContain('The code is not in the library:');
  expect(code.notKept?.hint.en).toContain('asking for the same code again calls WeChat again');

  app.desktop.saveAs = join(app.dataDir, 'saved.png');
  expect(succeeded(await app.call('code:save', { codeId: code.codeId }))).toEqual({
    saved: true,
    path: app.desktop.saveAs,
  });
  expect(await readFile(app.desktop.saveAs)).toEqual(Buffer.from(code.png));
  expect(app.sandbox.stats().getwxacodeunlimit).toBe(1);
});
