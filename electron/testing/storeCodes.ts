import type { CodeRequest } from '../../shared/codeRequest';

// Codes of one shop as the library's tests add them: the same style and account every time, a PNG
// that differs with the request, so each request is a code of its own.

const style = {
  envVersion: 'release',
  width: 430,
  autoColor: false,
  lineColor: { r: 0, g: 0, b: 0 },
  transparent: false,
} as const;

/** An unlimited code of the store page for `scene`. */
export const storeCode = (scene: string): CodeRequest => ({
  kind: 'unlimited',
  scene,
  page: 'pages/store/index',
  checkPath: true,
  ...style,
});

/** A limited code of `path`. */
export const limitedCode = (path: string): CodeRequest => ({ kind: 'limited', path, ...style });

/** What Library.add takes for `request`. */
export const shopCode = (request: CodeRequest) => ({
  accountId: 'shop',
  appId: 'wx0123456789abcdef',
  request,
  png: Buffer.from(`png of ${JSON.stringify(request)}`),
  width: 430,
  height: 430,
});
