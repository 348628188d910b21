// The catalogue of what the app says when something fails, by domain. Callers name an entry here;
// no other file writes an error text.
export type { ErrorCode, GeneralErrorCode } from './code';
export { appError, type ErrorParams } from './general';
export { type CatalogueEntry, catalogueEntry, isDailyLimit, WECHAT_ERRORS, wechatError } from './wechat';
