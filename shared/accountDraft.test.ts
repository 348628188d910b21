import { describe, expect, it } from 'vitest';
import { accountDraftProblems, appIdProblem, nameProblem } from './accountDraft';
import { isAppId } from './appId';

describe('an account draft’s own fields', () => {
  it('takes an AppID as WeChat issues it, in any case and with spaces around', () => {
    expect(isAppId(' WX0123456789ABCDEF ')).toBe(true);
    expect(isAppId('wx0123456789abcdeg')).toBe(false);
    expect(isAppId('gh_0123456789abcdef')).toBe(false);
    expect(appIdProblem('wx123')?.message.en).toBe(
      'The AppID “wx123” is not valid: it is wx followed by 16 letters and digits.',
    );
  });

  it('wants a name of 1 to 100 characters', () => {
    expect(nameProblem('  ')?.field).toBe('name');
    expect(nameProblem('n'.repeat(101))?.message.zh).toBe('账号名称为空或过长。');
    expect(nameProblem('n'.repeat(100))).toBeUndefined();
  });

  it('names every bad field at once, in form order, with the address rules of credentialAddress', () => {
    const problems = accountDraftProblems({
      name: '',
      appId: 'x',
      source: { kind: 'token-url', url: 'http://10.0.0.5/token' },
      apiBase: 'ftp://x',
    });
    expect(problems.map((p) => p.field)).toEqual(['name', 'appId', 'url', 'apiBase']);
    expect(problems.every((p) => p.code === 'field' && p.hint.en && p.hint.zh)).toBe(true);
    expect(problems[2]?.message.en).toContain('unencrypted to 10.0.0.5');
  });
});
