import { z } from 'zod';
import type { CodeRequest } from '../../codeRequest';
import type { AppError, Result } from '../../result';
import { validateCodeRequest } from '../../validateCodeRequest';
import { type ChannelTable, id, type Parser, schema } from './payloads';

export interface GeneratedCode {
  codeId: string;
  png: Uint8Array;
  width: number;
  height: number;
  numUsed?: number;
  /** Served from the library: the same request was made before, so no API call was spent. */
  fromLibrary: boolean;
  createdAt: string;
  suggestedName: string;
  /** Why the code is not in the library (a full disk): it can be saved now, but is not kept. */
  notKept?: AppError;
}

/** The pages a mini program's app.json lists, for the page path field's suggestions. */
export interface AppJsonPages {
  /** The file's base name, to say which app.json the list came from. */
  fileName: string;
  /** Main package first (its first page is the home page), then each subpackage's `root/page`. */
  pages: string[];
}

const generateOuter = schema(
  z.strictObject({ accountId: id, request: z.unknown(), regenerate: z.boolean().optional() }),
);
type GeneratePayload = { accountId: string; request: CodeRequest; regenerate: boolean };
const checkGenerate = (payload: unknown): Result<GeneratePayload, AppError> => {
  const outer = generateOuter(payload);
  if (!outer.ok) return outer;
  const checked = validateCodeRequest(outer.value.request);
  if (!checked.ok) return { ok: false, error: checked.errors[0]! };
  return {
    ok: true,
    value: {
      accountId: outer.value.accountId,
      request: checked.value,
      regenerate: outer.value.regenerate ?? false,
    },
  };
};
// The request inside is checked field by field by validateCodeRequest, with the form's messages.
const generatePayload: Parser<GeneratePayload> = Object.assign(checkGenerate, {
  structure: generateOuter.structure,
});

export const codeChannels = {
  'code:generate': { parse: generatePayload, result: {} as GeneratedCode },
  'code:save': {
    parse: schema(z.strictObject({ codeId: id })),
    result: {} as { saved: boolean; path?: string },
  },
  'code:copy': { parse: schema(z.strictObject({ codeId: id })), result: {} as { copied: true } },
  'code:drag': { parse: schema(z.strictObject({ codeId: id })), result: {} as { started: true } },
  // The page paths of the app.json the user picks in main's open dialog (null when they cancel),
  // kept as the account's list: the page names no file, and main reads at most MAX_APP_JSON_BYTES.
  'code:openAppJson': { parse: schema(z.strictObject({ accountId: id })), result: {} as AppJsonPages | null },
  // The account's list from its last import (null: none yet).
  'code:pageList': { parse: schema(z.strictObject({ accountId: id })), result: {} as AppJsonPages | null },
} as const satisfies ChannelTable<'code'>;
