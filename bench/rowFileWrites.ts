// The output PNG's write alone, as a batch does it (8 rows at once, ~26 KB files): the old
// writeFileAtomic per file against GroupedFiles, interleaved, CPU ms per file (all threads).
// Run: npx tsx bench/rowFileWrites.ts [--files 1500 --rounds 3]
import '../electron/core/storage/threadPool';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../electron/core/storage/atomicFile';
import { GroupedFiles } from '../electron/core/storage/groupedFiles';
import { tempFolder } from '../electron/testing/tempFolder';

const { values } = parseArgs({
  options: { files: { type: 'string', default: '1500' }, rounds: { type: 'string', default: '3' } },
});
const files = Number(values.files);
const png = Buffer.alloc(26_000, 7);

async function run(write: (path: string) => Promise<void>): Promise<{ cpu: number; seconds: number }> {
  const folder = await tempFolder('row-writes');
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let i = next++; i < files; i = next++) await write(join(folder.path, `${i}.png`));
    }),
  );
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - started) / 1000;
  await folder.remove();
  return { cpu: (cpu.user + cpu.system) / 1000 / files, seconds };
}

for (let round = 0; round < Number(values.rounds); round++) {
  const atomic = await run((path) => writeFileAtomic(path, png));
  const grouped = new GroupedFiles();
  const inGroups = await run((path) => grouped.write(path, png));
  await grouped.close();
  console.log(
    `round ${round + 1}: writeFileAtomic ${atomic.cpu.toFixed(3)} ms CPU/file (${atomic.seconds.toFixed(1)} s), ` +
      `GroupedFiles ${inGroups.cpu.toFixed(3)} ms CPU/file (${inGroups.seconds.toFixed(1)} s, ${grouped.groups} groups)`,
  );
}
