import { z } from 'zod';
import { CODE_KINDS, type CodeKind } from '../../codeRequest';
import { invalidPayload } from '../../errors/ipc';
import type { AppError, Result } from '../../result';
import type { ChannelName } from '../channelNames';

export type Parser<T> = ((payload: unknown) => Result<T, AppError>) & {
  /** What the payload's structure must be, for the snapshot of the IPC surface (channels.test.ts). */
  readonly structure: z.ZodType;
};

/** Structural payload checks; code requests get the form's own field rules and messages. */
export function schema<T>(s: z.ZodType<T>): Parser<T> {
  const parse = (payload: unknown): Result<T, AppError> => {
    const parsed = s.safeParse(payload);
    if (parsed.success) return { ok: true, value: parsed.data };
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || 'payload';
    return { ok: false, error: invalidPayload(field, issue?.message) };
  };
  return Object.assign(parse, { structure: s });
}

export interface ChannelSpec {
  parse: Parser<unknown>;
  result: unknown;
}

/**
 * One area's part of the channel table: every channel named `<area>:…` in channelNames.ts, and no
 * other, so a channel added to one list and not the other fails to compile.
 */
export type ChannelTable<Area extends string> = {
  [C in Extract<ChannelName, `${Area}:${string}`>]: ChannelSpec;
};

export const id = z.string().min(1).max(200);
export const none = schema(z.undefined().or(z.object({}).strict()));

/** The three code kinds, as every channel (and a batch's manifest) accepts them. */
export const codeKind = z.enum(CODE_KINDS) satisfies z.ZodType<CodeKind>;
