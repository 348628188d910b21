import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// Memory a structure keeps, as a test sees it: the process's heap and off-heap buffers after full
// garbage collections, so only what is still referenced counts. Works without --expose-gc.

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Bytes in use (JS heap + array buffers) once garbage is collected. */
export function bytesInUseAfterGc(): number {
  gc();
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}
