import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../shared/ipc/channelNames';
import type { Channel } from '../../shared/ipc/channels';
import { appSecretKey, type SecretStore } from '../core/storage/secrets';
import { openTestApp, succeeded, type TestApp } from '../testing/testApp';
import { throwawayKeychain } from '../testing/throwawayKeyring';

const APP_SECRET = 'Fz9-fuzz-app-secret-2b7d41';
const APPID = 'wx00000000000000f1';

/**
 * One well-formed payload per channel, with only the keys it must have (optional ones are listed
 * so they are never "removed"): every fuzzed payload is derived from it and must be refused.
 * `undefined`: the channel takes nothing. A new channel fails to compile here until it is added.
 */
/** A full set of print options: the fuzz replaces each key of the payload (here: `print` as a whole). */
const PRINT = {
  printSize: '4cm',
  dpi: 300,
  labels: [
    { text: '南京西路店', position: 'below', size: 40, weight: 'bold', colour: '#000000', align: 'centre' },
  ],
  margin: 20,
  background: '#ffffff',
};

/** A poster draft in pixels of its background (shared/poster.ts). */
const DRAFT = {
  name: '门店海报',
  backgroundId: 'b1',
  dpi: 300,
  code: { x: 100, y: 100, size: 300 },
  texts: [
    { text: '{门店名称}', x: 250, y: 420, size: 40, colour: '#000000', weight: 'bold', align: 'centre' },
  ],
  output: 'png',
};

const WELL_FORMED: Record<Channel, { payload?: Record<string, unknown>; optional?: string[] }> = {
  'app:info': {},
  'app:showLog': {},
  'code:generate': {
    payload: { accountId: 'sandbox', request: { kind: 'limited', path: 'pages/index/index' } },
  },
  'code:save': { payload: { codeId: 'c1' } },
  'code:copy': { payload: { codeId: 'c1' } },
  'code:drag': { payload: { codeId: 'c1' } },
  'code:openAppJson': { payload: { accountId: 'sandbox' } },
  'code:pageList': { payload: { accountId: 'sandbox' } },
  'print:compose': { payload: { codeId: 'c1', print: PRINT } },
  'print:save': { payload: { codeId: 'c1', print: PRINT } },
  'print:copy': { payload: { codeId: 'c1', print: PRINT } },
  'print:drag': { payload: { codeId: 'c1', print: PRINT } },
  'print:chooseLogo': {},
  'posters:list': {},
  'posters:chooseBackground': {},
  'posters:import': {},
  'posters:open': { payload: { posterId: 'p1' } },
  'posters:preview': { payload: { draft: DRAFT } },
  'posters:save': { payload: { posterId: 'p1', draft: DRAFT }, optional: ['posterId'] },
  'posters:remove': { payload: { posterId: 'p1' } },
  'accounts:list': {},
  'accounts:save': {
    payload: { account: { name: 'Fuzz', appId: 'wx00000000000000f2', source: { kind: 'sandbox' } } },
  },
  'accounts:remove': { payload: { id: 'sandbox' } },
  'accounts:forgetSecret': { payload: { id: 'sandbox' } },
  'accounts:test': { payload: { id: 'sandbox' } },
  'settings:get': {},
  'settings:update': {
    payload: {
      locale: 'zh',
      lastAccountId: 'sandbox',
      recentColors: ['#ff0000'],
      autoGenerateUnlimited: true,
    },
    optional: ['locale', 'lastAccountId', 'recentColors', 'autoGenerateUnlimited'],
  },
  'library:list': {
    payload: {
      query: 'a',
      accountId: 'sandbox',
      kind: 'limited',
      campaign: '春节',
      batch: 'b1',
      cursor: '400',
      limit: 10,
    },
    optional: ['query', 'accountId', 'kind', 'campaign', 'batch', 'cursor', 'limit'],
  },
  'library:image': { payload: { codeId: 'c1' } },
  'library:delete': { payload: { codeId: 'c1' } },
  'library:deleteMany': { payload: { codeIds: ['c1'] } },
  'library:campaigns': {},
  'library:export': { payload: { codeIds: ['c1'], batch: 'b1', zip: false }, optional: ['codeIds', 'batch'] },
  'library:printSheet': {
    payload: {
      codeIds: ['c1'],
      labels: ['{name}'],
      sheet: {
        paper: 'A4',
        landscape: false,
        size: '4cm',
        grid: { columns: 3, rows: 4 },
        cutMarks: true,
        cmyk: true,
      },
    },
    optional: ['labels'],
  },
  'batch:open': {},
  'batch:openDropped': { payload: { name: 'stores.csv', bytes: new Uint8Array([112, 97, 116, 104]) } },
  'batch:plan': {
    payload: {
      sheetId: 's1',
      accountId: 'sandbox',
      kind: 'limited',
      mapping: { path: 0 },
      style: { width: 430 },
    },
  },
  'batch:names': { payload: { planId: 'p1', nameTemplate: '{path}' } },
  'batch:sample': {
    payload: { planId: 'p1', nameTemplate: '{path}', print: { posterId: 'p1' } },
    optional: ['print'],
  },
  'batch:chooseFolder': {},
  'batch:chooseLogo': {},
  'batch:start': {
    payload: {
      planId: 'p1',
      folderGrant: 'g1',
      nameTemplate: '{path}',
      zip: false,
      concurrency: 2,
      ratePerMinute: 60,
      campaign: '春节',
      print: { labels: ['{门店名称}'], dpi: 300, format: 'svg', sheet: { paper: 'A4' } },
    },
    optional: ['campaign', 'print'],
  },
  'batch:pause': { payload: { jobId: 'j1' } },
  'batch:resume': { payload: { jobId: 'j1' } },
  'batch:cancel': { payload: { jobId: 'j1' } },
  'batch:status': {},
  'batch:unfinished': {},
  'batch:continue': { payload: { batchId: 'b1' } },
  'batch:discard': { payload: { batchId: 'b1' } },
  'batch:showOutput': { payload: { jobId: 'j1' } },
};

const MEGABYTE = 'x'.repeat(1024 * 1024);
function deeplyNested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { end: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}
/** Own keys named __proto__, as JSON.parse (and a structured clone) makes them, not a prototype. */
const withProtoKey = (value: object): Record<string, unknown> => {
  const rest = JSON.stringify(value).slice(1);
  return JSON.parse(`{"__proto__":{"polluted":true}${rest === '}' ? '' : ','}${rest}`);
};
const POLLUTING = withProtoKey({});
const CONSTRUCTOR = { constructor: { prototype: { polluted: true } } };

/** Values no key of any channel accepts. */
const WRONG_VALUES: [string, unknown][] = [
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['null', null],
  ['1 MB string', MEGABYTE],
  ['array of a number', [1]],
  ['deeply nested object', deeplyNested(10_000)],
  ['__proto__ object', POLLUTING],
];

/** Payloads no channel accepts whole (a channel that takes nothing accepts only undefined and {}). */
const WRONG_PAYLOADS: [string, unknown][] = [
  ['a number', 42],
  ['a string', 'text'],
  ['a boolean', true],
  ['an array', []],
  ['an extra key', { extra: 1 }],
  ['a constructor key', CONSTRUCTOR],
  ...WRONG_VALUES,
];

function fuzzedPayloads(channel: Channel): [string, unknown][] {
  const { payload, optional = [] } = WELL_FORMED[channel];
  if (!payload) return WRONG_PAYLOADS;
  const required = Object.keys(payload).filter((key) => !optional.includes(key));
  const cases: [string, unknown][] = [
    ...WRONG_PAYLOADS,
    ...(required.length ? [['no keys', {}] as [string, unknown]] : []),
  ];
  for (const key of Object.keys(payload)) {
    if (required.includes(key)) {
      const { [key]: _, ...rest } = payload;
      // A payload that loses its only required key is an empty object: already a case.
      if (Object.keys(rest).length > 0) cases.push([`missing ${key}`, rest]);
    }
    for (const [name, value] of WRONG_VALUES) cases.push([`${key} = ${name}`, { ...payload, [key]: value }]);
  }
  cases.push(['an extra key', { ...payload, extra: 1 }]);
  cases.push(['a __proto__ key', withProtoKey(payload)]);
  cases.push(['a constructor key', { ...payload, ...CONSTRUCTOR }]);
  return cases;
}

/** Nested objects are strict too: an extra key inside an account or its source is refused. */
const NESTED: [Channel, string, unknown][] = [
  [
    'accounts:save',
    'account with an extra key',
    { account: { name: 'Fuzz', appId: APPID, source: { kind: 'secret' }, hasSecret: true } },
  ],
  [
    'accounts:save',
    'source with hasCredential',
    {
      account: {
        name: 'Fuzz',
        appId: APPID,
        source: { kind: 'token-url', url: 'https://t.example.com', hasCredential: true },
      },
    },
  ],
  [
    'accounts:save',
    'account with a __proto__ key',
    { account: withProtoKey({ name: 'Fuzz', appId: APPID, source: { kind: 'sandbox' } }) },
  ],
  ['print:compose', 'print with an extra key', { codeId: 'c1', print: { ...PRINT, path: '/etc/passwd' } }],
  [
    'print:compose',
    'seven label lines',
    { codeId: 'c1', print: { ...PRINT, labels: Array.from({ length: 7 }, () => PRINT.labels[0]) } },
  ],
  [
    'print:save',
    'a label colour that is not #rrggbb',
    { codeId: 'c1', print: { ...PRINT, labels: [{ ...PRINT.labels[0], colour: 'red' }] } },
  ],
  [
    'print:copy',
    'a logo named by path',
    { codeId: 'c1', print: { ...PRINT, logo: { logoId: 'l1', ring: true, fraction: 0.45, path: '/x.png' } } },
  ],
  ['posters:save', 'a draft naming a background by path', { draft: { ...DRAFT, background: '/etc/x.png' } }],
  [
    'posters:preview',
    'a text field with an extra key',
    { draft: { ...DRAFT, texts: [{ ...DRAFT.texts[0], file: '/x' }] } },
  ],
  ['batch:plan', 'mapping with an extra key', { ...WELL_FORMED['batch:plan'].payload, mapping: { evil: 1 } }],
];

/** Every file of the data folder but the support log, whose job is to record each refusal. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.parentPath === join(dir, 'logs')) continue;
    const path = join(entry.parentPath, entry.name);
    files[path] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return files;
}

let app: TestApp;
/** Every keychain write or delete the handlers make. */
const keychainChanges: string[] = [];
/** Every desktop dialog or action the handlers start. */
const desktopCalls: string[] = [];

beforeAll(async () => {
  const keychain = throwawayKeychain();
  const recording: SecretStore = {
    ...keychain,
    set: (key, secret) => {
      keychainChanges.push(`set ${key}`);
      return keychain.set(key, secret);
    },
    delete: (key) => {
      keychainChanges.push(`delete ${key}`);
      return keychain.delete(key);
    },
  };
  app = await openTestApp({ secrets: recording });
  const desktop = app.desktop as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of [
    'saveDialog',
    'copyImage',
    'startDrag',
    'chooseSpreadsheet',
    'chooseAppJson',
    'chooseImage',
    'chooseTemplate',
    'chooseFolder',
    'showInFolder',
  ]) {
    const real = desktop[name]!;
    desktop[name] = (...args) => {
      desktopCalls.push(name);
      return real(...args);
    };
  }
  succeeded(
    await app.call('accounts:save', {
      account: { name: 'Real', appId: APPID, source: { kind: 'secret' }, apiBase: app.sandbox.url },
      secret: APP_SECRET,
    }),
  );
  keychainChanges.length = 0;
});

afterAll(async () => {
  await app.services.secrets.delete(appSecretKey(APPID));
  await app.close();
});

describe('every IPC channel, sent what a compromised page might send', () => {
  it('answers each payload with a validation Result naming the field, and changes nothing', async () => {
    const before = await snapshot(app.dataDir);
    const statsBefore = app.sandbox.stats();
    const cases: [Channel, string, unknown][] = [
      ...CHANNEL_NAMES.flatMap((channel) =>
        fuzzedPayloads(channel).map(([name, payload]): [Channel, string, unknown] => [
          channel,
          name,
          payload,
        ]),
      ),
      ...NESTED,
    ];
    const wrong: string[] = [];
    for (const [channel, name, payload] of cases) {
      const answer = await app.call(channel, payload);
      const text = JSON.stringify(answer);
      const refused =
        !answer.ok &&
        answer.error.code === 'field' &&
        typeof answer.error.field === 'string' &&
        answer.error.message.en !== '' &&
        answer.error.message.zh !== '' &&
        answer.error.hint.en !== '';
      // The answer names the fault; it never echoes a megabyte back.
      if (!refused || text.length > 4096) wrong.push(`${channel} (${name}): ${text.slice(0, 300)}`);
    }

    expect(wrong).toEqual([]);
    expect(cases.length).toBeGreaterThan(CHANNEL_NAMES.length * 13);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect(await snapshot(app.dataDir)).toEqual(before);
    expect(app.sandbox.stats()).toEqual(statsBefore);
    expect(app.sandbox.stats()).toMatchObject({ stable_token: 0, getwxacode: 0, getwxacodeunlimit: 0 });
    expect(keychainChanges).toEqual([]);
    expect(desktopCalls).toEqual([]);
    expect(app.desktop).toMatchObject({ copied: [], dragged: [], shown: [] });
    expect(app.events).toEqual([]);
    expect(await app.services.secrets.get(appSecretKey(APPID))).toBe(APP_SECRET);
  });
});
