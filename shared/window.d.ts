import type { WxacodeApi } from './ipc/channels';

/** What the preload puts on the page (electron/preload.ts). */
declare global {
  interface Window {
    readonly wxacode: WxacodeApi;
  }
}
