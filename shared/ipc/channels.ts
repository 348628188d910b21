import type { BatchUpdate } from '../batch';
import type { Result } from '../result';
import type { View } from '../views';
import type { ChannelName, EventName, SubscriberName } from './channelNames';
import { accountChannels } from './channels/accounts';
import { appChannels, settingsChannels } from './channels/app';
import { batchChannels } from './channels/batch';
import { codeChannels } from './channels/code';
import { libraryChannels } from './channels/library';
import type { ChannelSpec, Parser } from './channels/payloads';
import { printChannels } from './channels/print';

export type { AccountDraft, AccountView } from './channels/accounts';
export type { AppInfo, AppSettings } from './channels/app';
export type { BatchSampleView, FolderGrant } from './channels/batch';
export type { AppJsonPages, GeneratedCode } from './channels/code';
export type {
  CampaignView,
  ExportedCodes,
  HistorySheetChoice,
  LibraryEntryView,
  LibraryPage,
  SavedSheet,
} from './channels/library';
export { codeKind } from './channels/payloads';
export type { LogoView, PrintedCodeView, PrintOptions } from './channels/print';

/**
 * Every IPC channel, declared once. The main process registers a handler per entry through the
 * one wrapper in electron/ipc.ts, which validates the payload with `parse` before the handler
 * runs; the preload exposes one function per entry. Neither side types a channel by hand.
 * Each area of the app declares its part in channels/; they are joined here in the order of
 * CHANNEL_NAMES, the order of the IPC surface's snapshot.
 */
export const channels = {
  ...appChannels,
  ...codeChannels,
  ...printChannels,
  ...accountChannels,
  ...settingsChannels,
  ...libraryChannels,
  ...batchChannels,
} as const satisfies { [C in ChannelName]: ChannelSpec };

/** Every event the main process sends to the page, with its payload. */
export const events = {
  /** A running batch's progress: at most every ~250 ms, at every state change and at the end. */
  'batch:progress': { payload: {} as BatchUpdate },
  /** The menu or a clicked notification asks the window to show a view (a batch's end shows Batch). */
  'app:show-view': { payload: {} as { view: View } },
  /** WeChat reported an account's Num-Used (a code made by the form or a batch); main has kept it. */
  'accounts:numUsed': { payload: {} as { accountId: string; numUsed: number } },
} as const satisfies { [E in EventName]: { payload: unknown } };

export type Channel = keyof typeof channels;
export type ChannelPayload<C extends Channel> =
  (typeof channels)[C]['parse'] extends Parser<infer T> ? T : never;
/** What the renderer passes: the payload before validation (a code request may still be a draft). */
export type ChannelInput<C extends Channel> = C extends 'code:generate'
  ? { accountId: string; request: unknown; regenerate?: boolean }
  : ChannelPayload<C>;
export type ChannelResult<C extends Channel> = (typeof channels)[C]['result'];

export type EventPayload<E extends EventName> = (typeof events)[E]['payload'];

/** Calls one channel; channels that take nothing can be called without an argument. */
export type Invoker<C extends Channel> =
  undefined extends ChannelInput<C>
    ? (payload?: ChannelInput<C>) => Promise<Result<ChannelResult<C>>>
    : (payload: ChannelInput<C>) => Promise<Result<ChannelResult<C>>>;

/** Listens to one event until the returned function is called. */
export type Subscriber<E extends EventName> = (listener: (payload: EventPayload<E>) => void) => () => void;

/**
 * `window.wxacode`: one function per channel, keyed by the channel's name
 * (`wxacode['code:generate'](…)`), and one subscriber per event (`wxacode.onBatchProgress(…)`).
 */
export type WxacodeApi = { [C in Channel]: Invoker<C> } & {
  [E in EventName as SubscriberName<E>]: Subscriber<E>;
};
