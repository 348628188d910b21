import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { posterSaveFormat } from '../../../shared/errors/poster';
import type { LogoView, PrintedCodeView, PrintOptions } from '../../../shared/ipc/channels';
import { Failure } from '../../../shared/result';
import { compose } from '../../core/print/compose';
import { vectorOutput } from '../../core/print/vectorOutput';
import { writeFileAtomic } from '../../core/storage/atomicFile';
import type { Library } from '../../core/storage/library';
import { dragFile, dragIcon } from '../codes/dragOut';
import type { Desktop, SaveFormat } from '../desktop/desktop';
import type { LibraryService } from '../library/libraryService';
import type { PosterStore } from '../posters/posterStore';
import { LogoKeeper } from './logoKeeper';
import { printedCodeOptions } from './printedCode';
import { printedPoster } from './printedPoster';

export interface PrintServiceDeps {
  dataDir: string;
  library: Library;
  libraryService: LibraryService;
  desktop: Desktop;
  posters: PosterStore;
}

const SAVE_FORMATS: readonly SaveFormat[] = ['png', 'svg', 'pdf'];
/** A poster is a picture of a page: PNG, or that page as a PDF of its physical size. */
const POSTER_FORMATS: readonly SaveFormat[] = ['png', 'pdf'];

/**
 * The form's code as printed: composed from the stored code (never bytes from the page) and the
 * Print section's options, for the preview and for each way it leaves the app. Every one composes
 * again from the same inputs, and compose() gives the same bytes for them: what leaves is what the
 * preview showed.
 */
export class PrintService {
  private readonly logos = new LogoKeeper();

  constructor(private readonly app: PrintServiceDeps) {}

  /** The logo the user picks in main's open dialog, read and kept; null when they cancel. */
  async chooseLogo(): Promise<LogoView | null> {
    const file = await this.app.desktop.chooseImage();
    return file === undefined ? null : this.logos.keep(file);
  }

  async compose(codeId: string, print: PrintOptions): Promise<PrintedCodeView> {
    const { png, width, height, dpi } = await this.printed(codeId, print);
    return { png, width, height, dpi };
  }

  /**
   * Saves where the user chose: a PNG exactly as previewed, or an SVG or PDF traced from the code
   * WeChat sent at its printed size, with the preview's labels, logo, margin and background drawn as
   * shapes (vectorPrint.ts). With a poster: the poster as PNG or as a PDF page of its size.
   * Undefined when they cancel.
   */
  async save(codeId: string, print: PrintOptions): Promise<string | undefined> {
    const { libraryService, library, desktop } = this.app;
    const entry = libraryService.stored(codeId);
    const chosen = await desktop.saveDialog(
      entry.suggestedName,
      print.poster ? POSTER_FORMATS : SAVE_FORMATS,
    );
    if (chosen === undefined) return undefined;
    const typed = /\.(png|svg|pdf)$/i.exec(chosen)?.[1]?.toLowerCase() as SaveFormat | undefined;
    // Without a known extension the file is a PNG, named so any viewer opens it.
    const format = typed ?? 'png';
    const path = typed ? chosen : `${chosen}.png`;
    if (print.poster) {
      if (format === 'svg') throw new Failure(posterSaveFormat());
      const poster = await this.printed(codeId, print);
      await writeFileAtomic(path, format === 'pdf' ? await poster.pdf!() : poster.png);
    } else if (format === 'png') {
      await writeFileAtomic(path, (await this.printed(codeId, print)).png);
    } else {
      const options = printedCodeOptions(entry, print, (id) => this.logos.image(id));
      const png = await library.readPng(entry);
      const vector = await vectorOutput(
        format,
        png,
        entry.request,
        options.widthMm,
        options.dpi,
        options.compose,
      );
      await writeFileAtomic(path, vector.bytes);
    }
    return path;
  }

  async copy(codeId: string, print: PrintOptions): Promise<void> {
    await this.app.desktop.copyImage((await this.printed(codeId, print)).png);
  }

  async drag(codeId: string, print: PrintOptions): Promise<void> {
    const { libraryService, desktop, dataDir } = this.app;
    const entry = libraryService.stored(codeId);
    const { png } = await this.printed(codeId, print);
    // One drag copy per composed image: the same code with other labels is another file.
    const digest = createHash('sha256').update(png).digest('hex').slice(0, 16);
    const file = await dragFile(
      join(dataDir, 'drag'),
      { ...entry, codeId: `${entry.codeId}-${digest}` },
      png,
    );
    desktop.startDrag(file, await dragIcon(png));
  }

  /** The poster when one is chosen, else the code composed with the section's options. */
  private async printed(
    codeId: string,
    print: PrintOptions,
  ): Promise<{ png: Buffer; width: number; height: number; dpi: number; pdf?: () => Promise<Uint8Array> }> {
    const { libraryService, library, posters } = this.app;
    const entry = libraryService.stored(codeId);
    if (print.poster) {
      return printedPoster(posters, print.poster.posterId, entry, await library.readPng(entry));
    }
    const options = printedCodeOptions(entry, print, (id) => this.logos.image(id));
    const { png, layout } = await compose(await library.readPng(entry), options.compose);
    return { png, width: layout.width, height: layout.height, dpi: options.dpi };
  }
}
