import { stableTokenSource } from '../core/tokens/stableTokenSource';
import { createWechatClient, type WechatClient, type WechatClientOptions } from '../core/wechat/wechatClient';
import type { RunningSandbox } from '../sandbox';

// Test support: the real WeChat client against the sandbox, its token fetched with the secret the
// sandbox accepts. Each test still says which mini program and what retry and timeout it needs.

export function sandboxClient(
  sandbox: RunningSandbox,
  appId: string,
  options: Pick<WechatClientOptions, 'retry' | 'http'> = {},
): WechatClient {
  const tokens = stableTokenSource({ apiBase: sandbox.url, appId, secret: async () => 'sandbox-secret' });
  return createWechatClient({ apiBase: sandbox.url, tokens, ...options });
}
