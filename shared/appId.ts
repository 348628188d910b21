/** An AppID as WeChat issues them: wx and 16 hexadecimal characters (any case; stored lower-case). */
const APP_ID = /^wx[0-9a-f]{16}$/i;

/** Whether `text`, without surrounding spaces, is an AppID: the one rule the form, the store and the CLI use. */
export const isAppId = (text: string): boolean => APP_ID.test(text.trim());
