import { z } from 'zod';
import { MAX_DPI, MIN_DPI } from './print/physicalSize';
import { MAX_LABEL_CHARACTERS } from './print/printLimits';

// A poster template as the app's editor holds it: everything in pixels of the background image,
// which is the poster's page. Main turns it into the template JSON the CLI reads too
// (core/print/posterDraft.ts), so one set of checks (core/print/posterTemplateJson.ts and
// posterTemplate.ts) covers both.

export const MAX_POSTER_NAME = 60;
export const MAX_POSTER_TEXTS = 12;
/** Saved templates the app lists; more than a shop keeps, few enough to read at start. */
export const MAX_SAVED_POSTERS = 200;
/** A background's side, in pixels, and its file's bytes (posterTemplateFile.ts's bounds). */
export const MAX_BACKGROUND_SIDE = 10_000;

const px = z.number().int().min(0).max(MAX_BACKGROUND_SIDE);
const hex = z.string().regex(/^#[0-9a-fA-F]{6}$/);

export const posterTextDraft = z.strictObject({
  // Characters are counted by the core (a character may be two UTF-16 units).
  text: z.string().max(MAX_LABEL_CHARACTERS * 2),
  /** The anchor: the line's left end, centre or right end as `align` says, and its top. */
  x: px,
  y: px,
  /** The type's size in pixels of the background. */
  size: z.number().int().min(4).max(2000),
  colour: hex,
  weight: z.enum(['normal', 'bold']),
  align: z.enum(['left', 'centre', 'right']),
});
export type PosterTextDraft = z.infer<typeof posterTextDraft>;

export const posterDraftSchema = z.strictObject({
  name: z.string().max(MAX_POSTER_NAME * 2),
  /** The background main read from the file the user chose (or from the saved template): never a path. */
  backgroundId: z.string().min(1).max(200),
  /** Printed resolution: the page's physical size is the background's pixels at this DPI. */
  dpi: z.number().int().min(MIN_DPI).max(MAX_DPI),
  /** The code's square slot: its top-left corner and side. */
  code: z.strictObject({ x: px, y: px, size: px }),
  texts: z.array(posterTextDraft).max(MAX_POSTER_TEXTS),
  /** What a batch writes per row. */
  output: z.enum(['png', 'pdf']),
});
export type PosterDraft = z.infer<typeof posterDraftSchema>;

/** A background main has read and keeps for the editor, named by `backgroundId`. */
export interface PosterBackgroundView {
  backgroundId: string;
  /** The chosen file's name, to show. */
  name: string;
  width: number;
  height: number;
}

/** A saved template, as the pickers list it. */
export interface PosterSummary {
  posterId: string;
  name: string;
  width: number;
  height: number;
  /** The code slot's side in pixels: the width to ask of WeChat so the code fills it. */
  codeSize: number;
  /** The placeholders its text fields name, e.g. ["门店名称"]. */
  placeholders: string[];
}

/** A saved template opened for editing. */
export interface PosterEdit {
  posterId: string;
  draft: PosterDraft;
  background: PosterBackgroundView;
}

/** A new template's starting point on a background `width` × `height`: the code centred, one line under it. */
export function newPosterDraft(background: PosterBackgroundView, name: string): PosterDraft {
  const { width, height } = background;
  const size = Math.round(Math.min(width, height) * 0.4);
  const x = Math.round((width - size) / 2);
  const y = Math.round((height - size) / 2);
  const textSize = Math.max(4, Math.round(size / 8));
  const textY = Math.min(height - Math.ceil(textSize * 1.5), y + size + Math.round(textSize / 2));
  return {
    name,
    backgroundId: background.backgroundId,
    dpi: 300,
    code: { x, y, size },
    texts: [
      {
        text: '{name}',
        x: Math.round(width / 2),
        y: Math.max(0, textY),
        size: textSize,
        colour: '#000000',
        weight: 'bold',
        align: 'centre',
      },
    ],
    output: 'png',
  };
}
