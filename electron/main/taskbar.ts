import { type BrowserWindow, Notification } from 'electron';
import type { BatchUpdate } from '../../shared/batch';
import type { Lang } from '../../shared/language';
import {
  BatchNotices,
  NO_PROGRESS,
  type TaskbarProgress,
  taskbarProgress,
} from '../app/desktop/batchSignals';

export interface TaskbarOptions {
  window: () => BrowserWindow | undefined;
  lang: () => Lang;
  /** A notification was clicked: bring the window forward on its Batch view. */
  showBatch: () => void;
}

/**
 * A batch seen from outside the window: the taskbar / dock bar follows its progress, and an OS
 * notification says when it has finished, stopped on an error or needs attention. Shown by the
 * main process: the page is granted no notification permission.
 */
export function batchOnTaskbar({ window, lang, showBatch }: TaskbarOptions): (update: BatchUpdate) => void {
  const notices = new BatchNotices();
  let bar: TaskbarProgress = NO_PROGRESS;
  // Kept referenced: a notification collected by the garbage collector loses its click handler.
  let shown: Notification | undefined;
  let watched: BrowserWindow | undefined;

  const setBar = (next: TaskbarProgress) => {
    bar = next;
    const target = window();
    if (!target || target.isDestroyed()) return;
    target.setProgressBar(next.progress, { mode: next.mode });
    if (watched !== target) {
      watched = target;
      // A red bar left by a batch that went wrong goes once the user has come back to the window.
      target.on('focus', () => {
        if (bar.mode === 'error') setBar(NO_PROGRESS);
      });
    }
  };

  return (update) => {
    setBar(taskbarProgress(update));
    const notice = notices.noticeFor(update, lang());
    if (!notice || !Notification.isSupported()) return;
    shown = new Notification({ title: notice.title, body: notice.body });
    shown.on('click', showBatch);
    shown.show();
  };
}
