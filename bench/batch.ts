// Batch throughput and memory: the batch engine next to a bare undici loop (the ceiling), same
// sandbox (rate limit off), same requests, same concurrency; then the engine's peak RSS at a larger
// size. Each measurement runs in a child process (its own peak RSS); the sandbox runs here.
// Run: npm run bench:batch  [-- --rows 5000 --large 50000 --concurrency 8]
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startSandbox } from '../electron/sandbox';
import { fmt } from './stats';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '5000' },
    large: { type: 'string', default: '50000' },
    concurrency: { type: 'string', default: '8' },
  },
});

interface Measured {
  mode: string;
  rows: number;
  seconds: number;
  codesPerSecond: number;
  maxRssMiB: number;
}

const sandbox = await startSandbox({ unlimitedPerMinute: 0 });

function measure(mode: 'engine' | 'bare', rows: string, width: number, zip = false): Promise<Measured> {
  const args = ['--import', 'tsx', 'bench/batchWorker.ts', '--mode', mode, '--api-base', sandbox.url];
  args.push(
    '--rows',
    rows,
    '--concurrency',
    values.concurrency,
    '--width',
    String(width),
    ...(zip ? ['--zip'] : []),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Measured) : reject(new Error(`${mode} exited ${code}`)),
    );
  });
}

const c = values.concurrency;
console.log(
  `Batch benchmark: sandbox on 127.0.0.1 with its rate limit off, unlimited codes, concurrency ${c}\n`,
);
const bare = await measure('bare', values.rows, 430);
const engine = await measure('engine', values.rows, 430);
console.log(`| ${values.rows} rows, 430 px | codes/s | seconds | peak RSS MiB |`);
console.log('|---|---|---|---|');
console.log(
  `| bare undici loop (the ceiling) | ${fmt(bare.codesPerSecond, 0)} | ${fmt(bare.seconds, 1)} | ${fmt(bare.maxRssMiB, 0)} |`,
);
console.log(
  `| batch engine (sheet → library, PNG files, journal, results CSV) | ${fmt(engine.codesPerSecond, 0)} | ${fmt(engine.seconds, 1)} | ${fmt(engine.maxRssMiB, 0)} |`,
);
console.log(`engine / ceiling: ${fmt((engine.codesPerSecond / bare.codesPerSecond) * 100, 0)}%\n`);

const small = await measure('engine', values.rows, 280, true);
const large = await measure('engine', values.large, 280, true);
console.log('| peak memory, batch engine, 280 px, with ZIP | rows | codes/s | seconds | peak RSS MiB |');
console.log('|---|---|---|---|---|');
for (const m of [small, large]) {
  console.log(
    `| | ${m.rows} | ${fmt(m.codesPerSecond, 0)} | ${fmt(m.seconds, 1)} | ${fmt(m.maxRssMiB, 0)} |`,
  );
}
await sandbox.close();
process.exit(0);
