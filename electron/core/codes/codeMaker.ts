import type { CodeOrigin } from '../../../shared/codeOrigin';
import type { CodeRequest } from '../../../shared/codeRequest';
import { appError } from '../../../shared/errors';
import type { AppError } from '../../../shared/result';
import { Failure } from '../../../shared/result';
import type { Library, LibraryEntry } from '../storage/library';
import { abortable, cancelled } from '../wechat/abortable';
import type { WechatClient } from '../wechat/wechatClient';
import { requestKey } from './requestKey';

export interface MadeCode {
  entry: LibraryEntry;
  png: Buffer;
  /** True when an identical earlier request answered: no API call, no quota spent. */
  fromLibrary: boolean;
  /** Why the code is not in the library (a full disk, …); the image is here all the same. */
  notKept?: AppError;
}

export interface MakeOptions {
  /** The user asked for a fresh image from WeChat even though one is stored. */
  regenerate?: boolean;
  signal?: AbortSignal;
  /**
   * Runs just before the request goes to WeChat, and the call waits for it: a batch records there
   * that a code may be paid for, so a crash before the answer arrives is known on resume.
   */
  beforeCall?: () => Promise<void>;
  /** What the code is made for (a batch's row), kept with it when it is made now. */
  origin?: CodeOrigin;
  /** The file name the batch gives the row: see NewCode.batchFile. */
  batchFile?: string;
  /** A code made now is committed to the library (NewCode.committed); not run for a stored one. */
  committed?: () => void;
  /**
   * What the caller's own look in the library found for this request (a batch looks before waiting
   * its turn): make() then does not look again. Found since, another process's code is still seen:
   * the look made once the request is claimed, before any call, is never skipped.
   */
  held?: { entry: LibraryEntry | undefined };
}

export interface CodeAccount {
  accountId: string;
  appId: string;
  client: WechatClient;
}

/** How often a process waiting for another's call looks for its code: quickly at first, then less. */
const FIRST_LOOK_MS = 25;
/** A data folder with no room for a claim: the code is still made (other file errors are reported). */
const NO_ROOM = new Set(['ENOSPC', 'EROFS', 'EDQUOT']);
const LONGEST_LOOK_MS = 500;

/**
 * One code, the way the form, the batch and the CLI all make it: from the library when the same
 * AppID made the same request before, otherwise from WeChat, and then kept in the library.
 * Identical requests share one API call, in this process and across processes: a request is
 * claimed in the data folder before its call, and another process making it meanwhile waits for
 * the code to appear in the library.
 */
export class CodeMaker {
  private readonly inFlight = new Map<string, Promise<MadeCode>>();

  constructor(private readonly library: Library) {}

  async make(account: CodeAccount, request: CodeRequest, options: MakeOptions = {}): Promise<MadeCode> {
    const key = requestKey(account.appId, request);
    // A regenerate joins a call already under way too: that image is fresh from WeChat.
    let made = this.inFlight.get(key);
    if (!made) {
      const before = options.held ? options.held.entry : this.library.findKey(key);
      if (!options.regenerate && before) return this.stored(before);
      // Shared by every caller, so no one caller's signal stops it (each stops only its own wait).
      made = this.claimAndFetch(account, request, key, before, options).finally(() =>
        this.inFlight.delete(key),
      );
      this.inFlight.set(key, made);
    }
    return abortable(made, options.signal);
  }

  /** Resolves once every call now in flight has come back (and its code is kept), or failed. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async stored(entry: LibraryEntry): Promise<MadeCode> {
    const png = await this.library.readPng(entry);
    return { entry, png, fromLibrary: true, ...(entry.notKept ? { notKept: entry.notKept } : {}) };
  }

  /**
   * Calls WeChat once this process holds the request's claim. While another process holds it, the
   * code it is making is awaited in the library; if that process fails or dies, this one calls.
   * `before` is what the library held when asked: a newer entry is a code made since, fresh enough
   * for a regenerate too.
   */
  private async claimAndFetch(
    account: CodeAccount,
    request: CodeRequest,
    key: string,
    before: LibraryEntry | undefined,
    options: MakeOptions,
  ): Promise<MadeCode> {
    const { beforeCall, signal } = options;
    let pause = FIRST_LOOK_MS;
    let waited = false;
    for (;;) {
      // A data folder that cannot be written (a full disk) holds no claims: the code is made all the
      // same rather than refused, and reaches the user even though the library cannot keep it.
      const claim = await this.library.claims.take(key).catch((cause: NodeJS.ErrnoException) => {
        if (cause?.code && NO_ROOM.has(cause.code)) return { taken: true as const, release: async () => {} };
        throw new Failure(
          appError('file', { path: this.library.claims.dir, detail: String(cause?.message ?? cause) }),
        );
      });
      if (claim.taken) {
        try {
          // The holder before may have finished between the last look and the claim. Only its id is
          // read: nearly always nothing came, and the code is read only when one did.
          const now = this.library.newestIdFor(key);
          if (now !== undefined && now !== before?.codeId) {
            const came = this.library.get(now);
            if (came) return await this.stored(came);
          }
          // Waited long for another process: a caller that gave up meanwhile pays for nothing.
          if (waited && signal?.aborted) throw cancelled();
          await beforeCall?.();
          // A code the library could not keep (notKept: a full disk) still releases the claim below:
          // keeping it would only make a waiting process wait until this one exits and then call all
          // the same, since the library has nothing to give it.
          return await this.fetch(account, request, options);
        } finally {
          await claim.release();
        }
      }
      waited = true;
      await sleep(pause);
      pause = Math.min(LONGEST_LOOK_MS, pause * 1.5);
      const now = this.library.findKey(key);
      if (now && now.codeId !== before?.codeId) return this.stored(now);
    }
  }

  private async fetch(
    account: CodeAccount,
    request: CodeRequest,
    { origin, batchFile, committed }: MakeOptions,
  ): Promise<MadeCode> {
    const image = await account.client.generate(request);
    const entry = await this.library.add({
      accountId: account.accountId,
      appId: account.appId,
      request,
      png: image.png,
      width: image.width,
      height: image.height,
      numUsed: image.numUsed,
      ...(origin ? { origin } : {}),
      ...(batchFile !== undefined ? { batchFile } : {}),
      ...(committed ? { committed } : {}),
    });
    return {
      entry,
      png: image.png,
      fromLibrary: false,
      ...(entry.notKept ? { notKept: entry.notKept } : {}),
    };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
