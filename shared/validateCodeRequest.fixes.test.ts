import { describe, expect, it } from 'vitest';
import { type CodeRequestInput, type FieldError, validateCodeRequest } from './validateCodeRequest';

/** A small seeded generator, so a failing case is the same on every run and can be reproduced. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

/** Pieces people paste into a path, a page or a scene: most of them something WeChat refuses. */
const PIECES = [
  'pages/',
  'store/detail',
  'index',
  '/',
  '//',
  '?',
  '&',
  '=',
  'id',
  '1',
  ' ',
  '\u3000',
  '\u00a0',
  '\t',
  '\u200b',
  '\u202e',
  '\ufeff',
  '<',
  '>',
  '%',
  '中文',
  'scancode_time',
  '.html',
  'https://',
  '#',
  '~',
  'x'.repeat(40),
];

function text(rng: ReturnType<typeof random>): string {
  const length = Math.floor(rng.next() * 8);
  let out = '';
  for (let i = 0; i < length; i++) out += rng.pick(PIECES);
  return out;
}

const WIDTHS = ['', '100', 'abc', '12.5', '1300', '430', ' 280 ', 1281, -1];
const COLOURS = ['#12345', 'red', '#000', '', '#1aad19', { r: 256, g: 0, b: 0 }];
const VERSIONS = ['', 'beta', 'release', 'TRIAL', undefined];

function input(rng: ReturnType<typeof random>): CodeRequestInput {
  return {
    kind: rng.pick(['limited', 'unlimited', 'qrcode']),
    path: text(rng),
    scene: rng.next() < 0.4 ? '' : text(rng),
    page: text(rng),
    width: rng.pick(WIDTHS),
    lineColor: rng.pick(COLOURS),
    envVersion: rng.pick(VERSIONS),
  };
}

/** The inputs the issue names, plus the long ones a generator rarely reaches. */
const KNOWN: CodeRequestInput[] = [
  { kind: 'unlimited', page: '/pages/store/detail?id=1', scene: '' },
  { kind: 'unlimited', page: '/pages/store/detail?id=1', scene: 'sku=9' },
  { kind: 'unlimited', page: '/pages/store/detail?店=1', scene: '' },
  { kind: 'unlimited', page: `/pages/a?${'x'.repeat(40)}`, scene: '' },
  { kind: 'unlimited', page: '/', scene: 'a' },
  { kind: 'unlimited', page: '/pages/a b?id=1', scene: '' },
  { kind: 'unlimited', page: `/${'p'.repeat(1030)}?id=1`, scene: '' },
  { kind: 'limited', path: 'pages/a?id=1&scancode_time=2' },
  { kind: 'limited', path: '?scancode_time' },
  { kind: 'limited', path: `pages/a?id=1 2${'x'.repeat(1020)}` },
  { kind: 'qrcode', path: `pages/a?x=1 ${'y'.repeat(124)}` },
  { kind: 'qrcode', path: `pages/a?id=1${' '.repeat(1)}2` },
  { kind: 'limited', path: 'pages/a?id=<b>&scancode_time' },
];

/** Every error that proposes a fix, and what the same validator says once the fix is applied. */
function checkFixes(raw: CodeRequestInput): Array<{ error: FieldError; after: FieldError[] }> {
  const checked = validateCodeRequest(raw);
  if (checked.ok) return [];
  return checked.errors
    .filter((error) => error.fix)
    .map((error) => {
      const fixed = validateCodeRequest({ ...raw, ...error.fix });
      return { error, after: fixed.ok ? [] : fixed.errors };
    });
}

describe('every suggested fix is itself valid', () => {
  it('the fix clears its field (and every field it changes) for 5,000 generated bad inputs', () => {
    const rng = random(20261202);
    let fixes = 0;
    const broken: unknown[] = [];
    for (let i = 0; i < 5000; i++) {
      const raw = i < KNOWN.length ? KNOWN[i]! : input(rng);
      for (const { error, after } of checkFixes(raw)) {
        fixes++;
        const touched = new Set([error.field, ...Object.keys(error.fix!)]);
        const still = after.filter((e) => touched.has(e.field));
        if (still.length > 0) broken.push({ raw, fix: error.fix, still: still.map((e) => e.message.en) });
      }
    }
    expect(broken).toEqual([]);
    // The generator reaches fixes often enough for the property to say something.
    expect(fixes).toBeGreaterThan(1000);
  });

  it('moves a page path written as an unlimited page into page and scene', () => {
    const [{ error, after }] = checkFixes({ kind: 'unlimited', page: '/pages/store/detail?id=1' }) as [
      { error: FieldError; after: FieldError[] },
    ];
    expect(error.field).toBe('page');
    expect(error.fix).toEqual({ page: 'pages/store/detail', scene: 'id=1' });
    expect(error.hint.en).toBe(
      'Write it as pages/store/detail, and put id=1 in the scene: the page receives the scene when the code is scanned.',
    );
    expect(error.hint.zh).toContain('并把 id=1 放进场景值 scene');
    expect(after).toEqual([]);
  });

  it('leaves a scene the user typed alone, and a query WeChat would refuse as a scene', () => {
    const kept = validateCodeRequest({ kind: 'unlimited', scene: 'sku=9', page: 'pages/a?id=1' });
    expect(!kept.ok && kept.errors[0]!.fix).toEqual({ page: 'pages/a' });
    expect(!kept.ok && kept.errors[0]!.hint.en).toContain('put the data in the scene instead');
    const chinese = validateCodeRequest({ kind: 'unlimited', page: '/pages/a?店=1' });
    expect(!chinese.ok && chinese.errors.find((e) => e.field === 'page')!.fix).toEqual({ page: 'pages/a' });
  });

  it('offers no fix where only the user can decide, and says what to do instead', () => {
    for (const raw of [
      { kind: 'unlimited', scene: 'a', page: '/pages/a b?id=1' },
      { kind: 'limited', path: 'pages/scancode_time/index' },
      { kind: 'limited', path: `pages/a?x=${'y'.repeat(1020)}` },
      { kind: 'unlimited', scene: '活动' },
    ]) {
      const checked = validateCodeRequest(raw);
      expect(checked.ok).toBe(false);
      if (!checked.ok) {
        expect(checked.errors[0]!.fix).toBeUndefined();
        expect(checked.errors[0]!.hint.en.length).toBeGreaterThan(10);
      }
    }
  });

  it('drops only the reserved pairs from a query and encodes a space', () => {
    const reserved = validateCodeRequest({ kind: 'limited', path: 'pages/a?id=1&scancode_time=2&b=3' });
    expect(!reserved.ok && reserved.errors[0]!.fix).toEqual({ path: 'pages/a?id=1&b=3' });
    expect(!reserved.ok && reserved.errors[0]!.hint.en).toBe(
      'Remove scancode_time from the page path: write pages/a?id=1&b=3.',
    );
    const spaced = validateCodeRequest({ kind: 'qrcode', path: 'pages/a?q=a b\u200b' });
    expect(!spaced.ok && spaced.errors[0]!.fix).toEqual({ path: 'pages/a?q=a%20b' });
  });
});

describe('fixes only what is certain', () => {
  it('encodes a space in the query, never in the page', () => {
    const page = validateCodeRequest({ kind: 'limited', path: 'pages/my page/index?id=1' });
    expect(!page.ok && page.errors[0]!.fix).toBeUndefined();
    const invisible = validateCodeRequest({ kind: 'limited', path: 'pages/a\u200b/index?q=a b' });
    expect(!invisible.ok && invisible.errors[0]!.fix).toEqual({ path: 'pages/a/index?q=a%20b' });
  });
});
