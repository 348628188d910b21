import type { CodeKind } from '../../../shared/codeRequest';
import type { PrintOptions } from '../../../shared/ipc/channels';
import { type PrintPlan, parseDpi, parsePrintSize, planPrint } from '../../../shared/print/physicalSize';
import { type AppError, Failure } from '../../../shared/result';

// The Print section as typed, and what it asks main to compose. The size and DPI are checked here
// with the same rules main applies (shared/print/physicalSize.ts), so the plan shows as the user
// types; everything else is checked by main, whose errors name the field they belong to.

export type Align = 'left' | 'centre' | 'right';

export interface LabelDraft {
  text: string;
  position: 'above' | 'below';
  size: number;
  weight: 'normal' | 'bold';
  colour: string;
  align: Align;
}

export interface PrintDraft {
  on: boolean;
  /** Text, so a half-typed number shows rather than being corrected. */
  size: string;
  unit: 'cm' | 'in';
  dpi: string;
  labels: LabelDraft[];
  margin: number;
  transparent: boolean;
  background: string;
  logo: { logoId: string; name: string } | null;
  ring: boolean;
  /** The logo's width in % of the code's; '' for the avatar circle (round) or the safe default (square). */
  logoPercent: string;
  /** A saved poster template: the code goes into its slot, and the poster is what leaves. */
  posterId: string | null;
}

export const EMPTY_PRINT: PrintDraft = {
  on: false,
  size: '',
  unit: 'cm',
  dpi: '300',
  labels: [],
  margin: 24,
  transparent: false,
  background: '#ffffff',
  logo: null,
  ring: true,
  logoPercent: '',
  posterId: null,
};

export const NEW_LABEL: LabelDraft = {
  text: '',
  position: 'below',
  size: 40,
  weight: 'bold',
  colour: '#000000',
  align: 'centre',
};

/** Default logo widths, as logo.ts places them: the avatar circle, or a square code's safe logo. */
export const DEFAULT_LOGO_PERCENT: Record<'round' | 'square', number> = { round: 45, square: 18 };

export interface CheckedPrint {
  options: PrintOptions | null;
  plan: PrintPlan | null;
  problems: Partial<Record<'printSize' | 'dpi', AppError>>;
}

const failureOf = (caught: unknown): AppError => {
  if (caught instanceof Failure) return caught.error;
  throw caught;
};

export function checkPrint(draft: PrintDraft, kind: CodeKind): CheckedPrint {
  const problems: CheckedPrint['problems'] = {};
  let dpi = 300;
  try {
    dpi = parseDpi(draft.dpi.trim());
  } catch (caught) {
    problems.dpi = failureOf(caught);
  }
  let plan: PrintPlan | null = null;
  const sizeText = draft.size.trim() === '' ? undefined : `${draft.size.trim()}${draft.unit}`;
  if (sizeText !== undefined) {
    try {
      plan = problems.dpi ? null : planPrint(parsePrintSize(sizeText), dpi);
    } catch (caught) {
      problems.printSize = failureOf(caught);
    }
  }
  if (problems.dpi || problems.printSize) return { options: null, plan, problems };
  const shape = kind === 'qrcode' ? 'square' : 'round';
  const percent = draft.logoPercent.trim() === '' ? DEFAULT_LOGO_PERCENT[shape] : Number(draft.logoPercent);
  const options: PrintOptions = {
    ...(sizeText !== undefined ? { printSize: sizeText } : {}),
    dpi,
    labels: draft.labels,
    margin: draft.margin,
    background: draft.transparent ? 'transparent' : draft.background,
    ...(draft.logo
      ? { logo: { logoId: draft.logo.logoId, ring: draft.ring, fraction: Math.max(0.01, percent / 100) } }
      : {}),
    ...(draft.posterId ? { poster: { posterId: draft.posterId } } : {}),
  };
  return { options, plan, problems };
}
