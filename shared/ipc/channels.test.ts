import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CHANNEL_NAMES, EVENT_NAMES } from './channelNames';
import { channels } from './channels';

// The IPC surface is what a page may ask of the main process. A change to it (a channel, a field,
// a limit) shows up in this snapshot's diff, so it is made on purpose and reviewed as such:
// update it with `npx vitest run shared/ipc/channels.test.ts -u`.
describe('the IPC surface', () => {
  it('is the channels and payload schemas in the snapshot', async () => {
    const surface = {
      channels: Object.fromEntries(
        Object.entries(channels).map(([name, { parse }]) => [
          name,
          // Bytes (a dropped sheet) and "nothing" have no JSON Schema: they show as {} there.
          z.toJSONSchema(parse.structure, { unrepresentable: 'any' }),
        ]),
      ),
      events: EVENT_NAMES,
    };
    expect(Object.keys(surface.channels)).toEqual([...CHANNEL_NAMES]);
    await expect(`${JSON.stringify(surface, null, 2)}\n`).toMatchFileSnapshot('./ipcSurface.json.snap');
  });
});
