/**
 * Every kind of failure the app reports, closed: a caller (the page, the CLI's exit code, a batch's
 * error policy) can switch on it knowing no other value will come. Each has its texts in this folder.
 */

/** Failures that are not a WeChat errcode nor a field at fault; their texts are in general.ts. */
export type GeneralErrorCode =
  | 'network'
  | 'timeout'
  | 'bad-response'
  | 'keychain-unavailable'
  | 'keychain-locked'
  | 'no-secret'
  | 'token-service'
  | 'insecure-address'
  | 'cancelled'
  | 'internal'
  | 'quota'
  | 'file';

export type ErrorCode =
  | GeneralErrorCode
  /** WeChat answered with an errcode (wechat.ts). */
  | 'wechat'
  /** A value the user gave is at fault: a form field, a spreadsheet cell, a CLI flag, an IPC payload. */
  | 'field'
  /** Another batch or process holds what this one needs; trying later may succeed. */
  | 'busy'
  /** A file would be overwritten. */
  | 'file-exists'
  /** The sandbox account's stand-in server could not start. */
  | 'sandbox-unavailable'
  /** An IPC call came from a page that is not the app's own. */
  | 'untrusted-sender'
  /** The page has no account to make a code for. */
  | 'no-account';
