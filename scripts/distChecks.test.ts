import { describe, expect, it } from 'vitest';
import { type DistFacts, describeFindings, distFindings } from './distChecks';

const facts = (over: Partial<DistFacts> = {}): DistFacts => ({
  host: 'linux',
  arch: 'x64',
  targets: ['linux'],
  env: { WXACODE_UPDATE_URL: 'https://updates.example.com/wxacode' },
  electronVersion: '45.4.1',
  cachedElectronZips: ['electron-v45.4.1-linux-x64.zip'],
  electronCache: '/home/me/.cache/electron',
  hasWine: false,
  ...over,
});

describe('what npm run dist checks before building', () => {
  it('builds the Linux packages on Linux with a feed and Electron in the cache, with nothing to say', () => {
    expect(distFindings(facts())).toEqual([]);
  });

  it('stops when the update feed is not given, naming the variable and the way out', () => {
    const [finding] = distFindings(facts({ env: {} }));
    expect(finding).toMatchObject({
      level: 'missing',
      what: expect.stringContaining('WXACODE_UPDATE_URL is not set'),
    });
    expect(finding?.fix).toContain('"none"');
    expect(distFindings(facts({ env: { WXACODE_UPDATE_URL: 'none' } }))).toEqual([]);
    expect(
      distFindings(facts({ env: { WXACODE_UPDATE_URL: 'http://updates.example.com' } }))[0],
    ).toMatchObject({
      level: 'missing',
      what: expect.stringContaining('https://'),
    });
  });

  it('says which Electron download it will need, and from where, when the cache does not have it', () => {
    const [finding] = distFindings(facts({ cachedElectronZips: [] }));
    expect(finding?.level).toBe('download');
    expect(finding?.what).toContain('electron-v45.4.1-linux-x64.zip');
    expect(finding?.fix).toContain('ELECTRON_MIRROR');
    expect(finding?.fix).toContain('github.com/electron/electron/releases/tag/v45.4.1');
  });

  it('stops a Windows build on Linux without Wine, and a macOS build anywhere but on a Mac', () => {
    const levels = (over: Partial<DistFacts>) =>
      distFindings(
        facts({
          cachedElectronZips: ['electron-v45.4.1-win32-x64.zip', 'electron-v45.4.1-darwin-x64.zip'],
          ...over,
        }),
      )
        .filter((f) => f.level === 'missing')
        .map((f) => f.what);
    expect(levels({ targets: ['win'] })).toEqual([expect.stringContaining('needs Wine')]);
    expect(levels({ targets: ['win'], hasWine: true })).toEqual([]);
    expect(levels({ targets: ['mac'] })).toEqual([
      expect.stringContaining('only be built (and signed) on macOS'),
    ]);
    expect(levels({ targets: ['mac'], host: 'darwin' })).toEqual([]);
  });

  it('warns of an unsigned installer, and stops instead when signing is required', () => {
    const win = facts({
      host: 'win32',
      targets: ['win'],
      cachedElectronZips: ['electron-v45.4.1-win32-x64.zip'],
    });
    expect(distFindings(win)).toEqual([
      expect.objectContaining({ level: 'unsigned', what: expect.stringContaining('WIN_CSC_LINK') }),
    ]);
    const required = { ...win, env: { ...win.env, WXACODE_REQUIRE_SIGNING: '1' } };
    expect(distFindings(required).map((f) => f.level)).toEqual(['missing']);
    const signed = { ...win, env: { ...required.env, WIN_CSC_LINK: '/secure/cert.pfx' } };
    expect(distFindings(signed)).toEqual([]);
    const mac = facts({
      host: 'darwin',
      targets: ['mac'],
      cachedElectronZips: ['electron-v45.4.1-darwin-x64.zip'],
    });
    expect(distFindings(mac)[0]?.what).toContain('APPLE_TEAM_ID');
  });

  it('lists what stops the build first', () => {
    const text = describeFindings(distFindings(facts({ env: {}, cachedElectronZips: [] })));
    expect(text.split('\n')[0]).toMatch(/^MISSING: WXACODE_UPDATE_URL/);
    expect(text).toMatch(/\nDOWNLOAD: electron-v45\.4\.1-linux-x64\.zip/);
  });
});
