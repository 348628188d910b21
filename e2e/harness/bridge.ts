import type { Page } from 'playwright-core';
import { type HandlerTable, invokeChannel } from '../../electron/ipc';
import { CHANNEL_NAMES } from '../../shared/channelNames';
import type { Channel } from '../../shared/ipc';

/** Every answer the page got, as the JSON it crossed the bridge in: searched for leaked secrets. */
export interface BridgeLog {
  answers: Array<{ channel: string; json: string }>;
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
  const log: BridgeLog = { answers: [] };
  await page.exposeBinding('__wxacodeInvoke', async (_source, channel: Channel, payload: unknown) => {
    const result = encode(await invokeChannel(table, channel, payload));
    log.answers.push({ channel, json: JSON.stringify(result) });
    return result;
  });
  await page.addInitScript(pageSide([...CHANNEL_NAMES]));
  return log;
}

/**
 * The page's half, as source text: a function handed to addInitScript would be compiled by the
 * caller's TypeScript loader, and tsx adds helpers (`__name`) that do not exist in the page.
 */
function pageSide(channelNames: string[]): string {
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
    Object.defineProperty(window, 'wxacode', { value: Object.freeze(api) });
  })();`;
}
