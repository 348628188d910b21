import type { BatchUpdate } from '../../../shared/batch';
import type { Lang } from '../../../shared/language';
import { shellText } from './shellText';

/**
 * What the taskbar (Windows), the dock (macOS) or the launcher (Linux) shows of a batch: the share
 * of rows finished, or -1 for no bar. `mode` is Windows' colour: paused yellow, error red.
 */
export interface TaskbarProgress {
  progress: number;
  mode: 'none' | 'normal' | 'indeterminate' | 'paused' | 'error';
}

export const NO_PROGRESS: TaskbarProgress = { progress: -1, mode: 'none' };

/** The bar for one update of the batch. A batch that ended well leaves no bar; one that went wrong leaves a red one. */
export function taskbarProgress(update: BatchUpdate): TaskbarProgress {
  const { state, total, done, failed } = update.progress;
  const fraction = total > 0 ? Math.min(1, (done + failed) / total) : 0;
  switch (state) {
    case 'idle':
      return { progress: 2, mode: 'indeterminate' };
    case 'running':
    case 'stopping':
      return { progress: fraction, mode: 'normal' };
    case 'pausing':
    case 'paused':
      return { progress: fraction, mode: 'paused' };
    case 'finished':
      return outcome(update) === 'finished' || outcome(update) === 'cancelled'
        ? NO_PROGRESS
        : { progress: Math.max(fraction, 0.01), mode: 'error' };
  }
}

/** How a finished batch ended, as the user needs to hear about it. */
type Outcome = 'finished' | 'cancelled' | 'stopped' | 'attention';

function outcome(update: BatchUpdate): Outcome {
  const summary = update.summary;
  if (summary?.stoppedBy) return 'stopped';
  if (summary?.cancelled) return 'cancelled';
  if (update.progress.failed > 0 || summary?.outputError) return 'attention';
  return 'finished';
}

/** An OS notification; clicking it shows the window's Batch view. */
export interface BatchNotice {
  kind: 'finished' | 'stopped' | 'attention';
  title: string;
  body: string;
}

/**
 * The notification a batch update calls for: when the batch has finished, stopped on an error (it
 * can be continued), or finished with rows that need a look. A batch the user cancelled says
 * nothing: they know. Each batch (job) gets at most one notification.
 */
export class BatchNotices {
  private readonly told = new Set<string>();

  noticeFor(update: BatchUpdate, lang: Lang): BatchNotice | undefined {
    if (update.progress.state !== 'finished' || this.told.has(update.jobId)) return undefined;
    const ended = outcome(update);
    if (ended === 'cancelled') return undefined;
    this.told.add(update.jobId);
    const file = update.fileName;
    const { done, failed, total } = update.progress;
    switch (ended) {
      case 'finished':
        return {
          kind: 'finished',
          title: shellText(lang, 'batchFinishedTitle'),
          body: shellText(lang, 'batchFinishedBody', { done, file }),
        };
      case 'stopped':
        return {
          kind: 'stopped',
          title: shellText(lang, 'batchStoppedTitle'),
          body: shellText(lang, 'batchStoppedBody', { reason: update.summary!.stoppedBy!.message[lang] }),
        };
      case 'attention':
        return {
          kind: 'attention',
          title: shellText(lang, 'batchAttentionTitle'),
          body:
            failed > 0
              ? shellText(lang, 'batchAttentionBody', { failed, total, file })
              : shellText(lang, 'batchOutputBody', { reason: update.summary!.outputError!.message[lang] }),
        };
    }
  }
}
