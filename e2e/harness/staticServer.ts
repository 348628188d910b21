import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contentTypeOf, pageFile } from '../../electron/app/desktop/appFiles';

export interface StaticSite {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer as main's app:// handler does (the same files and types), but without
 * its header: the policy the page enforces here is the <meta> of the built index.html.
 */
export async function serveStatic(root: string): Promise<StaticSite> {
  const server = createServer(async (request, response) => {
    const file = pageFile(root, new URL(request.url ?? '/', 'http://x').pathname);
    if (file === undefined) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': contentTypeOf(file) });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
