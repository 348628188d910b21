import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { postersTooMany, posterUnknown } from '../../../shared/errors/poster';
import { MAX_SAVED_POSTERS } from '../../../shared/poster';
import { Failure } from '../../../shared/result';
import type { PosterTemplate } from '../../core/print/posterTemplate';
import { loadPosterTemplate } from '../../core/print/posterTemplateFile';
import { writeFileAtomic } from '../../core/storage/atomicFile';

// The app's saved poster templates: `posters/<id>/template.json` beside the background it names, in
// the data folder. Each is the same JSON `wxacode generate --poster` reads, so a template made in the
// app works from the command line too. Ids are main's own: a page's id never becomes another path.

const TEMPLATE = 'template.json';
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface StoredPoster {
  posterId: string;
  template: PosterTemplate;
}

export class PosterStore {
  private readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'posters');
  }

  /** The template file of a saved template; a Failure for an id main never gave. */
  file(posterId: string): string {
    if (!ID.test(posterId)) throw new Failure(posterUnknown());
    return join(this.dir, posterId, TEMPLATE);
  }

  async load(posterId: string): Promise<PosterTemplate> {
    const file = this.file(posterId);
    try {
      return await loadPosterTemplate(file);
    } catch (caught) {
      // A template deleted meanwhile is unknown; one that no longer reads says why.
      if (caught instanceof Failure && !(await this.exists(posterId))) throw new Failure(posterUnknown());
      throw caught;
    }
  }

  /** Every saved template that still reads; a damaged one is left out, not fatal. */
  async list(): Promise<StoredPoster[]> {
    const found: StoredPoster[] = [];
    for (const posterId of await this.ids()) {
      const template = await loadPosterTemplate(join(this.dir, posterId, TEMPLATE)).catch(() => undefined);
      if (template) found.push({ posterId, template });
    }
    return found;
  }

  /**
   * Writes the background, then the template naming it, each atomically: a crash leaves the old
   * template whole or the new one whole. A new template (no id) gets an id of its own.
   */
  async save(
    posterId: string | undefined,
    json: Record<string, unknown>,
    background: { file: string; bytes: Buffer },
  ): Promise<string> {
    if (posterId === undefined && (await this.ids()).length >= MAX_SAVED_POSTERS) {
      throw new Failure(postersTooMany(MAX_SAVED_POSTERS));
    }
    // An id is only ever one main gave and still holds: a page inventing ids would pass the bound.
    if (posterId !== undefined) {
      this.file(posterId);
      if (!(await this.exists(posterId))) throw new Failure(posterUnknown());
    }
    const id = posterId ?? randomUUID();
    const folder = join(this.dir, id);
    await mkdir(folder, { recursive: true });
    await writeFileAtomic(join(folder, background.file), background.bytes);
    await writeFileAtomic(
      join(folder, TEMPLATE),
      `${JSON.stringify({ ...json, background: background.file }, null, 2)}\n`,
    );
    // A background of another kind (.jpg for .png) saved before is no longer named by the template.
    for (const name of await readdir(folder)) {
      if (name !== TEMPLATE && name !== background.file && name.startsWith('background.')) {
        await rm(join(folder, name), { force: true });
      }
    }
    return id;
  }

  async remove(posterId: string): Promise<void> {
    this.file(posterId);
    await rm(join(this.dir, posterId), { recursive: true, force: true });
  }

  private async exists(posterId: string): Promise<boolean> {
    return (await this.ids()).includes(posterId);
  }

  private async ids(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names.filter((name) => ID.test(name));
  }
}
