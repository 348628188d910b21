import type { CodeKind, CodeRequest } from '../../shared/codeRequest';
import { rasterBelowDpi, widthWithPrintSize } from '../../shared/errors/print';
import { Failure } from '../../shared/result';
import type { PlannedRow } from '../core/batch/plan';
import { type ComposeOptions, compose, type Label } from '../core/print/compose';
import { bundledLabelFont } from '../core/print/labelFont';
import { labelSizing } from '../core/print/labelSizing';
import { checkLabels, labelForRow } from '../core/print/labelText';
import { type LogoOptions, readLogoFile } from '../core/print/logo';
import {
  dpiForWidth,
  largestRasterCm,
  type PrintPlan,
  parseDpi,
  parsePrintSize,
  planPrint,
} from '../core/print/physicalSize';
import { asFlagError } from './codeFlags';
import { cliLanguage } from './errorText';

// The print flags of `generate`: what the code looks like on paper. All are checked, and the logo
// read, before any call to WeChat, so a mistake costs no quota.

export const PRINT_FLAGS = {
  label: { type: 'string', multiple: true },
  'print-size': { type: 'string' },
  dpi: { type: 'string' },
  logo: { type: 'string' },
} as const;

export const PRINT_USAGE = '[--label TEXT]… [--print-size 4cm|1.5in] [--dpi N] [--logo FILE.png|jpg|svg]';

export interface PrintFlagValues {
  label?: string[];
  'print-size'?: string;
  dpi?: string;
  logo?: string;
  width?: string;
}

export interface PrintRequest {
  labels: readonly string[];
  plan?: PrintPlan;
  dpi: number;
  logo?: LogoOptions;
}

/** The print flags checked (and the logo read); undefined when none was given, so the code is saved as sent. */
export async function printFromFlags(
  values: PrintFlagValues,
  kind: CodeKind,
): Promise<PrintRequest | undefined> {
  const given = values.label?.length || values['print-size'] || values.dpi || values.logo;
  if (!given) return undefined;
  try {
    if (values['print-size'] !== undefined && values.width !== undefined)
      throw new Failure(widthWithPrintSize());
    const labels = values.label ?? [];
    // A single code has no sheet: only the built-in placeholders ({page}, {scene}, {path} …) mean something.
    checkLabels(labels, []);
    const dpi = parseDpi(values.dpi);
    const plan =
      values['print-size'] === undefined ? undefined : planPrint(parsePrintSize(values['print-size']), dpi);
    const logo = values.logo === undefined ? undefined : await readLogoFile(values.logo, kind);
    return { labels, dpi, ...(plan ? { plan } : {}), ...(logo ? { logo } : {}) };
  } catch (caught) {
    if (caught instanceof Failure) throw new Failure(asFlagError(caught.error));
    throw caught;
  }
}

/** compose()'s options for the flags: labels sized to the code, the logo, the DPI the printed size gives. */
export function printComposeOptions(
  width: number,
  request: CodeRequest,
  print: PrintRequest,
): ComposeOptions {
  const row: PlannedRow = { row: 1, key: '', name: '', cells: [], request };
  const { size, margin, gap } = labelSizing(width, print.labels.length);
  const labels: Label[] = print.labels.map((text) => ({ text: labelForRow(text, row, []), size }));
  return {
    labels,
    margin,
    gap,
    dpi: print.plan ? dpiForWidth(width, print.plan.size) : print.dpi,
    font: bundledLabelFont(),
    ...(print.logo ? { logo: print.logo } : {}),
  };
}

/** The code as printed: labels, logo and DPI applied; a note on stderr when WeChat's pixels fall short. */
export async function printCode(
  code: Buffer,
  width: number,
  request: CodeRequest,
  print: PrintRequest,
): Promise<{ png: Buffer; width: number; height: number }> {
  const options = printComposeOptions(width, request, print);
  if (print.plan?.needsVector) {
    const note = rasterBelowDpi(print.plan.size.cm, options.dpi!, print.dpi, largestRasterCm(print.dpi));
    process.stderr.write(`${note[cliLanguage()]}\n`);
  }
  const { png, layout } = await compose(code, options);
  return { png, width: layout.width, height: layout.height };
}

/** What the saved code serves on paper, for the line after "Saved"; the DPI is what the pixels give. */
export function printSummary(print: PrintRequest, codeWidth: number): string | undefined {
  if (!print.plan) return undefined;
  const { size, scanDistanceCm } = print.plan;
  // Rounded down, as the note about falling short says it: 473 px over 4 cm is 300 DPI, not 301.
  const dpi = Math.floor(dpiForWidth(codeWidth, size));
  return `Printed ${size.cm.toFixed(1)} cm wide at ${dpi} DPI: phones read it from up to about ${scanDistanceCm} cm away.`;
}
