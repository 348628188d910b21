import type { PosterDraft } from '../../../shared/poster';
import type { PosterTemplate } from './posterTemplate';

// The editor's draft (pixels of the background) and the template JSON (millimetres and points at
// the page's DPI, as the CLI reads it) turned into each other. The page is the background's pixels,
// so a draft saved and opened again gives back the same pixels.

const MM_PER_INCH = 25.4;
const PT_PER_INCH = 72;

/** The template JSON for a draft whose background, `width` × `height` px, is the file `background`. */
export function templateJsonOf(
  draft: PosterDraft,
  background: string,
  size: { width: number; height: number },
): Record<string, unknown> {
  const mm = (px: number) => (px / draft.dpi) * MM_PER_INCH;
  const pt = (px: number) => (px / draft.dpi) * PT_PER_INCH;
  return {
    version: 1,
    name: draft.name.trim(),
    background,
    page: { width: size.width, height: size.height, unit: 'px', dpi: draft.dpi },
    code: { x: mm(draft.code.x), y: mm(draft.code.y), size: mm(draft.code.size) },
    texts: draft.texts.map((text) => ({
      text: text.text,
      x: mm(text.x),
      y: mm(text.y),
      size: pt(text.size),
      colour: text.colour,
      weight: text.weight,
      align: text.align,
    })),
    output: draft.output,
  };
}

/** A checked template as the editor shows it, its background kept as `backgroundId`. */
export function draftOf(
  template: Omit<PosterTemplate, 'background'>,
  name: string,
  backgroundId: string,
): PosterDraft {
  return {
    name,
    backgroundId,
    dpi: template.page.dpi,
    code: { x: template.code.x, y: template.code.y, size: template.code.width },
    texts: template.texts.map((text) => {
      const { band } = text;
      const x =
        text.align === 'left'
          ? band.x
          : text.align === 'right'
            ? band.x + band.width
            : band.x + Math.round(band.width / 2);
      return {
        text: text.text,
        x,
        y: band.y,
        size: text.sizePx,
        colour: text.colour.toLowerCase(),
        weight: text.weight,
        align: text.align,
      };
    }),
    output: template.output,
  };
}
