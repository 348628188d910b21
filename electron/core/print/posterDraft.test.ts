import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { PosterDraft } from '../../../shared/poster';
import { newPosterDraft } from '../../../shared/poster';
import { draftOf, templateJsonOf } from './posterDraft';
import { parsePosterTemplate } from './posterTemplate';
import { sampleCode } from './sampleCode';

// The editor's pixels and the template file's millimetres describe the same poster: a draft
// written as JSON, read back by the CLI's parser and opened again gives the same pixels.

const SIZE = { width: 1240, height: 1754 };
const DRAFT: PosterDraft = {
  name: ' A5 门店海报 ',
  backgroundId: 'b1',
  dpi: 150,
  code: { x: 370, y: 520, size: 500 },
  texts: [
    { text: '{门店名称}', x: 620, y: 1100, size: 72, colour: '#1A1A1A', weight: 'bold', align: 'centre' },
    { text: '扫码点单', x: 100, y: 200, size: 40, colour: '#ffffff', weight: 'normal', align: 'left' },
    { text: 'right', x: 1140, y: 1600, size: 30, colour: '#000000', weight: 'normal', align: 'right' },
  ],
  output: 'pdf',
};

describe('poster drafts and template files', () => {
  it('round-trips a draft through the template JSON the CLI reads, pixel for pixel', () => {
    const json = templateJsonOf(DRAFT, 'background.png', SIZE);
    expect(json).toMatchObject({ name: 'A5 门店海报', background: 'background.png', output: 'pdf' });
    expect(json.page).toEqual({ width: 1240, height: 1754, unit: 'px', dpi: 150 });
    const { template } = parsePosterTemplate(JSON.stringify(json), 'a5.json');
    expect(template.title).toBe('A5 门店海报');
    expect(template.code).toEqual({ x: 370, y: 520, width: 500, height: 500 });
    const again = draftOf(template, DRAFT.name, 'b1');
    expect(again).toEqual({
      ...DRAFT,
      texts: DRAFT.texts.map((t) => ({ ...t, colour: t.colour.toLowerCase() })),
    });
  });

  it('starts a new template with the code centred and a line under it, within the background', () => {
    const draft = newPosterDraft({ backgroundId: 'b', name: 'bg.png', width: 600, height: 800 }, 'New');
    expect(draft.code).toEqual({ x: 180, y: 280, size: 240 });
    const { template } = parsePosterTemplate(
      JSON.stringify(templateJsonOf(draft, 'background.png', { width: 600, height: 800 })),
      'new.json',
    );
    expect(template.texts[0]!.band.y).toBeGreaterThan(280 + 240);
  });

  it('previews with the same stand-in code every time', async () => {
    const [a, b] = [await sampleCode(), await sampleCode()];
    expect(a.equals(b)).toBe(true);
    expect(await sharp(a).metadata()).toMatchObject({ width: 430, height: 430, format: 'png' });
  });
});
