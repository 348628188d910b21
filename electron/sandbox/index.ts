import type { AddressInfo } from 'node:net';
import { type SandboxOptions, type SandboxStats, withDefaults } from './options';
import { createSandboxServer } from './server';

export type { SandboxOptions, SandboxStats } from './options';

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:41234, to use in place of https://api.weixin.qq.com */
  url: string;
  port: number;
  stats(): SandboxStats;
  /** Every access_token this sandbox has issued, expired and revoked ones included (for tests). */
  issuedTokens(): string[];
  close(): Promise<void>;
}

/**
 * Starts a local stand-in for api.weixin.qq.com that applies WeChat's rules on its own.
 *
 * Choices where WeChat's behaviour is unknown or was simplified:
 * - A missing access_token answers 40001 (WeChat may say 41001); stable_token's force_refresh answers
 *   45011 when under 30 s since the last one and 45009 after 20 in a day; a body that is not JSON
 *   answers 47001 on stable_token and 40159 on the code APIs.
 * - A page with a leading '/' or a '?' answers 40097; any path or page containing 'scancode_time' 85096;
 *   a non-numeric width, a non-boolean flag or a line_color without three 0–255 channels 40097.
 * - getwxacodeunlimit's rate window counts every call with a valid token, even ones refused later.
 * - 45009 means two things, as on WeChat: the per-minute limit on getwxacodeunlimit, and the daily cap
 *   (dailyLimit, default 10,000) on getwxacode and createwxaqrcode together, counted in codes made.
 * - Control routes: GET /__sandbox/stats; POST and DELETE /__sandbox/faults. Stats count every call to
 *   an endpoint, faulted ones included. Faulted calls spend no quota, except a stall the client waits
 *   out: that is a slow but normal call.
 */
export async function startSandbox(options?: SandboxOptions): Promise<RunningSandbox> {
  const settings = withDefaults(options);
  const { server, stats, issuedTokens } = createSandboxServer(settings);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = settings.host.includes(':') ? `[${settings.host}]` : settings.host;
  return {
    url: `http://${host}:${port}`,
    port,
    stats,
    issuedTokens,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive and stalled connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
