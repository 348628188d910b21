import { useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/result';
import { type Translate, useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';
import { useAccounts } from './accountsStore';

type Outcome = { ok: true; expiresInSeconds: number } | { ok: false; error: AppError };

function duration(t: Translate, seconds: number): string {
  const minutes = Math.round(seconds / 60);
  return minutes >= 60
    ? t('hours', { h: Math.floor(minutes / 60), m: minutes % 60 })
    : t('minutes', { m: minutes });
}

/** Fetches a token for the saved account: proves the AppID and secret (or service) work. */
export function ConnectionTest({ accountId }: { accountId: string | undefined }) {
  const { t } = useT();
  const test = useAccounts((s) => s.test);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const result = useRef<HTMLDivElement>(null);
  // The button sits at the foot of a form that scrolls in a small window: the answer is brought
  // into view rather than left below the fold.
  useEffect(() => {
    if (outcome) result.current?.scrollIntoView({ block: 'nearest' });
  }, [outcome]);
  async function run(id: string) {
    setBusy(true);
    setOutcome(null);
    const result = await test(id);
    setBusy(false);
    setOutcome(result.ok ? { ok: true, expiresInSeconds: result.value.expiresInSeconds } : result);
  }
  return (
    <div className="connection-test">
      <button
        type="button"
        disabled={!accountId || busy}
        aria-describedby={accountId ? undefined : 'test-needs-save'}
        onClick={() => accountId && void run(accountId)}
      >
        {busy ? t('testing') : t('testConnection')}
      </button>
      {!accountId && (
        <span id="test-needs-save" className="note">
          {t('saveBeforeTest')}
        </span>
      )}
      <div
        ref={result}
        role="status"
        className={outcome && !outcome.ok ? 'test-result failed' : 'test-result'}
      >
        {outcome?.ok && t('testOk', { time: duration(t, outcome.expiresInSeconds) })}
        {outcome && !outcome.ok && <ErrorText error={outcome.error} />}
      </div>
    </div>
  );
}
