// Test support: a company token service (中控服务器) on this computer, for the account tests.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RunningTokenService {
  /** Its address, without the query key. */
  url: string;
  close(): Promise<void>;
}

/**
 * Hands out `token()` to a caller with `Authorization: Bearer <credential>` (and `?key=<queryKey>`
 * when one is given), and 401 to anyone else.
 */
export async function startTokenService(options: {
  credential: string;
  queryKey?: string;
  token: () => Promise<string>;
}): Promise<RunningTokenService> {
  const server = createServer(async (req, res) => {
    const key = new URL(req.url ?? '/', 'http://x').searchParams.get('key') ?? undefined;
    if (req.headers.authorization !== `Bearer ${options.credential}` || key !== options.queryKey) {
      res.writeHead(401).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: await options.token(), expires_in: 3600 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
