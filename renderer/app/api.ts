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
    return {
      ok: false,
      error: {
        code: 'internal',
        message: {
          en: 'This page must run inside WxaCode Studio.',
          zh: '此页面需在 WxaCode Studio 中运行。',
        },
        hint: { en: 'Open the WxaCode Studio app.', zh: '请打开 WxaCode Studio 应用。' },
      },
    };
  }
  try {
    return await invoke(payload);
  } catch (thrown) {
    const detail = thrown instanceof Error ? thrown.message : String(thrown);
    return {
      ok: false,
      error: {
        code: 'internal',
        message: { en: `The app did not answer: ${detail}`, zh: `应用未响应：${detail}` },
        hint: {
          en: 'Try again; if it happens again, restart the app.',
          zh: '请重试；如再次出现，请重启应用。',
        },
      },
    };
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
