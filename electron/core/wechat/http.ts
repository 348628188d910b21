import { Agent, type Dispatcher, EnvHttpProxyAgent, errors, request } from 'undici';
import { isLoopbackHost, mayCarryCredential } from '../../../shared/credentialAddress';
import { appError } from '../../../shared/errors';
import { publicUrl } from '../../../shared/redact';
import { Failure } from '../../../shared/result';

export interface HttpResponse {
  status: number;
  contentType: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface HttpOptions {
  dispatcher?: Dispatcher;
  timeoutMs?: number;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
let direct: Agent | undefined;
let viaProxy: EnvHttpProxyAgent | undefined;

/**
 * WeChat is reached through HTTPS_PROXY / NO_PROXY like any corporate tool must be; the local
 * sandbox never is, so a proxy set for WeChat cannot swallow calls to 127.0.0.1.
 */
export function dispatcherFor(url: string): Dispatcher {
  if (isLoopbackHost(new URL(url).hostname)) {
    direct ??= new Agent({ connections: 32, keepAliveTimeout: 10_000 });
    return direct;
  }
  viaProxy ??= new EnvHttpProxyAgent({ connections: 32 });
  return viaProxy;
}

// The URL as it may be shown to a person: never the query, which carries the access_token.
export { publicUrl };

/**
 * Every call the app makes carries a credential (an AppSecret, a bearer, an access_token) or brings
 * one back, so none goes over plain http to another computer, whatever a settings file or a flag
 * says: the last guard, after the account form, the account store and the CLI's flags.
 */
export async function send(
  method: 'GET' | 'POST',
  url: string,
  body: unknown,
  options: HttpOptions = {},
): Promise<HttpResponse> {
  if (!mayCarryCredential(new URL(url))) {
    throw new Failure(appError('insecure-address', { url }));
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const { signal, timedOut, release } = callSignal(timeoutMs, options.signal);
  try {
    const res = await request(url, {
      method,
      dispatcher: options.dispatcher ?? dispatcherFor(url),
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    const bytes = Buffer.from(await res.body.arrayBuffer());
    const contentType = res.headers['content-type'];
    return {
      status: res.statusCode,
      contentType: Array.isArray(contentType) ? (contentType[0] ?? '') : (contentType ?? ''),
      headers: res.headers,
      body: bytes,
    };
  } catch (cause) {
    if (options.signal?.aborted) throw new Failure(appError('cancelled'));
    if (
      timedOut() ||
      cause instanceof errors.HeadersTimeoutError ||
      cause instanceof errors.BodyTimeoutError
    ) {
      throw new Failure(appError('timeout', { url: publicUrl(url), seconds: Math.round(timeoutMs / 1000) }), {
        cause,
      });
    }
    throw new Failure(appError('network', { url: publicUrl(url), detail: networkDetail(cause) }), { cause });
  } finally {
    release();
  }
}

/**
 * The signal one call is made with: aborted by the caller's signal or after `timeoutMs`, whichever
 * comes first, and let go of as soon as the call ends. AbortSignal.timeout's timer and signal live
 * the whole 30 s whatever the call took, and AbortSignal.any ties each call's signal to the batch's
 * long-lived one: a batch's every call then outlived the young generation, and at 8,000 rows they
 * were a fifth of what the collector had to sweep from the old one (17 of 93 MiB, sampled).
 */
function callSignal(
  timeoutMs: number,
  caller?: AbortSignal,
): { signal: AbortSignal; timedOut: () => boolean; release: () => void } {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException('The call timed out', 'TimeoutError'));
  }, timeoutMs);
  const follow = () => controller.abort(caller?.reason);
  if (caller?.aborted) follow();
  else caller?.addEventListener('abort', follow, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    release: () => {
      clearTimeout(timer);
      caller?.removeEventListener('abort', follow);
    },
  };
}

function networkDetail(cause: unknown): string {
  const error = cause as { code?: string; cause?: { code?: string }; message?: string };
  return error.code ?? error.cause?.code ?? error.message ?? String(cause);
}
