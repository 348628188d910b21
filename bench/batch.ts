// Batch throughput and memory: the batch engine next to a bare undici loop (the ceiling) at the same
// concurrency, same requests, at 430 px and at 1280 px; then the engine's peak RSS at two sizes.
// Every measured run is a child process of its own (its own event loop, its own peak RSS); the
// sandbox (rate limit off) runs in this process, so it never shares the engine's event loop.
// Run: npm run bench:batch  [-- --rows 300 --rss-rows 5000,50000 --concurrency 8 --widths 430,1280]
// A profile of the engine's child: --engine-node-flags='--cpu-prof --cpu-prof-dir=/tmp/prof' (with '=':
// the value starts with a dash); --rss-rows '' runs the throughput table only, --widths '' the memory
// runs only; --trace-memory prints what grows in them (see traceMemory in batchWorker.ts).
// The defaults finish in about 3 minutes on 2 cores; the figures use --rss-rows 5000,50000.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { startSandbox } from '../electron/sandbox';
import { fmt } from './stats';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '300' },
    'rss-rows': { type: 'string', default: '300,3000' },
    concurrency: { type: 'string', default: '8' },
    /** Code widths of the throughput runs. */
    widths: { type: 'string', default: '430,1280' },
    /** Extra node flags for the engine's child, e.g. --cpu-prof. */
    'engine-node-flags': { type: 'string', default: '' },
    /** The memory runs print, on stderr, what grows (see traceMemory in batchWorker.ts). */
    'trace-memory': { type: 'boolean', default: false },
  },
});

interface Measured {
  mode: string;
  rows: number;
  seconds: number;
  codesPerSecond: number;
  maxRssMiB: number;
  /** CPU of the measured process (all its threads) per code. */
  cpuMsPerCode: number;
  /** CPU of the sandbox (this process) per code during the run. */
  sandboxCpuMsPerCode: number;
}

const sandbox = await startSandbox({ unlimitedPerMinute: 0 });

function measure(mode: 'engine' | 'bare', rows: string, width: number, zip = false): Promise<Measured> {
  const flags = mode === 'engine' ? values['engine-node-flags'].split(' ').filter(Boolean) : [];
  const args = [
    ...flags,
    '--import',
    'tsx',
    'bench/batchWorker.ts',
    '--mode',
    mode,
    '--api-base',
    sandbox.url,
  ];
  args.push(
    '--rows',
    rows,
    '--concurrency',
    values.concurrency,
    '--width',
    String(width),
    ...(zip ? ['--zip'] : []),
    ...(zip && values['trace-memory'] ? ['--trace-memory'] : []),
  );
  const sandboxBefore = process.cpuUsage();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${mode} exited ${code}`));
      const sandboxCpu = process.cpuUsage(sandboxBefore);
      const measured = JSON.parse(out) as Omit<Measured, 'sandboxCpuMsPerCode'>;
      resolve({
        ...measured,
        sandboxCpuMsPerCode: (sandboxCpu.user + sandboxCpu.system) / 1000 / measured.rows,
      });
    });
  });
}

const c = values.concurrency;
console.log(
  `Batch benchmark: sandbox on 127.0.0.1 with its rate limit off, unlimited codes, concurrency ${c}\n`,
);
// CPU ms per code, the measured process's (all threads) and the sandbox's: on two cores the two
// together bound the rate (2 cores = 2000 CPU ms a second).
console.log(
  `| ${values.rows} rows | codes/s | seconds | peak RSS MiB | CPU ms/code (client / sandbox) | engine / ceiling |`,
);
console.log('|---|---|---|---|---|---|');
const throughput: Record<string, number> = {};
// --widths '' leaves the throughput runs out (a memory run only).
for (const width of values.widths.split(',').filter(Boolean).map(Number)) {
  // Ceiling and engine back to back at each width: the machine's load drifts less between them.
  const bare = await measure('bare', values.rows, width);
  const engine = await measure('engine', values.rows, width);
  const ratio = engine.codesPerSecond / bare.codesPerSecond;
  console.log(
    `| ${width} px, bare undici loop (the ceiling) | ${fmt(bare.codesPerSecond, 0)} | ${fmt(bare.seconds, 1)} | ${fmt(bare.maxRssMiB, 0)} | ${cpu(bare)} | |`,
  );
  console.log(
    `| ${width} px, batch engine (sheet → library, PNG files, journal, results CSV) | ${fmt(engine.codesPerSecond, 0)} | ${fmt(engine.seconds, 1)} | ${fmt(engine.maxRssMiB, 0)} | ${cpu(engine)} | ${fmt(ratio, 2)} |`,
  );
  throughput[`ceiling_${width}_per_s`] = round(bare.codesPerSecond);
  throughput[`engine_${width}_per_s`] = round(engine.codesPerSecond);
  throughput[`ratio_${width}`] = round(ratio, 3);
  throughput[`cpu_ms_per_code_bare_${width}`] = round(bare.cpuMsPerCode, 2);
  throughput[`cpu_ms_per_code_engine_${width}`] = round(engine.cpuMsPerCode, 2);
  throughput[`cpu_ms_per_code_sandbox_${width}`] = round(engine.sandboxCpuMsPerCode, 2);
}

const sizes = values['rss-rows']
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
// --rss-rows '' leaves the memory runs out (a throughput run only).
const rss: Record<string, number> = {};
if (sizes.length > 0) {
  console.log('\n| peak memory, batch engine, 280 px, with ZIP | rows | codes/s | seconds | peak RSS MiB |');
  console.log('|---|---|---|---|---|');
  for (const size of sizes) {
    // A fresh process per size: each peak is that size's own.
    const m = await measure('engine', size, 280, true);
    rss[size] = round(m.maxRssMiB, 0);
    console.log(
      `| | ${m.rows} | ${fmt(m.codesPerSecond, 0)} | ${fmt(m.seconds, 1)} | ${fmt(m.maxRssMiB, 0)} |`,
    );
  }
  console.log(`\npeak RSS at ${sizes[sizes.length - 1]} rows / at ${sizes[0]} rows: ${fmt(rssGrowth(), 2)}`);
}
await sandbox.close();
console.log(
  `BENCH ${JSON.stringify({
    rows: Number(values.rows),
    concurrency: Number(c),
    ...throughput,
    rss_mib: rss,
    ...(sizes.length > 0 ? { rss_growth: round(rssGrowth(), 2) } : {}),
  })}`,
);
process.exit(0);

function rssGrowth(): number {
  return rss[sizes[sizes.length - 1]!]! / rss[sizes[0]!]!;
}

function cpu(m: Measured): string {
  return `${fmt(m.cpuMsPerCode, 2)} / ${fmt(m.sandboxCpuMsPerCode, 2)}`;
}

function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
