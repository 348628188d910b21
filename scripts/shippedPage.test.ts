import { createBuilder, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

/** The page's JavaScript as `vite build --mode <mode>` makes it, built in memory. */
async function pageScripts(mode: string): Promise<string> {
  const builder = await createBuilder({ mode, logLevel: 'silent', build: { write: false } });
  const built = (await builder.build(builder.environments.client!)) as Rolldown.RolldownOutput;
  return built.output.map((file) => (file.type === 'chunk' ? file.code : '')).join('\n');
}

describe('the built page', () => {
  it("exposes its stores only in the browser suite's build, never in the shipped one", async () => {
    const [shipped, forTests] = await Promise.all([pageScripts('production'), pageScripts('e2e')]);
    expect(forTests).toContain('__wxacodeStores');
    expect(shipped).not.toContain('__wxacodeStores');
  }, 240_000);
});
