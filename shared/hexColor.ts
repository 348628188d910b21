import type { Rgb } from './codeRequest';

/** '#rrggbb', 'rrggbb' or '#rgb', any case → Rgb; anything else → null. */
export function parseHexColor(text: string): Rgb | null {
  const match = /^#?([0-9a-f]{6})$|^#([0-9a-f]{3})$/i.exec(text.trim());
  if (!match) return null;
  const hex = match[1] ?? [...(match[2] ?? '')].map((digit) => digit + digit).join('');
  return {
    r: Number.parseInt(hex.slice(0, 2), 16),
    g: Number.parseInt(hex.slice(2, 4), 16),
    b: Number.parseInt(hex.slice(4, 6), 16),
  };
}

/** Rgb → '#rrggbb' lowercase. Out-of-range channels (a colour picker mid-drag) are clamped. */
export function formatHexColor(c: Rgb): string {
  const channel = (n: number) =>
    Math.min(255, Math.max(0, Math.round(n)))
      .toString(16)
      .padStart(2, '0');
  return `#${channel(c.r)}${channel(c.g)}${channel(c.b)}`;
}
