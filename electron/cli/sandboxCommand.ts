import { startSandbox } from '../sandbox';
import { parseFlags, wholeNumber } from './flags';

export const SANDBOX_USAGE = 'wxacode sandbox [--port N] [--quota N] [--daily-limit N] [--rate-per-minute N]';

/** Serves the local stand-in for api.weixin.qq.com until the process is stopped. */
export async function sandboxCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseFlags(
    args,
    {
      port: { type: 'string' },
      quota: { type: 'string' },
      'daily-limit': { type: 'string' },
      'rate-per-minute': { type: 'string' },
    },
    SANDBOX_USAGE,
  );
  const sandbox = await startSandbox({
    port: wholeNumber('--port', values.port, 0, 65535, 8787),
    quotaLimit: wholeNumber('--quota', values.quota, 0, 100_000_000, 100_000),
    dailyLimit: wholeNumber('--daily-limit', values['daily-limit'], 0, 100_000_000, 10_000),
    // The sandbox keeps one slot per call a minute allows: a million is 8 MB, and far past WeChat's 5,000.
    unlimitedPerMinute: wholeNumber('--rate-per-minute', values['rate-per-minute'], 0, 1_000_000, 5000),
  });
  out(`WeChat sandbox listening on ${sandbox.url}`);
  out(
    'AppID wx0123456789abcdef, AppSecret sandbox-secret. Codes from here are not real WeChat codes. Ctrl+C stops it.',
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      void sandbox.close().then(resolve);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
