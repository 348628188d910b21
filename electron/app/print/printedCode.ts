import type { PrintOptions } from '../../../shared/ipc/channels';
import { dpiForWidth, parsePrintSize, planPrint } from '../../../shared/print/physicalSize';
import type { PlannedRow } from '../../core/batch/plan';
import type { ComposeOptions } from '../../core/print/compose';
import { bundledLabelFont } from '../../core/print/labelFont';
import { checkLabels, labelForRow } from '../../core/print/labelText';
import type { LogoOptions } from '../../core/print/logo';
import type { LibraryEntry } from '../../core/storage/library';

// From the form's Print section to compose()'s options, for one stored code. Pure but for the
// logo's bytes, so the preview and every later save of the same inputs compose the same image.

export interface PrintedCodeOptions {
  compose: ComposeOptions;
  /** The code's printed width, when the user gave one. */
  widthMm?: number;
  /** The resolution recorded in the PNG. */
  dpi: number;
}

export function printedCodeOptions(
  entry: LibraryEntry,
  print: PrintOptions,
  logoImage: (logoId: string) => Buffer,
): PrintedCodeOptions {
  // A single code has no sheet: only the built-in placeholders ({page}, {scene}, {path} …) mean something.
  checkLabels(
    print.labels.map((l) => l.text),
    [],
  );
  const row: PlannedRow = { row: 1, key: '', name: '', cells: [], request: entry.request };
  const labels = print.labels.map((label) => ({ ...label, text: labelForRow(label.text, row, []) }));
  const plan =
    print.printSize === undefined ? undefined : planPrint(parsePrintSize(print.printSize), print.dpi);
  // The printed size decides: WeChat may have sent more or fewer pixels than asked.
  const dpi = plan ? dpiForWidth(entry.width, plan.size) : print.dpi;
  const logo: LogoOptions | undefined = print.logo && {
    image: logoImage(print.logo.logoId),
    shape: entry.request.kind === 'qrcode' ? 'square' : 'round',
    ring: print.logo.ring,
    fraction: print.logo.fraction,
  };
  return {
    compose: {
      labels,
      margin: print.margin,
      // The label sits a little apart from the code, in proportion to it (as the CLI's does).
      gap: Math.round(entry.width / 40),
      background: print.background,
      dpi,
      font: bundledLabelFont(),
      ...(logo ? { logo } : {}),
    },
    ...(plan ? { widthMm: plan.size.cm * 10 } : {}),
    dpi,
  };
}
