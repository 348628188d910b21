import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type CodeDesk, codeReply } from './codeEndpoints';
import { type Endpoint, type Fault, FaultPlan } from './faults';
import { CodeQuota, DailyCap, RollingMinuteLimit } from './limits';
import type { SandboxStats, Settings } from './options';
import { errcodeReply, jsonReply, type Reply } from './reply';
import type { CodeEndpoint } from './rules';
import { plainTokenReply, stableTokenReply } from './tokenEndpoints';
import { TokenBook } from './tokens';

const MAX_BODY_BYTES = 1 << 20;

interface Call {
  query: URLSearchParams;
  body: Buffer;
}

interface ApiRoute {
  endpoint: Endpoint;
  /** `spend` false: answer as usual but leave quota and rate window untouched (a faulted call). */
  serve: (call: Call, spend: boolean) => Reply;
}

type ControlRoute = (call: Call) => Reply;

const badGateway: Reply = {
  status: 502,
  headers: { 'Content-Type': 'text/html' },
  body: Buffer.from('<html>502 Bad Gateway</html>'),
};

function send(res: ServerResponse, reply: Reply): void {
  res.writeHead(reply.status, { ...reply.headers, 'Content-Length': String(reply.body.length) });
  res.end(reply.body);
}

/** The whole body, or undefined when it is larger than any WeChat request could be. */
async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size <= MAX_BODY_BYTES ? Buffer.concat(chunks) : undefined;
}

/** Resolves true after `ms`, or false as soon as the client hangs up. */
function stall(ms: number, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const onClose = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

async function answerWithFault(
  fault: Fault | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  answer: (spend: boolean) => Reply,
): Promise<void> {
  switch (fault?.kind) {
    case undefined:
      return send(res, answer(true));
    case 'errcode':
      return send(res, errcodeReply(fault.errcode));
    case 'html':
      return send(res, badGateway);
    case 'reset':
      req.socket.resetAndDestroy();
      return;
    case 'stall':
      // A slow but otherwise normal call: if the client waits it out, the call counts as usual.
      if (await stall(fault.ms, res)) send(res, answer(true));
      return;
    case 'truncate': {
      // A well-formed 200 whose body stops halfway: only a client that checks the image notices.
      const whole = answer(false);
      return send(res, { ...whole, body: whole.body.subarray(0, Math.floor(whole.body.length / 2)) });
    }
  }
}

export interface SandboxServer {
  server: Server;
  stats(): SandboxStats;
  issuedTokens(): string[];
}

export function createSandboxServer(settings: Settings): SandboxServer {
  const tokens = new TokenBook(settings.tokenTtlSeconds);
  const desk: CodeDesk = {
    tokens,
    quota: new CodeQuota(settings.quotaLimit, settings.numUsed),
    limitedDaily: new DailyCap(settings.dailyLimit),
    unlimitedRate: new RollingMinuteLimit(settings.unlimitedPerMinute),
    publishedPages: new Set(settings.publishedPages),
  };
  const faults = new FaultPlan();
  const calls: Record<Endpoint, number> = {
    stable_token: 0,
    token: 0,
    getwxacode: 0,
    getwxacodeunlimit: 0,
    createwxaqrcode: 0,
  };
  const stats = (): SandboxStats => ({ ...calls, numUsed: desk.quota.used });

  const code = (endpoint: CodeEndpoint): ApiRoute => ({
    endpoint,
    serve: (c, spend) => codeReply(endpoint, c.query.get('access_token'), c.body, desk, spend),
  });
  const api = new Map<string, ApiRoute>([
    [
      'POST /cgi-bin/stable_token',
      { endpoint: 'stable_token', serve: (c) => stableTokenReply(c.body, settings, tokens) },
    ],
    ['GET /cgi-bin/token', { endpoint: 'token', serve: (c) => plainTokenReply(c.query, settings, tokens) }],
    ['POST /wxa/getwxacode', code('getwxacode')],
    ['POST /wxa/getwxacodeunlimit', code('getwxacodeunlimit')],
    ['POST /cgi-bin/wxaapp/createwxaqrcode', code('createwxaqrcode')],
  ]);

  const control = new Map<string, ControlRoute>([
    ['GET /__sandbox/stats', () => jsonReply(stats())],
    [
      'POST /__sandbox/faults',
      ({ body }) => {
        let plan: unknown;
        try {
          plan = JSON.parse(body.toString('utf8'));
        } catch {
          return jsonReply({ ok: false, error: 'the body must be JSON' }, 400);
        }
        const problem = faults.arrange(plan);
        return problem ? jsonReply({ ok: false, error: problem }, 400) : jsonReply({ ok: true });
      },
    ],
    [
      'DELETE /__sandbox/faults',
      () => {
        faults.clear();
        return jsonReply({ ok: true });
      },
    ],
  ]);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const key = `${req.method} ${url.pathname}`;
    const body = await readBody(req);
    if (body === undefined)
      return send(res, jsonReply({ errcode: 413, errmsg: 'request body too large' }, 413));
    const call = { query: url.searchParams, body };
    const controlRoute = control.get(key);
    if (controlRoute) return send(res, controlRoute(call));
    const route = api.get(key);
    if (!route) return send(res, jsonReply({ errcode: 404, errmsg: `sandbox has no ${key}` }, 404));
    // Every call counts, faulted or not: stats show what the client attempted.
    calls[route.endpoint]++;
    await answerWithFault(faults.next(route.endpoint), req, res, (spend) => route.serve(call, spend));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, errcodeReply(-1));
      else res.destroy();
    });
  });
  return { server, stats, issuedTokens: () => [...tokens.issued] };
}
