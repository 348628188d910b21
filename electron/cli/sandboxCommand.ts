import { Failure } from '../../shared/result';
import { startSandbox } from '../sandbox';
import { flagError, parseFlags } from './flags';

export const SANDBOX_USAGE = 'wxacode sandbox [--port N] [--quota N] [--rate-per-minute N]';

/** Serves the local stand-in for api.weixin.qq.com until the process is stopped. */
export async function sandboxCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseFlags(
    args,
    { port: { type: 'string' }, quota: { type: 'string' }, 'rate-per-minute': { type: 'string' } },
    SANDBOX_USAGE,
  );
  const number = (flag: string, raw: string | undefined, min: number, max: number) => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    throw new Failure(
      flagError(
        flag,
        `${flag} must be a whole number from ${min} to ${max}.`,
        `${flag} 须为 ${min} 到 ${max} 之间的整数。`,
        `For example ${flag} ${max === 65535 ? 8787 : min}.`,
        `例如 ${flag} ${max === 65535 ? 8787 : min}。`,
      ),
    );
  };
  const sandbox = await startSandbox({
    port: number('--port', values.port, 0, 65535),
    quotaLimit: number('--quota', values.quota, 0, 100_000_000),
    unlimitedPerMinute: number('--rate-per-minute', values['rate-per-minute'], 0, 100_000_000),
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
