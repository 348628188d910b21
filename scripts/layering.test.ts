import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempFolderFor } from '../electron/testing/tempFolder';
import { layeringProblems, readTree, type SourceTree } from './layering';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));

/** A small project of the given files; the known cycles are the test's own, none unless it says. */
const problemsOf = (files: Record<string, string>, knownCycles: string[][] = []) =>
  layeringProblems(new Map(Object.entries(files)) as SourceTree, knownCycles);

describe('the layers of the project', () => {
  it('hold in the project as it is', () => {
    expect(layeringProblems(readTree(PROJECT))).toEqual([]);
  });
});

describe('the layering check', () => {
  it("fails when a file outside electron/main imports 'electron'", () => {
    expect(
      problemsOf({
        'electron/core/storage/dataDir.ts': "import { app } from 'electron';\nexport const dir = app;",
        'electron/main/main.ts': "import { app } from 'electron';\napp.quit();",
        'e2e/electron/app.spec.ts': "import type { App } from 'electron';\nexport type A = App;",
      }),
    ).toEqual([
      "electron/core/storage/dataDir.ts imports electron: only the glue in electron/main/ imports 'electron' (under plain Node it tries to download Electron)",
    ]);
  });

  it("fails when a file outside electron/main loads 'electron' through a glue file", () => {
    expect(
      problemsOf({
        'electron/cli/main.ts': "import { desktop } from '../main/desktop';\ndesktop();",
        'electron/main/desktop.ts': "import { shell } from 'electron';\nexport const desktop = () => shell;",
      }),
    ).toEqual([
      "electron/cli/main.ts imports electron/main/desktop.ts, which loads 'electron': only the glue in electron/main/ imports 'electron' (under plain Node it tries to download Electron)",
    ]);
  });

  it('fails when the core imports a handler or the app layer', () => {
    expect(
      problemsOf({
        'electron/core/codes/codeMaker.ts': "export * from '../../handlers/code';",
        'electron/core/batch/plan.ts':
          "import type { Services } from '../../app/services';\nexport type S = Services;",
        'electron/handlers/code.ts': 'export const code = 1;',
        'electron/app/services.ts': 'export interface Services {}',
      }),
    ).toEqual([
      'electron/core/codes/codeMaker.ts imports electron/handlers/code.ts: electron/core/ is plain Node: it imports only core and shared/, never the handlers or the app layer',
      'electron/core/batch/plan.ts imports electron/app/services.ts: electron/core/ is plain Node: it imports only core and shared/, never the handlers or the app layer',
    ]);
  });

  it('lets the core import shared/, and its tests the sandbox and the test helpers', () => {
    expect(
      problemsOf({
        'electron/core/codes/codeMaker.ts':
          "import { ok } from '../../../shared/result';\nexport const made = ok;",
        'electron/core/codes/codeMaker.test.ts':
          "import { startSandbox } from '../../sandbox';\nimport { openTestApp } from '../../testing/testApp';\nexport { startSandbox, openTestApp };",
        'electron/sandbox/index.ts': 'export const startSandbox = 1;',
        'electron/testing/testApp.ts': 'export const openTestApp = 1;',
        'shared/result.ts': 'export const ok = 1;',
      }),
    ).toEqual([]);
  });

  it('fails when shared/ imports electron/ or renderer/', () => {
    expect(
      problemsOf({
        'shared/result.ts':
          "import { log } from '../electron/core/storage/errorLog';\nexport const ok = log;",
        'shared/language.ts':
          "const strings = await import('../renderer/i18n/en');\nexport const en = strings;",
        'electron/core/storage/errorLog.ts': 'export const log = 1;',
        'renderer/i18n/en.ts': 'export const en = 1;',
      }),
    ).toEqual([
      'shared/result.ts imports electron/core/storage/errorLog.ts: shared/ is used by both processes: it imports nothing of electron/ or renderer/',
      'shared/language.ts imports renderer/i18n/en.ts: shared/ is used by both processes: it imports nothing of electron/ or renderer/',
    ]);
  });

  it('fails when the renderer imports electron/', () => {
    expect(
      problemsOf({
        'renderer/app/api.ts':
          "import { channels } from '../../electron/main/ipc';\nexport const api = channels;",
        'electron/main/ipc.ts': 'export const channels = 1;',
      }),
    ).toEqual([
      'renderer/app/api.ts imports electron/main/ipc.ts: the renderer is a web page: it imports nothing of electron/ (only shared/)',
    ]);
  });

  it('fails when the sandbox imports shared/, the core or anything else of the app', () => {
    const says =
      'the sandbox is an independent stand-in for WeChat: it imports nothing of the app, shared/ included';
    expect(
      problemsOf({
        'electron/sandbox/rules.ts': "import { ok } from '../../shared/result';\nexport const r = ok;",
        'electron/sandbox/tokens.ts':
          "import { cache } from '../core/tokens/tokenSource';\nexport const t = cache;",
        'electron/sandbox/server.ts':
          "import { services } from '../app/services';\nimport { PNG } from 'pngjs';\nimport { reply } from './reply';\nexport { services, PNG, reply };",
        'electron/sandbox/reply.ts': 'export const reply = 1;',
        'electron/core/tokens/tokenSource.ts': 'export const cache = 1;',
        'electron/app/services.ts': 'export const services = 1;',
        'shared/result.ts': 'export const ok = 1;',
      }),
    ).toEqual([
      `electron/sandbox/rules.ts imports shared/result.ts: ${says}`,
      `electron/sandbox/tokens.ts imports electron/core/tokens/tokenSource.ts: ${says}`,
      `electron/sandbox/server.ts imports electron/app/services.ts: ${says}`,
    ]);
  });

  it('fails on an import cycle, type-only imports included', () => {
    expect(
      problemsOf({
        'renderer/features/code/CodeForm.tsx':
          "import { Width } from './WidthField';\nexport const Form = Width;",
        'renderer/features/code/WidthField.tsx':
          "import type { ShownErrors } from './CodeForm';\nexport const Width = 1 as unknown as ShownErrors;",
        'electron/core/wechat/retry.ts': "export * from './retry';",
      }),
    ).toEqual([
      'import cycle: renderer/features/code/CodeForm.tsx ↔ renderer/features/code/WidthField.tsx',
      'import cycle: electron/core/wechat/retry.ts',
    ]);
  });

  it('allows a known cycle, and fails once a known cycle is gone so the list is cleaned up', () => {
    const cycle = {
      'electron/app/services.ts': "import { run } from './batch/batchRunner';\nexport const s = run;",
      'electron/app/batch/batchRunner.ts': "import { s } from '../services';\nexport const run = s;",
    };
    const known = [['electron/app/services.ts', 'electron/app/batch/batchRunner.ts']];
    expect(problemsOf(cycle, known)).toEqual([]);
    expect(problemsOf({ 'electron/app/services.ts': 'export const s = 1;' }, known)).toEqual([
      'KNOWN_CYCLES lists a cycle that is gone, delete it: electron/app/batch/batchRunner.ts ↔ electron/app/services.ts',
    ]);
  });

  it('reads imports with a parser: an import in a comment or a string is not one', () => {
    expect(
      problemsOf({
        'shared/redact.ts': [
          "// import { app } from 'electron';",
          "/* import '../renderer/app/main'; */",
          'export const hint = "import { x } from \'../electron/main/ipc\'";',
        ].join('\n'),
      }),
    ).toEqual([]);
  });
});

describe("Biome's rule for 'electron'", () => {
  it('reports the import outside electron/main, and not in it', async (test) => {
    // A copy of the project's biome.json over a tiny tree: the same rule and override, two files.
    const folder = await tempFolderFor(test, 'biome-layers');
    await copyFile(join(PROJECT, 'biome.json'), join(folder, 'biome.json'));
    const source = "import { app } from 'electron';\n\nexport const ready = app.whenReady();\n";
    for (const file of ['electron/core/storage/dataDir.ts', 'electron/main/main.ts']) {
      await mkdir(join(folder, file, '..'), { recursive: true });
      await writeFile(join(folder, file), source);
    }
    const biome = join(PROJECT, 'node_modules', '.bin', 'biome');
    const run = spawnSync(biome, ['lint', '--reporter=json', '.'], { cwd: folder, encoding: 'utf8' });
    const report = JSON.parse(run.stdout) as {
      diagnostics: { category: string; message: string; location: { path: string } }[];
    };
    expect(run.status).toBe(1);
    expect(report.diagnostics.map((d) => [d.location.path, d.category, d.message])).toEqual([
      [
        'electron/core/storage/dataDir.ts',
        'lint/style/noRestrictedImports',
        "Only the glue in electron/main/ imports 'electron': the rest runs under plain Node (scripts/layering.ts).",
      ],
    ]);
  });
});
