import { describe, expect, it } from 'vitest';
import { latestRequest } from './latestRequest';

describe('latestRequest', () => {
  it('lets only the latest request’s answer through, in whatever order the answers arrive', () => {
    const requests = latestRequest();
    const slow = requests.ask();
    const quick = requests.ask();
    expect(quick()).toBe(true);
    expect(slow()).toBe(false);
  });

  it('keeps a follow-up current until a new request is asked', () => {
    const requests = latestRequest();
    const list = requests.ask();
    const nextPage = requests.current();
    expect([list(), nextPage()]).toEqual([true, true]);
    requests.ask();
    expect([list(), nextPage()]).toEqual([false, false]);
  });

  it('drops every answer on its way when the user moves on', () => {
    const requests = latestRequest();
    const pending = requests.ask();
    requests.drop();
    expect(pending()).toBe(false);
    expect(requests.ask()()).toBe(true);
  });

  it('keeps separate requests apart', () => {
    const list = latestRequest();
    const image = latestRequest();
    const listed = list.ask();
    image.ask();
    expect(listed()).toBe(true);
  });
});
