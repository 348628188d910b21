import { describe, expect, it } from 'vitest';
import type { FieldError } from './validateCodeRequest';
import { validateCodeRequest } from './validateCodeRequest';

/** The errors a user would see for this input (fails the test if the input was accepted). */
function errorsFor(input: unknown): FieldError[] {
  const result = validateCodeRequest(input);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

function onlyError(input: unknown, field: string): FieldError {
  const errors = errorsFor(input);
  expect(errors.map((e) => e.field)).toEqual([field]);
  return errors[0]!;
}

const limited = { kind: 'limited', path: 'pages/index/index?id=42' };
const unlimited = { kind: 'unlimited', scene: 'id=42' };
const black = { r: 0, g: 0, b: 0 };

describe('defaults and fields per kind', () => {
  it('fills every default for a limited code', () => {
    expect(validateCodeRequest(limited)).toEqual({
      ok: true,
      value: {
        kind: 'limited',
        path: 'pages/index/index?id=42',
        envVersion: 'release',
        width: 430,
        autoColor: false,
        lineColor: black,
        transparent: false,
      },
    });
  });

  it('fills every default for an unlimited code', () => {
    expect(validateCodeRequest(unlimited)).toEqual({
      ok: true,
      value: {
        kind: 'unlimited',
        scene: 'id=42',
        page: '',
        checkPath: true,
        envVersion: 'release',
        width: 430,
        autoColor: false,
        lineColor: black,
        transparent: false,
      },
    });
  });

  it('keeps only path and width for a square QR code, ignoring bad values of fields it does not use', () => {
    const result = validateCodeRequest({
      kind: 'qrcode',
      path: 'pages/a',
      width: '500',
      scene: '中文',
      envVersion: '',
      lineColor: 'red',
      transparent: 'maybe',
    });
    expect(result).toEqual({ ok: true, value: { kind: 'qrcode', path: 'pages/a', width: 500 } });
  });

  it('drops scene and page from a limited code, and path from an unlimited one', () => {
    const a = validateCodeRequest({ ...limited, scene: 'x', page: 'p', checkPath: false });
    expect(a.ok && Object.keys(a.value).sort()).toEqual(
      ['autoColor', 'envVersion', 'kind', 'lineColor', 'path', 'transparent', 'width'].sort(),
    );
    const b = validateCodeRequest({ ...unlimited, path: 'pages/a' });
    expect(b.ok && 'path' in b.value).toBe(false);
  });

  it('treats null like a missing field', () => {
    const result = validateCodeRequest({ ...limited, width: null, lineColor: null, envVersion: null });
    expect(result.ok && result.value).toMatchObject({ width: 430, lineColor: black, envVersion: 'release' });
  });

  it('sends the default colour under automatic colour, so one code is one request whatever the picker held', () => {
    const red = validateCodeRequest({
      kind: 'limited',
      path: 'pages/a',
      autoColor: true,
      lineColor: '#ff0000',
    });
    const green = validateCodeRequest({
      kind: 'limited',
      path: 'pages/a',
      autoColor: true,
      lineColor: '#00ff00',
    });
    expect(red.ok && green.ok && red.value).toEqual(green.ok && green.value);
    expect(red.ok && red.value.kind === 'limited' && red.value.lineColor).toEqual({ r: 0, g: 0, b: 0 });
  });

  it('does not share the default colour object between requests', () => {
    const a = validateCodeRequest(limited);
    if (!a.ok || a.value.kind === 'qrcode') throw new Error('expected a round code');
    a.value.lineColor.r = 255;
    const b = validateCodeRequest(limited);
    expect(b.ok && b.value.kind !== 'qrcode' && b.value.lineColor).toEqual(black);
  });
});

describe('kind', () => {
  it.each([undefined, 'round', 42, ''])('rejects %j naming the three kinds', (kind) => {
    const error = onlyError({ kind, path: 'pages/a' }, 'kind');
    expect(error.message.en).toBe('Code type must be limited, unlimited or qrcode.');
    expect(error.message.zh).toContain('limited、unlimited 或 qrcode');
    expect(error.hint.en).toContain('unlimited (round code with a scene, no total limit)');
  });

  it('accepts any case and surrounding spaces', () => {
    expect(validateCodeRequest({ kind: ' QRCode ', path: 'a' }).ok).toBe(true);
  });

  it('reports the kind for input that is not an object at all', () => {
    for (const input of [null, 'limited', [limited], 7]) expect(onlyError(input, 'kind').code).toBe('field');
  });

  it('still checks the style fields when the kind is unknown', () => {
    expect(errorsFor({ kind: 'x', width: 10, envVersion: 'beta' }).map((e) => e.field)).toEqual([
      'kind',
      'envVersion',
      'width',
    ]);
  });
});

describe('path', () => {
  it.each([undefined, '', '   '])('is required for a limited code (%j)', (path) => {
    const error = onlyError({ kind: 'limited', path }, 'path');
    expect(error.message).toEqual({ en: 'Page path is required.', zh: '页面路径不能为空。' });
    expect(error.hint.en).toContain('pages/index/index?id=42');
  });

  it('is required for a square QR code', () => {
    expect(onlyError({ kind: 'qrcode' }, 'path').message.en).toBe('Page path is required.');
  });

  it('must be text', () => {
    expect(onlyError({ kind: 'limited', path: { p: 1 } }, 'path').message.en).toBe('Page path must be text.');
  });

  it('allows 1024 characters for a limited code and not 1025', () => {
    const ok = `pages/a?x=${'a'.repeat(1014)}`;
    expect(validateCodeRequest({ kind: 'limited', path: ok }).ok).toBe(true);
    const error = onlyError({ kind: 'limited', path: `${ok}b` }, 'path');
    expect(error.message.en).toBe('Page path is 1025 characters long; WeChat allows at most 1024.');
    expect(error.message.zh).toContain('1025 个字符');
  });

  it('allows 128 bytes for a square QR code and not 129', () => {
    expect(validateCodeRequest({ kind: 'qrcode', path: 'p'.repeat(128) }).ok).toBe(true);
    const error = onlyError({ kind: 'qrcode', path: 'p'.repeat(129) }, 'path');
    expect(error.message.en).toBe(
      'Page path is 129 bytes long; a square QR code allows at most 128 bytes (a Chinese character takes 3).',
    );
    expect(error.message.zh).toBe('页面路径长 129 字节，普通二维码最多允许 128 字节（一个汉字占 3 字节）。');
  });

  it('counts a square path in UTF-8 bytes as WeChat does: 43 Chinese characters are 129 bytes', () => {
    expect(validateCodeRequest({ kind: 'qrcode', path: `${'中'.repeat(42)}ab` }).ok).toBe(true);
    expect(onlyError({ kind: 'qrcode', path: '中'.repeat(43) }, 'path').message.en).toContain(
      'is 129 bytes long',
    );
    // A limited code's path counts characters: the same 43 are well within its 1024.
    expect(validateCodeRequest({ kind: 'limited', path: '中'.repeat(43) }).ok).toBe(true);
  });

  it('counts Chinese characters as one each for a limited code', () => {
    expect(validateCodeRequest({ kind: 'limited', path: `pages/a?n=${'中'.repeat(1014)}` }).ok).toBe(true);
    expect(onlyError({ kind: 'limited', path: `pages/a?n=${'中'.repeat(1015)}` }, 'path').message.en).toBe(
      'Page path is 1025 characters long; WeChat allows at most 1024.',
    );
  });

  it.each([
    'pages/a?scancode_time=1',
    'pages/a?id=1&scancode_time=2',
    '?scancode_time',
    'pages/scancode_time/index',
    'pages/a?my_scancode_time=1',
  ])('rejects the reserved query key in %s', (path) => {
    for (const kind of ['limited', 'qrcode']) {
      const error = onlyError({ kind, path }, 'path');
      expect(error.message.en).toBe(
        'Page path contains scancode_time, a parameter WeChat reserves for itself.',
      );
      expect(error.message.zh).toContain('保留参数 scancode_time');
      // With the reserved pairs dropped from the query when that leaves a path (see the fixes' test).
      expect(error.hint.en).toMatch(/^Remove scancode_time from the page path(\.|: write .+\.)$/);
    }
  });

  it('keeps a leading slash as given', () => {
    const result = validateCodeRequest({ kind: 'limited', path: '/pages/index/index' });
    expect(result.ok && result.value.kind === 'limited' && result.value.path).toBe('/pages/index/index');
  });

  it('trims spaces a spreadsheet cell left around the path', () => {
    const result = validateCodeRequest({ kind: 'limited', path: '  pages/a?id=1 ' });
    expect(result.ok && result.value.kind === 'limited' && result.value.path).toBe('pages/a?id=1');
  });
});

describe('characters a path, page or scene cannot hold', () => {
  const unsafe: Array<[string, string, string]> = [
    ['a NUL', '\u0000', 'an invisible character (U+0000)'],
    ['a tab', '\t', 'an invisible character (U+0009)'],
    ['a line feed', '\n', 'an invisible character (U+000A)'],
    ['a unit separator', '\u001f', 'an invisible character (U+001F)'],
    ['DEL', '\u007f', 'an invisible character (U+007F)'],
    ['a zero-width space', '\u200b', 'an invisible character (U+200B)'],
    ['a zero-width joiner', '\u200d', 'an invisible character (U+200D)'],
    ['a right-to-left override', '\u202e', 'an invisible character (U+202E)'],
    ['a right-to-left isolate', '\u2067', 'an invisible character (U+2067)'],
    ['a byte order mark', '\ufeff', 'an invisible character (U+FEFF)'],
    ['a space', ' ', 'a space'],
    ['a no-break space', '\u00a0', 'a space (U+00A0)'],
    ['an ideographic space', '\u3000', 'a space (U+3000)'],
    ['<', '<', "'<'"],
    ['>', '>', "'>'"],
  ];

  it.each(unsafe)('refuses %s in a path, naming the field and the character', (_, char, shown) => {
    for (const kind of ['limited', 'qrcode']) {
      const error = onlyError({ kind, path: `pages/a?id=1${char}2` }, 'path');
      expect(error.message.en).toBe(`Page path contains ${shown}, which a page path cannot hold.`);
      expect(error.hint.en).toContain('%20');
    }
  });

  it.each(unsafe)('refuses %s in a page', (_, char, shown) => {
    const error = onlyError({ ...unlimited, page: `pages/a${char}b` }, 'page');
    expect(error.message.en).toBe(`Page contains ${shown}, which a page path cannot hold.`);
    expect(error.message.zh).toContain('页面含有');
  });

  it.each(unsafe)('refuses %s in a scene', (_, char, shown) => {
    const error = onlyError({ kind: 'unlimited', scene: `id${char}1` }, 'scene');
    expect(error.message.en).toBe(`Scene contains ${shown}, which WeChat does not allow.`);
  });

  it('keeps Chinese and full-width punctuation, which WeChat carries', () => {
    expect(validateCodeRequest({ kind: 'limited', path: 'pages/a?店=上海（浦东）' }).ok).toBe(true);
    expect(validateCodeRequest({ ...unlimited, page: 'pages/门店/index' }).ok).toBe(true);
  });
});

describe('scene', () => {
  it.each([undefined, '', '  '])('is required (%j)', (scene) => {
    const error = onlyError({ kind: 'unlimited', scene }, 'scene');
    expect(error.message.en).toBe('Scene is required for an unlimited code.');
    expect(error.hint.en).toContain('1 to 32 characters');
  });

  it('names the first character WeChat does not allow and says to use a short id', () => {
    const error = onlyError({ kind: 'unlimited', scene: 'id=中文%' }, 'scene');
    expect(error.message.en).toBe("Scene contains '中', which WeChat does not allow.");
    expect(error.message.zh).toBe("场景值 scene 含有微信不允许的字符 '中'。");
    expect(error.hint.en).toBe(
      "Use only letters, digits and ! # $ & ' ( ) * + , / : ; = ? @ - . _ ~; for other text, use a short id the mini program looks up.",
    );
  });

  it('names a percent sign, a space and an invisible character clearly', () => {
    expect(onlyError({ kind: 'unlimited', scene: 'a%20b' }, 'scene').message.en).toBe(
      "Scene contains '%', which WeChat does not allow.",
    );
    expect(onlyError({ kind: 'unlimited', scene: 'a b' }, 'scene').message.en).toBe(
      'Scene contains a space, which WeChat does not allow.',
    );
    expect(onlyError({ kind: 'unlimited', scene: 'a\tb' }, 'scene').message.en).toBe(
      'Scene contains an invisible character (U+0009), which WeChat does not allow.',
    );
  });

  it('accepts every character of the allowed set', () => {
    const scene = "09AZaz!#$&'()*+,/:;=?@-._~";
    const result = validateCodeRequest({ kind: 'unlimited', scene });
    expect(result.ok && result.value.kind === 'unlimited' && result.value.scene).toBe(scene);
  });

  it('allows 32 characters and not 33', () => {
    expect(validateCodeRequest({ kind: 'unlimited', scene: 'a'.repeat(32) }).ok).toBe(true);
    const error = onlyError({ kind: 'unlimited', scene: 'a'.repeat(33) }, 'scene');
    expect(error.message.en).toBe('Scene is 33 characters long; WeChat allows at most 32.');
    expect(error.hint.en).toContain('short id');
  });

  it('takes a number from a spreadsheet cell as text', () => {
    const result = validateCodeRequest({ kind: 'unlimited', scene: 1024 });
    expect(result.ok && result.value.kind === 'unlimited' && result.value.scene).toBe('1024');
  });
});

describe('page', () => {
  it('rejects a leading slash and shows the fixed form', () => {
    const error = onlyError({ ...unlimited, page: '/pages/index/index' }, 'page');
    expect(error.message).toEqual({ en: "Page must not start with '/'.", zh: "页面不能以 '/' 开头。" });
    expect(error.hint.en).toBe("Write it as pages/index/index (WeChat rejects a leading '/').");
  });

  it('rejects a query and says to put the data in the scene', () => {
    const error = onlyError({ ...unlimited, page: 'pages/a?id=1' }, 'page');
    expect(error.message.en).toBe("Page must not contain a query ('?…').");
    expect(error.hint.en).toContain('put the data in the scene');
  });

  it('rejects scancode_time', () => {
    expect(onlyError({ ...unlimited, page: 'pages/scancode_time' }, 'page').message.en).toBe(
      'Page contains scancode_time, a parameter WeChat reserves for itself.',
    );
  });

  it('allows 1024 characters and not 1025', () => {
    expect(validateCodeRequest({ ...unlimited, page: 'p'.repeat(1024) }).ok).toBe(true);
    expect(onlyError({ ...unlimited, page: 'p'.repeat(1025) }, 'page').message.en).toBe(
      'Page is 1025 characters long; WeChat allows at most 1024.',
    );
  });

  it("treats '' as the home page", () => {
    const result = validateCodeRequest({ ...unlimited, page: '' });
    expect(result.ok && result.value.kind === 'unlimited' && result.value.page).toBe('');
  });
});

describe('width', () => {
  it.each([12.5, 'abc', 100, 279, 1281, '12.5', '', '-300', true, Number.NaN])(
    'rejects %j with the range',
    (width) => {
      const error = onlyError({ ...limited, width }, 'width');
      expect(error.message).toEqual({
        en: 'Width must be a whole number from 280 to 1280 pixels.',
        zh: '宽度须为 280 到 1280 之间的整数像素。',
      });
      expect(error.hint.en).toBe('Enter a width such as 430 (the default).');
    },
  );

  it.each([
    [280, 280],
    [1280, 1280],
    ['640', 640],
    [' 800 ', 800],
  ])('accepts %j as %d', (width, expected) => {
    const result = validateCodeRequest({ ...limited, width });
    expect(result.ok && result.value.width).toBe(expected);
  });
});

describe('lineColor', () => {
  it.each([
    ['#1AAD19', { r: 26, g: 173, b: 25 }],
    ['1aad19', { r: 26, g: 173, b: 25 }],
    ['#f00', { r: 255, g: 0, b: 0 }],
    [
      { r: 10, g: 20, b: 30, a: 1 },
      { r: 10, g: 20, b: 30 },
    ],
    [
      { r: '255', g: '0', b: '128' },
      { r: 255, g: 0, b: 128 },
    ],
  ])('accepts %j', (lineColor, expected) => {
    const result = validateCodeRequest({ ...limited, lineColor });
    expect(result.ok && result.value.kind === 'limited' && result.value.lineColor).toEqual(expected);
  });

  it.each(['red', '#12345', '', { r: 256, g: 0, b: 0 }, { r: 1.5, g: 0, b: 0 }, { r: 0, g: 0 }, 0])(
    'rejects %j and shows the accepted forms',
    (lineColor) => {
      const error = onlyError({ ...unlimited, lineColor }, 'lineColor');
      expect(error.message.en).toBe(
        'Line color must be a hex color like #1aad19, or r, g, b values from 0 to 255.',
      );
      expect(error.message.zh).toContain('0 到 255');
      expect(error.hint.en).toBe('Use #rrggbb, for example #000000 for black (the default).');
    },
  );
});

describe('envVersion', () => {
  it.each(['', 'beta', 'Release1', 1])('rejects %j', (envVersion) => {
    const error = onlyError({ ...limited, envVersion }, 'envVersion');
    expect(error.message).toEqual({
      en: 'Version must be release, trial or develop.',
      zh: '版本须为 release、trial 或 develop。',
    });
    expect(error.hint.en).toContain('release for the published mini program');
  });

  it('accepts any case', () => {
    const result = validateCodeRequest({ ...unlimited, envVersion: 'TRIAL' });
    expect(result.ok && result.value.kind === 'unlimited' && result.value.envVersion).toBe('trial');
  });
});

describe('yes/no fields', () => {
  it.each([
    [true, true],
    ['true', true],
    ['YES', true],
    ['1', true],
    [1, true],
    ['是', true],
    [false, false],
    ['false', false],
    [' no ', false],
    ['0', false],
    [0, false],
    ['否', false],
  ])('reads %j as %s', (raw, expected) => {
    const result = validateCodeRequest({ ...unlimited, checkPath: raw, autoColor: raw, transparent: raw });
    expect(result.ok && result.value).toMatchObject({
      checkPath: expected,
      autoColor: expected,
      transparent: expected,
    });
  });

  it('names each bad field in its own words', () => {
    const errors = errorsFor({ ...unlimited, checkPath: 'maybe', autoColor: 2, transparent: '' });
    expect(errors.map((e) => [e.field, e.message.en])).toEqual([
      ['checkPath', '“Check page exists” must be yes or no.'],
      ['autoColor', '“Automatic color” must be yes or no.'],
      ['transparent', '“Transparent background” must be yes or no.'],
    ]);
    expect(errors[0]!.message.zh).toContain('检查页面是否存在');
    expect(errors[0]!.hint.en).toBe('Use true or false (yes/no and 1/0 work too).');
  });
});

describe('every mistake at once', () => {
  it('reports all bad fields of an unlimited code, each with a fix in both languages', () => {
    const errors = errorsFor({
      kind: 'unlimited',
      scene: '活动 2024',
      page: '/pages/a?x=1',
      checkPath: 'sometimes',
      envVersion: '',
      width: 100,
      autoColor: 'auto',
      lineColor: 'blue',
      transparent: 'clear',
    });
    // In the order the form shows them, so the first message is about the topmost field.
    expect(errors.map((e) => e.field)).toEqual([
      'scene',
      'page',
      'checkPath',
      'envVersion',
      'width',
      'autoColor',
      'lineColor',
      'transparent',
    ]);
    for (const error of errors) {
      expect(error.code).toBe('field');
      for (const text of [error.message.en, error.message.zh, error.hint.en, error.hint.zh]) {
        expect(text.trim().length).toBeGreaterThan(0);
      }
    }
  });

  it('reports a bad path and bad style together for a limited code', () => {
    expect(
      errorsFor({ kind: 'limited', path: '', width: 'wide', envVersion: 'prod' }).map((e) => e.field),
    ).toEqual(['path', 'envVersion', 'width']);
  });
});
