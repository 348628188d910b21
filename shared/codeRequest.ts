/** The three WeChat code endpoints, in the user's words. */
/** The three codes WeChat makes, in the order the app offers them. */
export const CODE_KINDS = ['limited', 'unlimited', 'qrcode'] as const;
export type CodeKind = (typeof CODE_KINDS)[number];
export type EnvVersion = 'release' | 'trial' | 'develop';

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** Styling shared by the two round-code kinds. */
export interface CodeStyle {
  width: number;
  autoColor: boolean;
  lineColor: Rgb;
  transparent: boolean;
}

/** getQRCode: page path with query, counted against the 100,000 lifetime quota. */
export interface LimitedCodeRequest extends CodeStyle {
  kind: 'limited';
  path: string;
  envVersion: EnvVersion;
}

/** getUnlimitedQRCode: short scene plus a page without query; unlimited count, rate-limited. */
export interface UnlimitedCodeRequest extends CodeStyle {
  kind: 'unlimited';
  scene: string;
  /** '' means the mini program's home page. */
  page: string;
  checkPath: boolean;
  envVersion: EnvVersion;
}

/** createQRCode: a square QR code; shares the 100,000 quota with `limited`. */
export interface SquareCodeRequest {
  kind: 'qrcode';
  path: string;
  width: number;
}

export type CodeRequest = LimitedCodeRequest | UnlimitedCodeRequest | SquareCodeRequest;

export const DEFAULT_WIDTH = 430;
export const MIN_WIDTH = 280;
export const MAX_WIDTH = 1280;
export const LIMITED_QUOTA = 100_000;

export const DEFAULT_STYLE: CodeStyle = {
  width: DEFAULT_WIDTH,
  autoColor: false,
  lineColor: { r: 0, g: 0, b: 0 },
  transparent: false,
};

/** Whether a kind spends the shared 100,000 lifetime quota. */
export const spendsQuota = (kind: CodeKind): boolean => kind !== 'unlimited';
