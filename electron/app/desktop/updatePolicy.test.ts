// Updates decided against a real feed: electron-updater itself (the check the app runs, its
// latest.yml parsing and version comparison) asks a node:http server on 127.0.0.1, and UpdateFlow
// decides what the user is told. Only Electron's HTTP stack is swapped for Node's: no Electron here.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { NodeHttpExecutor } from 'builder-util';
import { NsisUpdater } from 'electron-updater';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TempFolder, tempFolder } from '../../testing/tempFolder';
import { feedUrlProblem, UpdateFlow } from './updatePolicy';

/** latest.yml as electron-builder writes it next to an installer. */
const latestYml = (version: string) => `version: ${version}
files:
  - url: WxaCode-Studio-Setup-${version}.exe
    sha512: ${'a'.repeat(86)}==
    size: 94371840
path: WxaCode-Studio-Setup-${version}.exe
sha512: ${'a'.repeat(86)}==
releaseDate: '2026-11-30T08:00:00.000Z'
`;

let server: Server;
let feed: string;
let data: TempFolder;
let dataDir: string;
/** What the feed serves next as its metadata file. */
let served = latestYml('0.2.0');
const asked: string[] = [];

beforeAll(async () => {
  data = await tempFolder('updates');
  dataDir = data.path;
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    asked.push(path);
    if (/^\/releases\/latest(-mac|-linux)?\.yml$/.test(path)) {
      response.writeHead(200, { 'content-type': 'text/yaml', connection: 'close' }).end(served);
    } else {
      response.writeHead(404, { connection: 'close' }).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feed = `http://127.0.0.1:${(server.address() as AddressInfo).port}/releases`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await data.remove();
});

/** electron-updater as the installed app `version` runs it, pointed at the test feed. */
function updater(version: string): NsisUpdater {
  const app = {
    version,
    name: 'WxaCode Studio',
    isPackaged: true,
    appUpdateConfigPath: join(dataDir, 'app-update.yml'),
    userDataPath: dataDir,
    baseCachePath: dataDir,
    whenReady: async () => {},
    relaunch() {},
    quit() {},
    onQuit() {},
  };
  const made = new NsisUpdater(null, app);
  (made as unknown as { httpExecutor: NodeHttpExecutor }).httpExecutor = new NodeHttpExecutor();
  made.setFeedURL({ provider: 'generic', url: feed });
  made.autoDownload = false;
  made.logger = null;
  return made;
}

/** The check the app runs at start or from the menu, and what the flow makes of it. */
async function check(current: string, latest: string, manual = false) {
  served = latestYml(latest);
  const flow = new UpdateFlow(current);
  const result = await updater(current).checkForUpdates();
  if (!result) throw new Error('the updater did not run');
  return {
    flow,
    step: flow.checked(
      { isUpdateAvailable: result.isUpdateAvailable, version: result.updateInfo.version },
      manual,
    ),
    result,
  };
}

describe('checking the feed', () => {
  it('downloads a newer version, reading the metadata file of this platform from the feed', async () => {
    const { step, result } = await check('0.1.0', '0.2.0');
    expect(step).toEqual({ kind: 'download', version: '0.2.0' });
    expect(result.updateInfo).toMatchObject({
      version: '0.2.0',
      releaseDate: '2026-11-30T08:00:00.000Z',
      files: [{ url: 'WxaCode-Studio-Setup-0.2.0.exe', size: 94371840 }],
    });
    const channelFile =
      { win32: 'latest.yml', darwin: 'latest-mac.yml' }[process.platform as string] ?? 'latest-linux.yml';
    expect(asked.at(-1)).toBe(`/releases/${channelFile}`);
  });

  it('compares versions as semver: 0.10.0 is newer than 0.9.0, the same or an older one is not', async () => {
    expect((await check('0.9.0', '0.10.0')).step).toEqual({ kind: 'download', version: '0.10.0' });
    expect((await check('0.2.0', '0.2.0')).step).toEqual({ kind: 'nothing' });
    expect((await check('0.3.0', '0.2.0')).step).toEqual({ kind: 'nothing' });
  });

  it('says "up to date" only when the user asked from the menu', async () => {
    expect((await check('0.2.0', '0.2.0', true)).step).toEqual({ kind: 'up-to-date', version: '0.2.0' });
    expect((await check('0.2.0', '0.2.0', false)).step).toEqual({ kind: 'nothing' });
  });

  it('offers a pre-release only to a pre-release', async () => {
    expect((await check('0.1.0', '0.2.0-beta.1')).step).toEqual({ kind: 'nothing' });
    expect((await check('0.2.0-beta.1', '0.2.0-beta.2')).step).toEqual({
      kind: 'download',
      version: '0.2.0-beta.2',
    });
  });

  it('fails with a clear error on metadata that is not a version, and downloads nothing', async () => {
    served = 'version: soon\nfiles: []\n';
    await expect(updater('0.1.0').checkForUpdates()).rejects.toThrow(/valid semver version: "soon"/);
    served = 'version: [unclosed\n';
    await expect(updater('0.1.0').checkForUpdates()).rejects.toThrow(/Cannot parse update info/);
  });
});

describe('restarting to update', () => {
  it('offers the restart once downloaded, and installs on the user’s word', () => {
    const flow = new UpdateFlow('0.1.0');
    expect(flow.restartAsked(false)).toEqual({ kind: 'nothing' });
    expect(flow.downloaded('0.2.0', false)).toEqual({ kind: 'prompt', version: '0.2.0' });
    expect(flow.readyVersion).toBe('0.2.0');
    expect(flow.restartAsked(false)).toEqual({ kind: 'install' });
  });

  it('never restarts while a batch runs: the offer waits for the batch to end', async () => {
    const { flow, step } = await check('0.1.0', '0.3.0');
    expect(step.kind).toBe('download');
    expect(flow.downloaded('0.3.0', true)).toEqual({ kind: 'wait-for-batch', version: '0.3.0' });
    expect(flow.batchEnded()).toEqual({ kind: 'prompt', version: '0.3.0' });
    // Offered once: the next batch's end does not ask again.
    expect(flow.batchEnded()).toBeUndefined();
  });

  it('holds a restart asked for while a batch started meanwhile, and offers it again when it ends', () => {
    const flow = new UpdateFlow('0.1.0');
    flow.downloaded('0.2.0', false);
    expect(flow.restartAsked(true)).toEqual({ kind: 'wait-for-batch' });
    expect(flow.batchEnded()).toEqual({ kind: 'prompt', version: '0.2.0' });
    expect(flow.restartAsked(false)).toEqual({ kind: 'install' });
  });

  it('does not download again a version already waiting for the restart', async () => {
    const { flow } = await check('0.1.0', '0.2.0');
    flow.downloaded('0.2.0', false);
    expect(flow.checked({ isUpdateAvailable: true, version: '0.2.0' }, false)).toEqual({ kind: 'nothing' });
  });
});

describe('the feed address set at build time', () => {
  it('must be https, except on this machine, and carry no credentials', () => {
    expect(feedUrlProblem('https://updates.example.com/wxacode')).toBeUndefined();
    expect(feedUrlProblem('http://127.0.0.1:8080/feed')).toBeUndefined();
    expect(feedUrlProblem('http://updates.example.com/wxacode')).toMatch(/must be an https:\/\/ address/);
    expect(feedUrlProblem('https://user:pw@updates.example.com/')).toMatch(/user name or password/);
    expect(feedUrlProblem('updates.example.com')).toMatch(/not a web address/);
  });
});
