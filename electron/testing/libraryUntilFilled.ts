// Test support: a process (standing for the app or a CLI run) that opens the library in the folder
// given, says `open` once it has, and `filled <ms>` once the short-search index is whole, then closes.
import { Library } from '../core/storage/library';

const started = performance.now();
const library = await Library.open(process.argv[2]!);
process.stdout.write(`open ${Math.round(performance.now() - started)}\n`);
// The fill's timer does not keep a process alive (a CLI run exits when its work is done): this does.
const alive = setInterval(() => {}, 1_000);
await library.shortSearchFilled();
clearInterval(alive);
process.stdout.write(`filled ${Math.round(performance.now() - started)}\n`);
library.close();
