import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { join } from 'node:path';
import { TLSSocket } from 'node:tls';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type RunningSandbox, startSandbox } from '../sandbox';
import { decodePicture, pixel, readQr } from '../sandbox/testing';
import { tempFolderFor } from '../testing/tempFolder';

const tool = promisify(execFile);

// Every test here starts the CLI as its own process or several: seconds each on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let sandbox: RunningSandbox;
let home: string;

function wxacode(
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
      env: { ...process.env, WXACODE_DATA_DIR: home, LANG: 'en_US.UTF-8', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(options.stdin ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const sandboxCreds = () => ['--appid', 'wx0123456789abcdef', '--api-base', sandbox.url];
const secretEnv = { WXACODE_APPSECRET: 'sandbox-secret' };

beforeEach(async (test) => {
  sandbox = await startSandbox();
  home = await tempFolderFor(test, 'cli');
});
afterEach(async () => {
  await sandbox.close();
});

describe('wxacode generate', () => {
  it('saves a red, transparent 600 px code and prints Num-Used; the same request again costs nothing', async () => {
    const out = join(home, 'shop.png');
    const args = [
      'generate',
      '--out',
      out,
      '--path',
      'pages/shop/index?id=7',
      '--width',
      '600',
      '--line-color',
      '#ff0000',
      '--transparent',
      ...sandboxCreds(),
    ];
    const first = await wxacode(args, { env: secretEnv });
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toContain(`Saved ${out} (600×600 PNG)`);
    expect(first.stdout).toContain('Num-Used: 1 of 100000');
    const picture = decodePicture(await readFile(out));
    expect([picture.format, picture.width, picture.height]).toEqual(['png', 600, 600]);
    expect(pixel(picture, 0, 0)[3]).toBe(0);
    expect(readQr(picture)?.data).toBe('pages/shop/index?id=7');

    const again = await wxacode(args, { env: secretEnv });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('from the library');
    expect(sandbox.stats().getwxacode).toBe(1);

    const forced = await wxacode([...args, '--regenerate'], { env: secretEnv });
    expect(forced.code).toBe(0);
    expect(sandbox.stats().getwxacode).toBe(2);
  });

  it('makes unlimited and square codes', async () => {
    const unlimited = join(home, 'u.png');
    const run = await wxacode(
      [
        'generate',
        '--out',
        unlimited,
        '--scene',
        'store=9',
        '--page',
        'pages/new/page',
        '--no-check-path',
        '--env',
        'trial',
        ...sandboxCreds(),
      ],
      { env: secretEnv },
    );
    expect(run.code).toBe(0);
    expect(readQr(decodePicture(await readFile(unlimited)))?.data).toBe('pages/new/page?scene=store=9');
    const square = join(home, 'q.png');
    expect(
      (
        await wxacode(
          ['generate', '--out', square, '--qrcode', '--path', 'pages/index/index', ...sandboxCreds()],
          { env: secretEnv },
        )
      ).code,
    ).toBe(0);
    expect(sandbox.stats()).toMatchObject({ getwxacodeunlimit: 1, createwxaqrcode: 1 });
  });

  // One process per case, each with its own time limit: a loaded machine starts a CLI in seconds.
  it.each<[string, string[], RegExp]>([
    ['a width out of range', ['--path', 'pages/index/index', '--width', '100'], /--width: .*280.*1280/],
    ['a scene with Chinese characters', ['--scene', '门店17'], /--scene: .*门/],
    [
      'the reserved scancode_time',
      ['--path', 'pages/index/index?scancode_time=1'],
      /--path: .*scancode_time/,
    ],
    ['an unknown version', ['--path', 'pages/index/index', '--env', 'beta'], /--env: /],
    ['a colour name', ['--path', 'pages/index/index', '--line-color', 'red'], /--line-color: /],
    [
      'styling a square QR code cannot have',
      ['--qrcode', '--path', 'pages/index/index', '--transparent'],
      /--transparent does not apply to a square QR code.*\n.*Leave out --transparent/,
    ],
    [
      'both a path and a scene',
      ['--path', 'pages/index/index', '--scene', 'a=1'],
      /--path does not apply to an unlimited code/,
    ],
    [
      '--page without a scene',
      ['--path', 'pages/a', '--page', 'pages/b'],
      /--page does not apply to a mini program code by page path/,
    ],
  ])(
    'exits 2 for %s, naming the flag and the fix; sends nothing and writes no file',
    async (_case, flags, message) => {
      const out = join(home, 'bad.png');
      const run = await wxacode(['generate', '--out', out, ...flags, ...sandboxCreds()], { env: secretEnv });
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
      expect(sandbox.stats()).toMatchObject({
        stable_token: 0,
        getwxacode: 0,
        getwxacodeunlimit: 0,
        createwxaqrcode: 0,
      });
    },
  );

  it('exits 2 without credentials, or without the AppSecret, naming where to put it', async () => {
    const out = join(home, 'bad.png');
    const noCreds = await wxacode(['generate', '--out', out, '--path', 'pages/index/index']);
    expect(noCreds.code).toBe(2);
    expect(noCreds.stderr).toContain('--account NAME, --appid ID');
    const noSecret = await wxacode(['generate', '--out', out, '--path', 'p', ...sandboxCreds()]);
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toContain('WXACODE_APPSECRET');
    expect(existsSync(out)).toBe(false);
    expect(sandbox.stats()).toMatchObject({ stable_token: 0, getwxacode: 0, getwxacodeunlimit: 0 });
  });

  it('exits 3 with WeChat’s meaning and fix, and writes no file', async () => {
    const out = join(home, 'unpublished.png');
    const run = await wxacode(
      ['generate', '--out', out, '--scene', 'a', '--page', 'pages/unpublished/index', ...sandboxCreds()],
      { env: secretEnv },
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('41030');
    expect(run.stderr).toMatch(/publish/i);
    expect(existsSync(out)).toBe(false);
    const wrongSecret = await wxacode(['generate', '--out', out, '--path', 'p', ...sandboxCreds()], {
      env: { WXACODE_APPSECRET: 'wrong-secret-value' },
    });
    expect(wrongSecret.code).toBe(3);
    expect(wrongSecret.stderr).toContain('40125');
    expect(wrongSecret.stderr).not.toContain('wrong-secret-value');
  });

  it('exits 4 when the API cannot be reached', async () => {
    const base = sandbox.url;
    await sandbox.close();
    const run = await wxacode(
      [
        'generate',
        '--out',
        join(home, 'x.png'),
        '--path',
        'p',
        '--appid',
        'wx0123456789abcdef',
        '--api-base',
        base,
      ],
      { env: secretEnv },
    );
    expect(run.code).toBe(4);
    expect(run.stderr).toContain(base);
    sandbox = await startSandbox();
  });

  it('gets its token from a token service with --token-url', async () => {
    const token = await fetch(`${sandbox.url}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({
        grant_type: 'client_credential',
        appid: 'wx0123456789abcdef',
        secret: 'sandbox-secret',
      }),
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const seen: (string | undefined)[] = [];
    const service = createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ access_token: token.access_token, expires_in: 7000 }));
    });
    await new Promise<void>((r) => service.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(service.address() as AddressInfo).port}/token`;
    const out = join(home, 't.png');
    const run = await wxacode(
      [
        'generate',
        '--out',
        out,
        '--path',
        'pages/index/index',
        '--token-url',
        url,
        '--api-base',
        sandbox.url,
      ],
      { env: { WXACODE_TOKEN_CREDENTIAL: 'bearer-123' } },
    );
    service.close();
    expect(run.code, run.stderr).toBe(0);
    expect(seen).toEqual(['Bearer bearer-123']);
    expect(decodePicture(await readFile(out)).width).toBe(430);
  });
  it('reaches WeChat through HTTPS_PROXY, and not when NO_PROXY names the host', async (test) => {
    // A forward proxy on loopback that tunnels every CONNECT to the sandbox, whatever host it names,
    // speaking TLS for api.wechat.test with a certificate the CLI is told to trust.
    const certDir = await tempFolderFor(test, 'cert');
    const [key, cert] = [join(certDir, 'key.pem'), join(certDir, 'cert.pem')];
    await tool('openssl', [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'],
      ...['-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=api.wechat.test'],
      ...['-addext', 'subjectAltName=DNS:api.wechat.test'],
    ]);
    const tlsOptions = { isServer: true, key: await readFile(key), cert: await readFile(cert) };
    const proxied: string[] = [];
    const proxy = createServer();
    proxy.on('connect', (req, client, head) => {
      proxied.push(`${req.method} ${req.url}`);
      const upstream = connect(sandbox.port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        if (head.length > 0) client.unshift(head);
        const secure = new TLSSocket(client, tlsOptions);
        secure.pipe(upstream);
        upstream.pipe(secure);
        secure.on('error', () => upstream.destroy());
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const args = [
      'generate',
      '--out',
      join(home, 'p.png'),
      '--path',
      'pages/index/index',
      '--appid',
      'wx0123456789abcdef',
      '--api-base',
      'https://api.wechat.test',
    ];
    const env = { ...secretEnv, HTTPS_PROXY: proxyUrl, NODE_EXTRA_CA_CERTS: cert };
    const run = await wxacode(args, { env: { ...env, NO_PROXY: '' } });
    expect(run.code, run.stderr).toBe(0);
    expect(proxied.length).toBeGreaterThan(0);
    expect(new Set(proxied)).toEqual(new Set(['CONNECT api.wechat.test:443']));
    const tunnels = proxied.length;
    const bypass = await wxacode([...args, '--regenerate'], { env: { ...env, NO_PROXY: 'api.wechat.test' } });
    proxy.close();
    expect(bypass.code).toBe(4);
    expect(bypass.stderr).toContain('https://api.wechat.test');
    expect(proxied).toHaveLength(tunnels);
  });
});

describe('wxacode account', () => {
  it('stores the secret in the keychain, never prints it, generates with it, and removes it', async () => {
    const secret = 'sandbox-secret';
    const add = await wxacode(
      ['account', 'add', 'Shop', '--appid', 'wx0123456789abcdef', '--api-base', sandbox.url],
      { stdin: `${secret}\n` },
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('AppSecret stored in the OS keychain');
    const accountsFile = await readFile(join(home, 'accounts.json'), 'utf8');
    expect(accountsFile).toContain('wx0123456789abcdef');
    expect(accountsFile).not.toContain(secret);

    const list = await wxacode(['account', 'list']);
    expect(list.stdout).toMatch(/Shop\twx0123456789abcdef\tAppSecret in keychain/);
    expect(list.stdout + list.stderr).not.toContain(secret);

    const out = join(home, 'a.png');
    const run = await wxacode(['generate', '--out', out, '--path', 'pages/index/index', '--account', 'Shop']);
    expect(run.code, run.stderr).toBe(0);
    expect((await wxacode(['account', 'list'])).stdout).toContain('Num-Used 1/100000');

    const remove = await wxacode(['account', 'remove', 'Shop']);
    expect(remove.code).toBe(0);
    const after = await wxacode(['generate', '--out', out, '--path', 'p', '--account', 'Shop']);
    expect(after.code).toBe(2);
    expect(after.stderr).toContain('There is no account named “Shop”');
  });
  it('lists accounts without a keychain, and says plainly, exiting non-zero, when it cannot remove a secret', async () => {
    const secret = 'kept-secret-8e21c4';
    const noKeychain = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent' };
    const add = await wxacode(['account', 'add', 'Shop', '--appid', 'wx0123456789abcdef'], { stdin: secret });
    expect(add.code, add.stderr).toBe(0);

    const list = await wxacode(['account', 'list'], { env: noKeychain });
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toMatch(/^Shop\twx0123456789abcdef\tAppSecret unknown: No system keychain/m);

    const remove = await wxacode(['account', 'remove', 'Shop'], { env: noKeychain });
    expect(remove.code).toBe(4);
    expect(remove.stdout).not.toContain('Removed');
    expect(remove.stderr).toContain('could not be removed from the keychain and may still be stored');
    expect(remove.stderr).toContain('wx0123456789abcdef');
    expect(remove.stderr + remove.stdout).not.toContain(secret);
    // It said so because it is so: the secret is still in the keychain.
    const lookup = await tool('secret-tool', [
      'lookup',
      'service',
      'wxacode-studio',
      'username',
      'wx0123456789abcdef',
    ]);
    expect(lookup.stdout).toBe(secret);
    await tool('secret-tool', ['clear', 'service', 'wxacode-studio', 'username', 'wx0123456789abcdef']);
  });

  it('keeps a token URL’s query out of accounts.json and the list', async () => {
    const url = 'https://tokens.example.com/wxa?key=K3y-cli-77&sig=S1g-cli-88';
    const add = await wxacode([
      'account',
      'add',
      'Central',
      '--appid',
      'wx00000000000000c1',
      '--token-url',
      url,
    ]);
    expect(add.code, add.stderr).toBe(0);
    const list = await wxacode(['account', 'list']);
    expect(list.stdout).toContain('token service https://tokens.example.com/wxa (query in keychain)');
    const everything = add.stdout + list.stdout + (await readFile(join(home, 'accounts.json'), 'utf8'));
    expect(everything).not.toMatch(/K3y-cli-77|S1g-cli-88/);
    expect((await wxacode(['account', 'remove', 'Central'])).code).toBe(0);
  });
});

describe('credentials on the command line', () => {
  it('go over https only, except to this computer, whichever flag or variable names the address', async () => {
    const out = join(home, 'never.png');
    const base = ['generate', '--out', out, '--path', 'p'];
    const apiBase = await wxacode(
      [...base, '--appid', 'wx0123456789abcdef', '--api-base', 'http://wechat-proxy.test'],
      {
        env: secretEnv,
      },
    );
    expect(apiBase.code).toBe(2);
    expect(apiBase.stderr).toContain('unencrypted to wechat-proxy.test');
    expect(apiBase.stderr).toContain('https://wechat-proxy.test');
    const fromEnv = await wxacode([...base, '--appid', 'wx0123456789abcdef'], {
      env: { ...secretEnv, WXACODE_API_BASE: 'http://wechat-proxy.test' },
    });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).toContain('http://');
    const tokenUrl = await wxacode([
      ...base,
      '--token-url',
      'http://10.0.0.5/token',
      '--api-base',
      sandbox.url,
    ]);
    expect(tokenUrl.code).toBe(2);
    expect(tokenUrl.stderr).toContain('https://10.0.0.5/token');
    const stored = await wxacode(
      ['account', 'add', 'Plain', '--appid', 'wx0123456789abcdef', '--api-base', 'http://10.0.0.5'],
      {
        stdin: 'sandbox-secret',
      },
    );
    expect(stored.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(home, 'accounts.json'))).toBe(false);
    expect(sandbox.stats()).toMatchObject({ stable_token: 0, getwxacode: 0 });
  });
});

describe('wxacode sandbox', () => {
  it('announces its address and answers there', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/main.ts', 'sandbox', '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const line = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d))));
    const url = /WeChat sandbox listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
    expect(url).toBeDefined();
    const stats = await fetch(`${url}/__sandbox/stats`).then((r) => r.json());
    expect(stats).toMatchObject({ stable_token: 0, numUsed: 0 });
    const exited = new Promise((r) => child.once('close', r));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
