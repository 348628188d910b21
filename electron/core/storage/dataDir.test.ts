import { homedir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { dataDir } from './dataDir';

describe('dataDir', () => {
  it('uses WXACODE_DATA_DIR when set, made absolute', () => {
    expect(dataDir({ WXACODE_DATA_DIR: '/srv/wxacode', HOME: '/home/ann' }, 'linux')).toBe('/srv/wxacode');
    expect(dataDir({ WXACODE_DATA_DIR: 'rel/dir' }, 'linux')).toBe(`${process.cwd()}/rel/dir`);
  });

  it('matches Electron userData on Linux: XDG_CONFIG_HOME, else ~/.config', () => {
    expect(dataDir({ HOME: '/home/ann' }, 'linux')).toBe('/home/ann/.config/WxaCode Studio');
    expect(dataDir({ HOME: '/home/ann', XDG_CONFIG_HOME: '/cfg' }, 'linux')).toBe('/cfg/WxaCode Studio');
    expect(dataDir({ HOME: '/home/ann', XDG_CONFIG_HOME: 'relative' }, 'linux')).toBe(
      '/home/ann/.config/WxaCode Studio',
    );
    expect(dataDir({}, 'linux')).toBe(`${homedir()}/.config/WxaCode Studio`);
  });

  it('matches Electron userData on macOS', () => {
    expect(dataDir({ HOME: '/Users/ann' }, 'darwin')).toBe(
      '/Users/ann/Library/Application Support/WxaCode Studio',
    );
  });

  it('matches Electron userData on Windows', () => {
    expect(dataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\WxaCode Studio',
    );
    expect(dataDir({ USERPROFILE: 'C:\\Users\\ann' }, 'win32')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\WxaCode Studio',
    );
    expect(dataDir({ WXACODE_DATA_DIR: 'D:\\codes' }, 'win32')).toBe('D:\\codes');
  });
});
