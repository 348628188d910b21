import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { LogoView, PrintedCodeView, PrintOptions } from '../../../shared/ipc/channels';
import { compose } from '../../core/print/compose';
import { vectorOutput } from '../../core/print/vectorOutput';
import { writeFileAtomic } from '../../core/storage/atomicFile';
import type { Library } from '../../core/storage/library';
import { dragFile, dragIcon } from '../codes/dragOut';
import type { Desktop, SaveFormat } from '../desktop/desktop';
import type { LibraryService } from '../library/libraryService';
import { LogoKeeper } from './logoKeeper';
import { printedCodeOptions } from './printedCode';

export interface PrintServiceDeps {
  dataDir: string;
  library: Library;
  libraryService: LibraryService;
  desktop: Desktop;
}

const SAVE_FORMATS: readonly SaveFormat[] = ['png', 'svg', 'pdf'];

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
    const { png, layout, dpi } = await this.printed(codeId, print);
    return { png, width: layout.width, height: layout.height, dpi };
  }

  /**
   * Saves where the user chose: a PNG exactly as previewed, or an SVG or PDF traced from the code
   * WeChat sent at its printed size, with the preview's labels, logo, margin and background drawn as
   * shapes (vectorPrint.ts). Undefined when they cancel.
   */
  async save(codeId: string, print: PrintOptions): Promise<string | undefined> {
    const { libraryService, library, desktop } = this.app;
    const entry = libraryService.stored(codeId);
    const chosen = await desktop.saveDialog(entry.suggestedName, SAVE_FORMATS);
    if (chosen === undefined) return undefined;
    const typed = /\.(png|svg|pdf)$/i.exec(chosen)?.[1]?.toLowerCase() as SaveFormat | undefined;
    // Without a known extension the file is a PNG, named so any viewer opens it.
    const format = typed ?? 'png';
    const path = typed ? chosen : `${chosen}.png`;
    if (format === 'png') {
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

  private async printed(codeId: string, print: PrintOptions) {
    const { libraryService, library } = this.app;
    const entry = libraryService.stored(codeId);
    const options = printedCodeOptions(entry, print, (id) => this.logos.image(id));
    const composed = await compose(await library.readPng(entry), options.compose);
    return { ...composed, dpi: options.dpi };
  }
}
