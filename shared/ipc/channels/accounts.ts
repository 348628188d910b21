import { z } from 'zod';
import { type ChannelTable, id, none, schema } from './payloads';

export type TokenSourceView =
  | { kind: 'secret'; hasSecret: boolean }
  /** `hasQuery`: the URL's query is kept in the keychain, and `url` is the address before it. */
  | { kind: 'token-url'; url: string; hasCredential: boolean; hasQuery?: boolean }
  | { kind: 'sandbox' };

/** An account as the renderer sees it: whether a secret is stored, never the secret. */
export interface AccountView {
  id: string;
  name: string;
  appId: string;
  source: TokenSourceView;
  apiBase?: string;
  numUsed?: number;
  numUsedAt?: string;
}

const accountDraft = z.strictObject({
  id: id.optional(),
  name: z.string().max(100),
  appId: z.string().max(64),
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('secret') }),
    z.strictObject({ kind: z.literal('token-url'), url: z.string().max(2000) }),
    z.strictObject({ kind: z.literal('sandbox') }),
  ]),
  apiBase: z.string().max(2000).optional(),
});
export type AccountDraft = z.infer<typeof accountDraft>;

export const accountChannels = {
  'accounts:list': { parse: none, result: {} as AccountView[] },
  'accounts:save': {
    // A secret goes in and never comes back out: no channel returns one.
    parse: schema(
      z.strictObject({
        account: accountDraft,
        secret: z.string().max(512).optional(),
        tokenCredential: z.string().max(4096).optional(),
      }),
    ),
    result: {} as AccountView,
  },
  'accounts:remove': { parse: schema(z.strictObject({ id })), result: {} as { removed: true } },
  'accounts:forgetSecret': { parse: schema(z.strictObject({ id })), result: {} as AccountView },
  'accounts:test': { parse: schema(z.strictObject({ id })), result: {} as { expiresInSeconds: number } },
} as const satisfies ChannelTable<'accounts'>;
