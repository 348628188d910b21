import type { Page } from 'playwright-core';
import type { Notify } from '../../electron/app/desktop/desktop';
import { type HandlerTable, invokeChannel } from '../../electron/main/ipc';
import { CHANNEL_NAMES, EVENT_NAMES, subscriberName } from '../../shared/ipc/channelNames';
import type { Channel } from '../../shared/ipc/channels';

/** Every answer and event the page got, as the JSON it crossed the bridge in: searched for leaked secrets. */
export interface BridgeLog {
  answers: Array<{ channel: string; json: string }>;
  events: Array<{ event: string; json: string }>;
  /** Sends an event to the page as the main process's webContents.send does (the backend's event sink). */
  send: Notify;
}

const BYTES = '__bytes';

/** Uint8Array does not survive exposeBinding's serialisation: binary travels as base64. */
function encode(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BYTES]: Buffer.from(value).toString('base64') };
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]));
  }
  return value;
}

/**
 * Gives the page `window.wxacode` as the preload does, one function per channel, each answered by
 * the real handler table through the real validation and Result wrapping (invokeChannel). The page
 * sees Uint8Arrays exactly as over Electron's IPC.
 */
export async function bridgeWxacode(page: Page, table: HandlerTable): Promise<BridgeLog> {
  // One after another, so the page gets events in the order they were sent.
  let delivered: Promise<unknown> = Promise.resolve();
  const log: BridgeLog = {
    answers: [],
    events: [],
    send(event, payload) {
      const encoded = encode(payload);
      const json = JSON.stringify(encoded);
      log.events.push({ event, json });
      // Source text rather than a function, for the reason pageSide gives.
      const script = `window.__wxacodeDeliver?.(${JSON.stringify(event)}, ${json})`;
      // A page that is navigating or closed has no listeners left: the event is dropped, as Electron drops it.
      delivered = delivered.then(() => page.evaluate(script)).catch(() => {});
    },
  };
  await page.exposeBinding('__wxacodeInvoke', async (_source, channel: Channel, payload: unknown) => {
    const result = encode(await invokeChannel(table, channel, payload));
    log.answers.push({ channel, json: JSON.stringify(result) });
    return result;
  });
  const subscribers = EVENT_NAMES.map((event) => [event, subscriberName(event)] as const);
  await page.addInitScript(pageSide([...CHANNEL_NAMES], subscribers));
  return log;
}

/**
 * The page's half, as source text: a function handed to addInitScript would be compiled by the
 * caller's TypeScript loader, and tsx adds helpers (`__name`) that do not exist in the page.
 */
function pageSide(channelNames: string[], subscribers: ReadonlyArray<readonly [string, string]>): string {
  return `(() => {
    const bytesKey = ${JSON.stringify(BYTES)};
    const decode = (value) => {
      if (Array.isArray(value)) return value.map(decode);
      if (value !== null && typeof value === 'object') {
        if (typeof value[bytesKey] === 'string') {
          return Uint8Array.from(atob(value[bytesKey]), (c) => c.charCodeAt(0));
        }
        return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decode(item)]));
      }
      return value;
    };
    const api = {};
    for (const channel of ${JSON.stringify(channelNames)}) {
      api[channel] = async (payload) => decode(await window.__wxacodeInvoke(channel, payload));
    }
    const listeners = new Map();
    for (const [event, name] of ${JSON.stringify(subscribers)}) {
      listeners.set(event, new Set());
      api[name] = (listener) => {
        // Each subscription gets a relay of its own, as in the preload: unsubscribing removes only it.
        const relay = (payload) => listener(payload);
        listeners.get(event).add(relay);
        return () => {
          listeners.get(event).delete(relay);
        };
      };
    }
    Object.defineProperty(window, '__wxacodeDeliver', {
      value: (event, payload) => {
        for (const relay of [...(listeners.get(event) ?? [])]) relay(decode(payload));
      },
    });
    Object.defineProperty(window, 'wxacode', { value: Object.freeze(api) });
  })();`;
}
