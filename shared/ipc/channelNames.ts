/**
 * The names alone, without their schemas, so the preload bundles them without zod. shared/ipc/channels.ts
 * declares what each channel takes and returns, and fails to compile if the two lists drift apart.
 */
export const CHANNEL_NAMES = [
  'app:info',
  'app:showLog',
  'code:generate',
  'code:save',
  'code:copy',
  'code:drag',
  'code:openAppJson',
  'code:pageList',
  'print:compose',
  'print:save',
  'print:copy',
  'print:drag',
  'print:chooseLogo',
  'posters:list',
  'posters:chooseBackground',
  'posters:import',
  'posters:open',
  'posters:preview',
  'posters:save',
  'posters:remove',
  'accounts:list',
  'accounts:save',
  'accounts:remove',
  'accounts:forgetSecret',
  'accounts:test',
  'settings:get',
  'settings:update',
  'library:list',
  'library:image',
  'library:delete',
  'library:deleteMany',
  'library:campaigns',
  'library:export',
  'library:printSheet',
  'batch:open',
  'batch:openDropped',
  'batch:plan',
  'batch:names',
  'batch:sample',
  'batch:chooseFolder',
  'batch:chooseLogo',
  'batch:start',
  'batch:pause',
  'batch:resume',
  'batch:cancel',
  'batch:status',
  'batch:unfinished',
  'batch:continue',
  'batch:discard',
  'batch:showOutput',
] as const;

/** Events the main process sends to the page (main → renderer, no answer). */
export const EVENT_NAMES = ['batch:progress', 'app:show-view', 'accounts:numUsed'] as const;

export type ChannelName = (typeof CHANNEL_NAMES)[number];
export type EventName = (typeof EVENT_NAMES)[number];

type Words<N extends string> = N extends `${infer A}:${infer B}` ? `${Capitalize<A>}${Capitalize<B>}` : never;
/** `batch:progress` → `onBatchProgress`: the preload function that subscribes to the event. */
export type SubscriberName<E extends EventName> = `on${Words<E>}`;

export function subscriberName<E extends EventName>(event: E): SubscriberName<E> {
  const words = event.split(':').map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return `on${words.join('')}` as SubscriberName<E>;
}
