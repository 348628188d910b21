import { expect, type Locator, type Page } from '@playwright/test';

/** The window's controls, found as a user finds them: by role and accessible name. */
export function studio(page: Page) {
  const generateButton = page.getByRole('button', { name: 'Generate', exact: true });
  return {
    page,
    kind: (name: 'Mini program code' | 'Unlimited mini program code' | 'Square QR code') =>
      page.getByRole('radio', { name, exact: true }),
    path: page.getByRole('textbox', { name: 'Page path' }),
    scene: page.getByRole('textbox', { name: 'Scene' }),
    pageField: page.getByRole('textbox', { name: 'Page', exact: true }),
    checkPath: page.getByRole('switch', { name: 'Check page exists in the published version' }),
    version: (name: 'Release' | 'Trial' | 'Develop') => page.getByRole('radio', { name, exact: true }),
    widthSlider: page.getByRole('slider', { name: 'Width' }),
    widthBox: page.getByRole('spinbutton', { name: 'Width in pixels' }),
    colorHex: page.getByRole('textbox', { name: 'Line color (hex)' }),
    autoColor: page.getByRole('switch', { name: 'Automatic color' }),
    transparent: page.getByRole('switch', { name: 'Transparent background' }),
    generateButton,
    regenerateButton: page.getByRole('button', { name: 'Regenerate' }),
    saveButton: page.getByRole('button', { name: 'Save as…' }),
    copyButton: page.getByRole('button', { name: 'Copy image' }),
    realImage: page.getByRole('img', { name: /^Generated code/ }),
    previewCanvas: page.getByRole('img', { name: 'Local preview of the code at the new style' }),
    previewMarker: page.getByText('Preview — not generated yet'),
    fromHistory: page.getByText('From history — no quota used'),
    newlyGenerated: page.getByText('Newly generated'),
    alert: page.getByRole('alert'),
    accountSelect: page.getByLabel('Account', { exact: true }),

    async generate(): Promise<void> {
      await generateButton.click();
      await expect(generateButton).toHaveText('Generate');
    },
  };
}

export type Studio = ReturnType<typeof studio>;

/** Waits until a preview canvas has finished painting the given style. */
export async function expectPainted(canvas: Locator, style: string): Promise<void> {
  await expect(canvas).toHaveAttribute('data-style', style);
}

export type Rgb = [number, number, number];

export interface CanvasLook {
  width: number;
  height: number;
  /** Alpha of the top-left pixel: 0 on a transparent background. */
  cornerAlpha: number;
  /** Per asked colour, the share of opaque pixels within the tolerance of it. */
  shares: number[];
}

/** What the canvas shows, measured in the page (its pixels are too many to ship to the test). */
export async function canvasLook(canvas: Locator, colours: Rgb[], tolerance = 16): Promise<CanvasLook> {
  return canvas.evaluate(
    (element, { colours, tolerance }) => {
      const c = element as HTMLCanvasElement;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const shares = colours.map(([r, g, b]) => {
        let near = 0;
        for (let o = 0; o < data.length; o += 4) {
          if (
            data[o + 3] === 255 &&
            Math.abs(data[o]! - r) <= tolerance &&
            Math.abs(data[o + 1]! - g) <= tolerance &&
            Math.abs(data[o + 2]! - b) <= tolerance
          ) {
            near++;
          }
        }
        return near / (data.length / 4);
      });
      return { width: c.width, height: c.height, cornerAlpha: data[3]!, shares };
    },
    { colours, tolerance },
  );
}
