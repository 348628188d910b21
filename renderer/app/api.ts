import { NO_BRIDGE, noAnswer } from '../../shared/errors/ipc';
import { type EventName, subscriberName } from '../../shared/ipc/channelNames';
import type {
  Channel,
  ChannelInput,
  ChannelResult,
  EventPayload,
  Subscriber,
  WxacodeApi,
} from '../../shared/ipc/channels';
import type { Result } from '../../shared/result';

type Invoke<C extends Channel> = (payload: ChannelInput<C>) => Promise<Result<ChannelResult<C>>>;

/**
 * Calls the main process through the preload's `window.wxacode`. Always resolves to a Result, so
 * every caller shows a failure the same way, even when the page runs outside the app.
 */
const bridge = (): Partial<WxacodeApi> | undefined =>
  (window as unknown as { wxacode?: Partial<WxacodeApi> }).wxacode;

export async function call<C extends Channel>(
  channel: C,
  payload: ChannelInput<C>,
): Promise<Result<ChannelResult<C>>> {
  const invoke = bridge()?.[channel] as Invoke<C> | undefined;
  if (!invoke) {
    return { ok: false, error: NO_BRIDGE };
  }
  try {
    return await invoke(payload);
  } catch (thrown) {
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    return { ok: false, error: noAnswer(detail) };
  }
}

/**
 * Listens to an event from the main process until the returned function is called. Outside the
 * app there is nothing to hear: the listener is simply never called.
 */
export function subscribe<E extends EventName>(
  event: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  const on = bridge()?.[subscriberName(event)] as Subscriber<E> | undefined;
  return on ? on(listener) : () => {};
}
