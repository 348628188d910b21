import type { AddressInfo } from 'node:net';
import { type SandboxOptions, type SandboxStats, withDefaults } from './options';
import { createSandboxServer } from './server';

export type { SandboxOptions, SandboxStats } from './options';

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:41234, to use in place of https://api.weixin.qq.com */
  url: string;
  port: number;
  stats(): SandboxStats;
  close(): Promise<void>;
}

/** Starts a local stand-in for api.weixin.qq.com that applies WeChat's rules on its own. */
export async function startSandbox(options?: SandboxOptions): Promise<RunningSandbox> {
  const settings = withDefaults(options);
  const { server, stats } = createSandboxServer(settings);
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive and stalled connections would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
