/**
 * What GroupedFiles' thread runs (plain JavaScript, started with `eval`, so it needs no file of its
 * own in the app's bundle). It gets a group of files and answers, for each, null or why it failed:
 * every file is written to its temp name, then each is flushed, closed and renamed (bytes durable
 * before the name), then each folder is flushed once. Synchronous calls on a thread of its own: a
 * file costs its system calls only, not a hand-off to libuv's pool and back for each of them.
 */
export const FILE_GROUP_WORKER = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const { dirname } = require('node:path');
// Folders some file systems refuse to flush; the renames are safe there already.
const UNFLUSHABLE = ['EINVAL', 'ENOTSUP', 'EPERM', 'EISDIR', 'EACCES'];
const why = (e) => (e && e.message) || String(e);

parentPort.on('message', (files) => {
  const failed = files.map(() => null);
  const fds = files.map((file, i) => {
    let fd;
    try {
      fd = fs.openSync(file.temp, 'wx', 0o666);
      for (let at = 0; at < file.data.length; ) at += fs.writeSync(fd, file.data, at, file.data.length - at);
    } catch (e) {
      failed[i] = why(e);
    }
    return fd;
  });
  files.forEach((file, i) => {
    const fd = fds[i];
    if (fd === undefined) return;
    try {
      if (!failed[i]) fs.fsyncSync(fd);
    } catch (e) {
      failed[i] = why(e);
    }
    try {
      fs.closeSync(fd);
    } catch (e) {
      failed[i] = failed[i] || why(e);
    }
    try {
      if (!failed[i]) fs.renameSync(file.temp, file.path);
    } catch (e) {
      failed[i] = why(e);
    }
    if (failed[i]) {
      try {
        fs.unlinkSync(file.temp);
      } catch {}
    }
  });
  const folders = new Map();
  files.forEach((file, i) => {
    const folder = dirname(file.path);
    if (!failed[i] && !folders.has(folder)) folders.set(folder, flushFolder(folder));
  });
  files.forEach((file, i) => {
    if (!failed[i]) failed[i] = folders.get(dirname(file.path));
  });
  parentPort.postMessage(failed);
});

function flushFolder(folder) {
  if (process.platform === 'win32') return null;
  let fd;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
    return null;
  } catch (e) {
    return UNFLUSHABLE.includes(e && e.code) ? null : why(e);
  } finally {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {}
    }
  }
}
`;
