/**
 * Answers can arrive out of order (a slow search, then a quick one; a generate answered after the
 * user opened another code): only the answer to the latest request may change what the window shows.
 */
export interface LatestRequest {
  /** A new request; the returned check says, when its answer arrives, whether it is still the latest. */
  ask(): () => boolean;
  /** A follow-up of the latest request (its next page): stale as soon as a new request is asked. */
  current(): () => boolean;
  /** The user moved on: every answer still on its way is stale. */
  drop(): void;
}

export function latestRequest(): LatestRequest {
  let latest = 0;
  const check = (asked: number) => () => asked === latest;
  return {
    ask: () => check(++latest),
    current: () => check(latest),
    drop() {
      latest++;
    },
  };
}
