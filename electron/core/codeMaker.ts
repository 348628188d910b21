import type { CodeRequest } from '../../shared/codeRequest';
import { abortable } from './abortable';
import type { Library, LibraryEntry } from './library';
import { requestKey } from './requestKey';
import type { WechatClient } from './wechatClient';

export interface MadeCode {
  entry: LibraryEntry;
  png: Buffer;
  /** True when an identical earlier request answered: no API call, no quota spent. */
  fromLibrary: boolean;
}

export interface MakeOptions {
  /** The user asked for a fresh image from WeChat even though one is stored. */
  regenerate?: boolean;
  signal?: AbortSignal;
}

export interface CodeAccount {
  accountId: string;
  appId: string;
  client: WechatClient;
}

/**
 * One code, the way the form, the batch and the CLI all make it: from the library when the same
 * AppID made the same request before, otherwise from WeChat, and then kept in the library.
 * Concurrent identical requests share one API call.
 */
export class CodeMaker {
  private readonly inFlight = new Map<string, Promise<MadeCode>>();

  constructor(private readonly library: Library) {}

  async make(account: CodeAccount, request: CodeRequest, options: MakeOptions = {}): Promise<MadeCode> {
    if (!options.regenerate) {
      const stored = this.library.find(account.appId, request);
      if (stored) return { entry: stored, png: await this.library.readPng(stored), fromLibrary: true };
    }
    // A regenerate joins a call already under way: that image is fresh from WeChat too.
    const key = requestKey(account.appId, request);
    let made = this.inFlight.get(key);
    if (!made) {
      // Shared by every caller, so no one caller's signal stops it (each stops only its own wait).
      made = this.fetch(account, request).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, made);
    }
    return abortable(made, options.signal);
  }

  /** Resolves once every call now in flight has come back (and its code is kept), or failed. */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async fetch(account: CodeAccount, request: CodeRequest): Promise<MadeCode> {
    const image = await account.client.generate(request);
    const entry = await this.library.add({
      accountId: account.accountId,
      appId: account.appId,
      request,
      png: image.png,
      width: image.width,
      height: image.height,
      numUsed: image.numUsed,
    });
    return { entry, png: image.png, fromLibrary: false };
  }
}
