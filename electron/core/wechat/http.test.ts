import { getEventListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../../testing/assertions';
import { send } from './http';

// A real local server: /fast answers at once, /slow after half a second.
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const answer = () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":1}');
    if (req.url === '/slow') setTimeout(answer, 500);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('one call', () => {
  it("leaves nothing on the caller's signal once it ends, however many calls share it", async () => {
    // A batch's stop signal lives for the whole batch: a listener left per call would keep every
    // call's objects until the batch ends.
    const batch = new AbortController();
    for (let i = 0; i < 20; i++) {
      const res = await send('GET', `${base}/fast`, undefined, { signal: batch.signal });
      expect(res.body.toString()).toBe('{"ok":1}');
    }
    await failureOf(send('GET', `${base}/slow`, undefined, { signal: batch.signal, timeoutMs: 50 }));
    expect(getEventListeners(batch.signal, 'abort')).toHaveLength(0);
  });

  it('gives up after its timeout with the seconds in the error, not as cancelled', async () => {
    const failure = await failureOf(send('GET', `${base}/slow`, undefined, { timeoutMs: 100 }));
    expect(failure.error.code).toBe('timeout');
    expect(failure.error.message.en).toContain(`${base}/slow`);
  });

  it("is cancelled when the caller's signal aborts mid-call, and when it had aborted already", async () => {
    const stop = new AbortController();
    const call = send('GET', `${base}/slow`, undefined, { signal: stop.signal });
    setTimeout(() => stop.abort(), 50);
    expect((await failureOf(call)).error.code).toBe('cancelled');
    const again = await failureOf(send('GET', `${base}/fast`, undefined, { signal: stop.signal }));
    expect(again.error.code).toBe('cancelled');
  });
});
