export interface SandboxOptions {
  /** Default 0: an ephemeral port. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Default 'wx0123456789abcdef'. */
  appId?: string;
  /** Default 'sandbox-secret'. */
  appSecret?: string;
  /** The lifetime quota shared by getwxacode and createwxaqrcode; default 100,000. */
  quotaLimit?: number;
  /** Limited codes already made when the sandbox starts; default 0. */
  numUsed?: number;
  /**
   * Limited and square codes (getwxacode + createwxaqrcode) one AppID may make in a day, China time;
   * past it WeChat answers 45009 until midnight. Default 10,000; 0 turns the cap off.
   */
  dailyLimit?: number;
  /** getwxacodeunlimit calls allowed per rolling minute; default 5,000; 0 turns the limit off. */
  unlimitedPerMinute?: number;
  /** Default 7200. */
  tokenTtlSeconds?: number;
  /** Pages that exist in the published version, for check_path. */
  publishedPages?: string[];
}

export interface SandboxStats {
  stable_token: number;
  token: number;
  getwxacode: number;
  getwxacodeunlimit: number;
  createwxaqrcode: number;
  numUsed: number;
}

export type Settings = Required<SandboxOptions>;

export function withDefaults(options: SandboxOptions = {}): Settings {
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    appId: options.appId ?? 'wx0123456789abcdef',
    appSecret: options.appSecret ?? 'sandbox-secret',
    quotaLimit: options.quotaLimit ?? 100_000,
    numUsed: options.numUsed ?? 0,
    dailyLimit: options.dailyLimit ?? 10_000,
    unlimitedPerMinute: options.unlimitedPerMinute ?? 5000,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 7200,
    publishedPages: options.publishedPages ?? [
      'pages/index/index',
      'pages/shop/index',
      'pages/product/detail',
    ],
  };
}
