import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import {
  CHANNEL_NAMES,
  type ChannelName,
  EVENT_NAMES,
  type EventName,
  subscriberName,
} from '../../shared/ipc/channelNames';

// Only the names are imported: this file runs in the sandboxed preload, which can require nothing
// but 'electron', so everything it uses is bundled into one file, and zod would add 100 kB for no use.

/** A function bound to one channel, as Heroic's makeHandlerInvoker: the page cannot pick the channel. */
const invoker = (channel: ChannelName) => (payload?: unknown) => ipcRenderer.invoke(channel, payload);

/** The page gets the payload only, never Electron's event (whose `sender` leads back to ipcRenderer). */
const subscriber = (event: EventName) => (listener: (payload: unknown) => void) => {
  const relay = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(event, relay);
  return () => {
    ipcRenderer.removeListener(event, relay);
  };
};

const api: Record<string, unknown> = {};
for (const channel of CHANNEL_NAMES) api[channel] = invoker(channel);
for (const event of EVENT_NAMES) api[subscriberName(event)] = subscriber(event);

contextBridge.exposeInMainWorld('wxacode', api);
