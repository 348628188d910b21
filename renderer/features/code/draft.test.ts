import { describe, expect, it } from 'vitest';
import type { CodeRequest } from '../../../shared/codeRequest';
import { requestIdentity } from '../../../shared/requestIdentity';
import { checkDraft, draftOf, EMPTY_DRAFT, sameRequest, sameTarget, switchKind } from './draft';

describe('checkDraft', () => {
  it('builds the request the main process will accept', () => {
    const { request, errors } = checkDraft({
      ...EMPTY_DRAFT,
      path: 'pages/index/index?id=1',
      lineColor: '#FF0000',
    });
    expect(errors).toEqual({});
    expect(request).toEqual({
      kind: 'limited',
      path: 'pages/index/index?id=1',
      envVersion: 'release',
      width: 430,
      autoColor: false,
      lineColor: { r: 255, g: 0, b: 0 },
      transparent: false,
    });
  });

  it('reports every bad field by name, with the fix', () => {
    const { request, errors } = checkDraft({ ...EMPTY_DRAFT, path: 'a?scancode_time=1', width: '100' });
    expect(request).toBeNull();
    expect(Object.keys(errors)).toEqual(['path', 'width']);
    expect(errors.width?.hint.en).toBe('Enter a width such as 430 (the default).');
  });

  it('checks only the fields the kind uses', () => {
    const square = {
      ...EMPTY_DRAFT,
      kind: 'qrcode' as const,
      path: 'pages/index/index',
      lineColor: 'nonsense',
    };
    expect(checkDraft(square).request).toEqual({ kind: 'qrcode', path: 'pages/index/index', width: 430 });
  });
});

describe('switchKind', () => {
  it('carries the page of a path over to an unlimited code, and back', () => {
    const unlimited = switchKind({ ...EMPTY_DRAFT, path: '/pages/shop/index?id=7' }, 'unlimited');
    expect(unlimited.page).toBe('pages/shop/index');
    const limited = switchKind({ ...unlimited, path: '' }, 'limited');
    expect(limited.path).toBe('pages/shop/index');
  });

  it('never overwrites what the user typed', () => {
    const draft = { ...EMPTY_DRAFT, path: 'pages/a/index', page: 'pages/b/index' };
    expect(switchKind(draft, 'unlimited').page).toBe('pages/b/index');
  });
});

describe('sameRequest', () => {
  it('ignores the order fields were built in', () => {
    const a = { kind: 'qrcode' as const, path: 'p', width: 430 };
    const b = { width: 430, path: 'p', kind: 'qrcode' as const };
    expect(sameRequest(a, b)).toBe(true);
    expect(requestIdentity(a)).not.toBe(requestIdentity({ ...a, width: 431 }));
  });

  it('ignores the order of a colour’s channels, as the library does', () => {
    const style = { width: 430, autoColor: false, transparent: false, envVersion: 'release' as const };
    const a = { kind: 'limited' as const, path: 'p', ...style, lineColor: { r: 1, g: 2, b: 3 } };
    expect(sameRequest(a, { ...a, lineColor: { b: 3, g: 2, r: 1 } })).toBe(true);
    expect(sameRequest(a, { ...a, lineColor: { r: 1, g: 2, b: 4 } })).toBe(false);
  });
});

describe('draftOf', () => {
  const style = { width: 612, autoColor: false, lineColor: { r: 26, g: 173, b: 25 }, transparent: true };
  const requests: CodeRequest[] = [
    { kind: 'limited', path: 'pages/shop/index?id=7', envVersion: 'trial', ...style },
    {
      kind: 'unlimited',
      scene: 'id=42',
      page: '',
      checkPath: false,
      envVersion: 'develop',
      ...style,
      // As stored: under automatic colour the request carries the default line colour.
      autoColor: true,
      lineColor: { r: 0, g: 0, b: 0 },
    },
    { kind: 'qrcode', path: 'pages/news/index', width: 300 },
  ];

  it.each(requests)('fills the form so it asks for the same $kind code again', (request) => {
    const draft = draftOf(request);
    expect(draft.kind).toBe(request.kind);
    const again = checkDraft(draft).request;
    expect(again).not.toBeNull();
    expect(sameRequest(again!, request)).toBe(true);
  });

  it('shows the colour as the form writes it', () => {
    expect(draftOf(requests[0]!).lineColor).toBe('#1aad19');
  });
});

describe('sameTarget', () => {
  const made = checkDraft({ ...EMPTY_DRAFT, path: 'pages/a?id=1', lineColor: '#ff0000', width: '600' })
    .request!;
  const draft = draftOf(made);

  it('holds while only width, colour and background change: the preview repaints those', () => {
    expect(sameTarget(draft, made)).toBe(true);
    expect(sameTarget({ ...draft, width: '800', lineColor: '#00ff00', transparent: true }, made)).toBe(true);
    expect(sameTarget({ ...draft, autoColor: true }, made)).toBe(true);
    // A half-typed width does not make the code another one.
    expect(sameTarget({ ...draft, width: '6' }, made)).toBe(true);
  });

  it('breaks when the path, kind, version or target changes, or the form cannot be made at all', () => {
    expect(sameTarget({ ...draft, path: 'pages/a?id=2' }, made)).toBe(false);
    expect(sameTarget({ ...draft, envVersion: 'trial' }, made)).toBe(false);
    expect(sameTarget({ ...draft, kind: 'qrcode' }, made)).toBe(false);
    expect(sameTarget({ ...draft, path: '' }, made)).toBe(false);
    const unlimited = checkDraft({ ...EMPTY_DRAFT, kind: 'unlimited', scene: 'id=1', page: 'pages/a' })
      .request!;
    const form = draftOf(unlimited);
    expect(sameTarget({ ...form, width: '900' }, unlimited)).toBe(true);
    expect(sameTarget({ ...form, scene: 'id=2' }, unlimited)).toBe(false);
    expect(sameTarget({ ...form, page: 'pages/b' }, unlimited)).toBe(false);
    expect(sameTarget({ ...form, checkPath: false }, unlimited)).toBe(false);
  });
});

describe('checkDraft warnings', () => {
  it('warns about a web address or an .html page, and not about a page path', () => {
    expect(checkDraft({ ...EMPTY_DRAFT, path: 'https://x.com/a.html' }).warning?.message.en).toBe(
      'Page path looks like a web address; a mini program code opens a page of the mini program.',
    );
    expect(checkDraft({ ...EMPTY_DRAFT, path: 'pages/a/index.html?id=1' }).warning?.hint.en).toContain(
      'such as pages/a/index?id=1',
    );
    const page = checkDraft({ ...EMPTY_DRAFT, kind: 'unlimited', scene: 'a', page: 'www.x.com/a' });
    expect(page.warning?.field).toBe('page');
    expect(checkDraft({ ...EMPTY_DRAFT, path: 'pages/html/index?u=a.htm.x' }).warning).toBeNull();
  });
});
