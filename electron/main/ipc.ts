import { appError } from '../../shared/errors';
import { UNTRUSTED_SENDER } from '../../shared/errors/ipc';
import { type Channel, type ChannelPayload, type ChannelResult, channels } from '../../shared/ipc/channels';
import { type AppError, Failure, type Result } from '../../shared/result';
import type { ErrorLog } from '../core/storage/errorLog';

/** One handler per channel, typed from the shared map; handlers throw Failure for what the user can fix. */
export type HandlerTable = { [C in Channel]: (payload: ChannelPayload<C>) => Promise<ChannelResult<C>> };

/** The part of Electron's ipcMain this file needs, so it runs and is tested under plain Node. */
export interface IpcMainLike<Frame> {
  handle(
    channel: string,
    listener: (event: { senderFrame: Frame | null }, payload: unknown) => Promise<unknown>,
  ): void;
}

/**
 * Called with every error a channel answers with (the support log): the error the page is shown
 * and, when something threw, what did. An unexpected throw reaches the page only as `internal`.
 */
export type ErrorReport = (channel: Channel, error: AppError, cause?: unknown) => void;

/** Reports every error a channel answers with to the support log. */
export const reportTo =
  (log: ErrorLog): ErrorReport =>
  (channel, error, cause) =>
    log.failed(channel, error, { cause });

/**
 * Validates the payload with the channel's shared schema, runs the handler and answers with a
 * Result. Never throws: Electron would pass on only the message of a thrown error, and an
 * unexpected one could carry internals (paths, a request with a secret) to the page.
 */
export async function invokeChannel<C extends Channel>(
  table: HandlerTable,
  channel: C,
  payload: unknown,
  report?: ErrorReport,
): Promise<Result<ChannelResult<C>>> {
  const failed = (error: AppError, cause?: unknown): Result<never> => {
    report?.(channel, error, cause);
    return { ok: false, error };
  };
  try {
    const parsed = channels[channel].parse(payload) as Result<ChannelPayload<C>>;
    if (!parsed.ok) return failed(parsed.error);
    const handler = table[channel] as (payload: ChannelPayload<C>) => Promise<ChannelResult<C>>;
    return { ok: true, value: await handler(parsed.value) };
  } catch (cause) {
    return failed(cause instanceof Failure ? cause.error : appError('internal'), cause);
  }
}

/**
 * The only way a channel gets a handler in the main process. A sender that is not the app's own
 * page (an injected frame, a page navigated elsewhere) gets an error and the handler does not run.
 */
export function registerHandlers<Frame>(
  ipcMain: IpcMainLike<Frame>,
  table: HandlerTable,
  isTrustedSender: (frame: Frame | null) => boolean,
  report?: ErrorReport,
): void {
  for (const channel of Object.keys(channels) as Channel[]) {
    ipcMain.handle(channel, async (event, payload) => {
      if (!isTrustedSender(event.senderFrame)) {
        report?.(channel, UNTRUSTED_SENDER);
        return { ok: false, error: UNTRUSTED_SENDER };
      }
      return invokeChannel(table, channel, payload, report);
    });
  }
}
