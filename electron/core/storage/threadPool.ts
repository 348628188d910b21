// Imported first by the CLI's and the app's entry, and by the batch benchmark: libuv reads this when
// its thread pool starts, at the first file operation. A batch row waits on several flushes to disk
// (fsync: the library's PNG and index, the output PNG, the journal), each holding a pool thread while
// it waits; with libuv's default 4 threads, 8 rows in flight queue behind each other's flushes and
// the CPU sits idle. A user's own setting wins.
if (!process.env.UV_THREADPOOL_SIZE) process.env.UV_THREADPOOL_SIZE = '16';

export const THREAD_POOL_SIZE = Number(process.env.UV_THREADPOOL_SIZE);
