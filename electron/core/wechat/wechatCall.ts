import type { CodeRequest } from '../../../shared/codeRequest';

export type CodeEndpoint = 'getwxacode' | 'getwxacodeunlimit' | 'createwxaqrcode';

export interface WechatCall {
  endpoint: CodeEndpoint;
  /** URL path under the API base; the access_token is added as a query parameter. */
  path: string;
  /** The JSON body exactly as WeChat expects it: snake_case, every styling field sent explicitly. */
  body: Record<string, unknown>;
}

/**
 * Maps a validated request to WeChat's wire format. Every field is sent even when it equals
 * WeChat's default, because silently dropped styling fields are the most common SDK complaint.
 */
export function toWechatCall(request: CodeRequest): WechatCall {
  switch (request.kind) {
    case 'limited':
      return {
        endpoint: 'getwxacode',
        path: '/wxa/getwxacode',
        body: {
          path: request.path,
          width: request.width,
          auto_color: request.autoColor,
          line_color: request.lineColor,
          is_hyaline: request.transparent,
          env_version: request.envVersion,
        },
      };
    case 'unlimited':
      return {
        endpoint: 'getwxacodeunlimit',
        path: '/wxa/getwxacodeunlimit',
        body: {
          scene: request.scene,
          // WeChat treats an absent page as the home page; an empty string is not the same thing.
          ...(request.page ? { page: request.page } : {}),
          check_path: request.checkPath,
          width: request.width,
          auto_color: request.autoColor,
          line_color: request.lineColor,
          is_hyaline: request.transparent,
          env_version: request.envVersion,
        },
      };
    case 'qrcode':
      return {
        endpoint: 'createwxaqrcode',
        path: '/cgi-bin/wxaapp/createwxaqrcode',
        body: { path: request.path, width: request.width },
      };
  }
}
