import type { BatchJob, BatchProgress, Slowdown } from '../core/batch/batchJob';

type Language = 'en' | 'zh';

const NON_TTY_EVERY_MS = 5000;
const BAR_WIDTH = 24;

function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s % 60).padStart(2, '0')}`;
}

const STATE_WORDS: Record<Language, Partial<Record<BatchProgress['state'], string>>> = {
  en: { pausing: 'pausing', paused: 'paused', stopping: 'stopping after the rows in flight' },
  zh: { pausing: '正在暂停', paused: '已暂停', stopping: '正在停止（等待进行中的行）' },
};

/** One line: bar, done of total, failed, speed, time left, and any state other than running. */
export function progressLine(p: BatchProgress, language: Language): string {
  const finished = p.done + p.failed;
  const filled = p.total ? Math.round((finished / p.total) * BAR_WIDTH) : BAR_WIDTH;
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`;
  const speed = p.codesPerSecond.toFixed(1);
  const left = p.remaining === 0 ? undefined : p.secondsLeft !== undefined ? clock(p.secondsLeft) : '?';
  const state = STATE_WORDS[language][p.state];
  const parts =
    language === 'zh'
      ? [`${bar} ${p.done}/${p.total} 完成`, `失败 ${p.failed}`, `剩余 ${p.remaining}`, `${speed} 个/秒`]
      : [`${bar} ${p.done}/${p.total} done`, `${p.failed} failed`, `${p.remaining} left`, `${speed} codes/s`];
  if (left) parts.push(language === 'zh' ? `还需 ${left}` : `${left} to go`);
  return [...parts, ...(state ? [state] : [])].join(' · ');
}

function slowdownLine(s: Slowdown, language: Language): string {
  const seconds = Math.round(s.pauseMs / 1000);
  const pace = s.callsPerMinute ? Math.round(s.callsPerMinute) : undefined;
  return language === 'zh'
    ? `微信频率限制（45009）：暂停 ${seconds} 秒，之后${pace ? `以每分钟 ${pace} 次` : '放慢'}继续。`
    : `WeChat's rate limit (45009): pausing ${seconds} s, then going on${pace ? ` at ${pace} calls a minute` : ' slower'}.`;
}

/**
 * Shows a batch's progress on stderr: on a terminal one line that updates in place, elsewhere (a
 * log, CI) a line every few seconds. Returns a function that ends the display.
 */
export function showProgress(job: BatchJob, stream: NodeJS.WriteStream, language: Language): () => void {
  const tty = stream.isTTY === true;
  let lastPrinted = 0;
  let lastState: BatchProgress['state'] | undefined;
  let lineOpen = false;
  const onProgress = (p: BatchProgress) => {
    if (tty) {
      stream.write(`\r\x1b[2K${progressLine(p, language)}`);
      lineOpen = true;
      return;
    }
    const now = performance.now();
    if (now - lastPrinted < NON_TTY_EVERY_MS && p.state === lastState) return;
    lastPrinted = now;
    lastState = p.state;
    stream.write(`${progressLine(p, language)}\n`);
  };
  const onSlowdown = (s: Slowdown) => {
    stream.write(`${tty && lineOpen ? '\n' : ''}${slowdownLine(s, language)}\n`);
    lineOpen = false;
  };
  job.on('progress', onProgress);
  job.on('slowdown', onSlowdown);
  return () => {
    job.off('progress', onProgress);
    job.off('slowdown', onSlowdown);
    // The last state change already showed the final numbers; a terminal's line just needs ending.
    if (tty && lineOpen) stream.write('\n');
  };
}
