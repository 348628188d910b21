import sharp from 'sharp';

/** Edge of the image shown under the pointer while a code is dragged out. */
export const DRAG_ICON_SIZE = 64;

/** A small copy of the code for the drag image: the full 430–1280 px code would cover the drop target. */
export function dragIcon(png: Uint8Array): Promise<Buffer> {
  return sharp(png).resize(DRAG_ICON_SIZE, DRAG_ICON_SIZE, { fit: 'inside' }).png().toBuffer();
}
