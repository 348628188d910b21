/** Sites the app links to (WeChat's admin console and docs); any other link stays unopened. */
const ALLOWED_ORIGINS = new Set(['https://mp.weixin.qq.com', 'https://developers.weixin.qq.com']);

/** Whether a link from the page may be opened in the user's browser. */
export function mayOpenExternally(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  // The origin alone would accept https://user@mp.weixin.qq.com, a classic phishing disguise.
  return ALLOWED_ORIGINS.has(parsed.origin) && !parsed.username && !parsed.password;
}
