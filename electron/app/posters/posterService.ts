import { basename, extname } from 'node:path';
import sharp from 'sharp';
import { posterNameInvalid, posterUnknown } from '../../../shared/errors/poster';
import type { PrintedCodeView } from '../../../shared/ipc/channels';
import {
  MAX_POSTER_NAME,
  type PosterBackgroundView,
  type PosterDraft,
  type PosterEdit,
  type PosterSummary,
} from '../../../shared/poster';
import { Failure } from '../../../shared/result';
import { NAME_PLACEHOLDERS, PLACEHOLDER } from '../../core/batch/naming';
import { bundledLabelFont } from '../../core/print/labelFont';
import { renderPoster } from '../../core/print/poster';
import { draftOf, templateJsonOf } from '../../core/print/posterDraft';
import { type PosterTemplate, parsePosterTemplate } from '../../core/print/posterTemplate';
import { loadPosterTemplate } from '../../core/print/posterTemplateFile';
import { sampleCode } from '../../core/print/sampleCode';
import { KeptById } from '../batch/keptById';
import type { Desktop } from '../desktop/desktop';
import { readBackground } from './posterBackground';
import { PosterStore } from './posterStore';

// The poster editor's work in main: backgrounds read from the file the user chose in main's dialog,
// the draft checked by the same rules as a template file, previewed by the same renderer a batch
// uses, and saved to the data folder. The page names backgrounds and templates by main's ids only.

/** Backgrounds in the editor at once: the one shown and a few the user tried. */
const KEPT_BACKGROUNDS = 6;

interface Background extends PosterBackgroundView {
  bytes: Buffer;
  /** What it is saved as beside the template. */
  file: 'background.png' | 'background.jpg';
}

export class PosterService {
  readonly store: PosterStore;
  private readonly backgrounds = new KeptById<Background>(KEPT_BACKGROUNDS);

  constructor(private readonly app: { dataDir: string; desktop: Desktop }) {
    this.store = new PosterStore(app.dataDir);
  }

  /** The image the user picks in main's open dialog, read and checked; null when they cancel. */
  async chooseBackground(): Promise<PosterBackgroundView | null> {
    const file = await this.app.desktop.chooseImage();
    return file === undefined ? null : this.keep(await readBackground(file));
  }

  /** A template JSON the user picks, checked, its background read, and saved as the app's own. */
  async importTemplate(): Promise<PosterSummary | null> {
    const file = await this.app.desktop.chooseTemplate();
    if (file === undefined) return null;
    const template = await loadPosterTemplate(file);
    const { widthPx: width, heightPx: height } = template.page;
    // The page is the background's pixels in the app: the template's own page size decides them.
    const bytes = await sharp(template.background).resize(width, height, { fit: 'cover' }).png().toBuffer();
    const kept = this.keep({ bytes, name: template.name, width, height, file: 'background.png' });
    const name = template.title ?? basename(file, extname(file));
    return this.save(undefined, draftOf(template, name.slice(0, MAX_POSTER_NAME), kept.backgroundId));
  }

  async list(): Promise<PosterSummary[]> {
    const stored = await this.store.list();
    return stored
      .map(({ posterId, template }) => summaryOf(posterId, template))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
  }

  /** A saved template for the editor; its background kept for the drafts that follow. */
  async open(posterId: string): Promise<PosterEdit> {
    const template = await this.store.load(posterId);
    const isJpeg = (await sharp(template.background).metadata()).format === 'jpeg';
    const background = this.keep({
      bytes: template.background,
      name: template.name,
      width: template.page.widthPx,
      height: template.page.heightPx,
      file: isJpeg ? 'background.jpg' : 'background.png',
    });
    const draft = draftOf(template, template.title ?? '', background.backgroundId);
    return { posterId, draft, background };
  }

  /** The draft on its background with a stand-in code, placeholders as written. */
  async preview(draft: PosterDraft): Promise<PrintedCodeView> {
    const template = this.checked(draft);
    const png = await renderPoster(template, await sampleCode(), null, bundledLabelFont());
    return { png, width: template.page.widthPx, height: template.page.heightPx, dpi: template.page.dpi };
  }

  async save(posterId: string | undefined, draft: PosterDraft): Promise<PosterSummary> {
    const template = this.checked(draft);
    const background = this.background(draft.backgroundId);
    const json = templateJsonOf(draft, background.file, background);
    const id = await this.store.save(posterId, json, background);
    return summaryOf(id, template);
  }

  remove(posterId: string): Promise<void> {
    return this.store.remove(posterId);
  }

  /** The draft checked as a template file is, with its background: a Failure naming the fix otherwise. */
  private checked(draft: PosterDraft): PosterTemplate {
    const name = draft.name.trim();
    if (name === '' || Array.from(name).length > MAX_POSTER_NAME) {
      throw new Failure(posterNameInvalid(MAX_POSTER_NAME));
    }
    const background = this.background(draft.backgroundId);
    const json = templateJsonOf(draft, background.file, background);
    const { template } = parsePosterTemplate(JSON.stringify(json), name);
    return { ...template, background: background.bytes };
  }

  private background(backgroundId: string): Background {
    const kept = this.backgrounds.get(backgroundId);
    if (!kept) throw new Failure(posterUnknown());
    return kept;
  }

  private keep(background: Omit<Background, 'backgroundId'>): PosterBackgroundView {
    const backgroundId = this.backgrounds.keep({ ...background, backgroundId: '' });
    const kept = this.backgrounds.get(backgroundId)!;
    kept.backgroundId = backgroundId;
    const { name, width, height } = kept;
    return { backgroundId, name, width, height };
  }
}

function summaryOf(posterId: string, template: PosterTemplate): PosterSummary {
  const words = new Set<string>();
  for (const text of template.texts) {
    for (const [, word = ''] of text.text.matchAll(PLACEHOLDER)) {
      if (!NAME_PLACEHOLDERS.includes(word as (typeof NAME_PLACEHOLDERS)[number])) words.add(word);
    }
  }
  return {
    posterId,
    name: template.title ?? template.name,
    width: template.page.widthPx,
    height: template.page.heightPx,
    codeSize: template.code.width,
    placeholders: [...words],
  };
}
