import { describe, expect, it } from 'vitest';
import { appError, wechatError } from '../../../shared/errors';
import { mayPass, slowsDown, stopReason, stopsBatch, tryAgain } from './errorPolicy';

const retry = { requeued: 0, requeueLimit: 3, streak: 1, streakLimit: 25 };

describe('the batch error policy', () => {
  it('tries again what may pass: busy, rate limits, an expired token, the network', () => {
    for (const errcode of [-1, 45011, 40001]) {
      expect(mayPass(wechatError(errcode, 'x', 'unlimited')), String(errcode)).toBe(true);
    }
    expect(mayPass(appError('network', { detail: 'reset' }))).toBe(true);
    expect(mayPass(wechatError(41030, 'invalid page', 'unlimited'))).toBe(false);
  });

  it('puts a row back a few times only, and not while everything keeps failing', () => {
    const busy = wechatError(-1, 'busy', 'unlimited');
    expect(tryAgain(busy, retry)).toBe(true);
    expect(tryAgain(busy, { ...retry, requeued: 3 })).toBe(false);
    expect(tryAgain(busy, { ...retry, streak: 25 })).toBe(false);
  });

  it('stops the batch on errors every row would meet, and after a long streak of failures', () => {
    for (const errcode of [40013, 40125, 40164, 40243, 45029, 48001, 61007]) {
      expect(stopsBatch(wechatError(errcode, 'x', 'limited')), String(errcode)).toBe(true);
    }
    expect(stopsBatch(appError('no-secret'))).toBe(true);
    const page = wechatError(41030, 'invalid page', 'unlimited');
    expect(stopReason(page, 3, 25)).toBeUndefined();
    expect(stopReason(page, 25, 25)?.message.en).toMatch(
      /^The batch stopped after 25 tries in a row failed\./,
    );
  });

  it('slows down on WeChat’s per-minute limits only', () => {
    expect(slowsDown(wechatError(45011, 'x', 'unlimited'))).toBe(true);
    expect(slowsDown(wechatError(41030, 'x', 'unlimited'))).toBe(false);
  });
});
