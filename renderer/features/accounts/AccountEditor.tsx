import { useRef, useState } from 'react';
import type { AccountView } from '../../../shared/ipc/channels';
import type { AppError } from '../../../shared/result';
import { useT } from '../../i18n';
import { ErrorText } from '../../ui/ErrorNotice';
import { LabelledField } from '../../ui/LabelledField';
import { Segmented } from '../../ui/Segmented';
import { type AccountForm, accountProblems, draftOf, formOf, movesCredential } from './accountForm';
import { useAccounts } from './accountsStore';
import { ConnectionTest } from './ConnectionTest';
import { RemoveAccount } from './RemoveAccount';
import { SecretField } from './SecretField';

interface Props {
  account: AccountView | undefined;
  /** Shown as saved when it opens: the editor that saved it was a new account's. */
  justSaved: boolean;
  onSaved(id: string): void;
  onRemoved(): void;
}

export function AccountEditor({ account, justSaved, onSaved, onRemoved }: Props) {
  const { t } = useT();
  const save = useAccounts((s) => s.save);
  const forgetSecret = useAccounts((s) => s.forgetSecret);
  const [form, setForm] = useState<AccountForm>(() => formOf(account));
  const [attempted, setAttempted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<'saved' | AppError | null>(justSaved ? 'saved' : null);
  const secretInput = useRef<HTMLInputElement>(null);
  const credentialInput = useRef<HTMLInputElement>(null);

  const source = account?.source;
  // Pointed at another address, a stored secret is dropped on save (the store decides; the form
  // asks for it again before that happens).
  const moves = movesCredential(form, account);
  const hadSecret = source?.kind === 'secret' && source.hasSecret;
  const hadCredential = source?.kind === 'token-url' && source.hasCredential;
  const secretStored = hadSecret && !moves;
  const credentialStored = hadCredential && !moves;
  const hadQuery = source?.kind === 'token-url' && source.hasQuery === true;
  const queryStored = hadQuery && !moves;
  const [secretTyped, setSecretTyped] = useState(false);
  // Counts saves: each one gives the secret fields a fresh start, out of Replace and back to stored.
  const [saves, setSaves] = useState(0);
  const problems = accountProblems(form, secretStored || secretTyped);
  const shown = attempted ? problems : {};
  const edit = (patch: Partial<AccountForm>) => {
    setForm({ ...form, ...patch });
    setOutcome(null);
  };

  async function submit() {
    const secret = secretInput.current?.value ?? '';
    const credential = credentialInput.current?.value ?? '';
    setAttempted(true);
    if (Object.keys(accountProblems(form, secretStored || secret !== '')).length > 0) return;
    setBusy(true);
    const saved = await save(draftOf(form), {
      ...(form.sourceKind === 'secret' && secret ? { secret } : {}),
      ...(form.sourceKind === 'token-url' && credential ? { tokenCredential: credential } : {}),
    });
    setBusy(false);
    if (!saved.ok) {
      setOutcome(saved.error);
      return;
    }
    for (const input of [secretInput.current, credentialInput.current]) if (input) input.value = '';
    setSecretTyped(false);
    setSaves((n) => n + 1);
    setOutcome('saved');
    onSaved(saved.value.id);
  }

  return (
    <form
      className="account-editor"
      aria-labelledby="account-editor-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="account-editor-title">{account ? account.name : t('newAccount')}</h3>
      {account?.apiBase && <p className="api-base-via">{t('apiBaseVia', { base: account.apiBase })}</p>}
      <LabelledField
        id="account-name"
        label={t('accountName')}
        value={form.name}
        placeholder={t('accountNamePlaceholder')}
        problem={shown.name}
        onChange={(name) => edit({ name })}
      />
      {form.sourceKind === 'sandbox' ? (
        <p className="sandbox-note">
          <strong>{t('sandboxLabel')}</strong> {t('sandboxAccountNote')}
        </p>
      ) : (
        <>
          <LabelledField
            id="account-appid"
            label={t('appId')}
            value={form.appId}
            placeholder={t('appIdPlaceholder')}
            problem={shown.appId}
            onChange={(appId) => edit({ appId })}
          />
          <Segmented<'secret' | 'token-url'>
            name="token-source"
            legend={t('tokenSource')}
            variant="cards"
            value={form.sourceKind}
            onChange={(sourceKind) => edit({ sourceKind })}
            options={[
              { value: 'secret', label: t('sourceSecret'), note: t('sourceSecretNote') },
              { value: 'token-url', label: t('sourceTokenUrl'), note: t('sourceTokenUrlNote') },
            ]}
          />
          {form.sourceKind === 'secret' ? (
            <SecretField
              key={saves}
              id="account-secret"
              label={t('appSecret')}
              note={t('appSecretHelp')}
              stored={secretStored}
              inputRef={secretInput}
              problem={shown.secret}
              onTyped={setSecretTyped}
              onRemove={account ? () => void forgetSecret(account.id) : undefined}
            />
          ) : (
            <>
              <LabelledField
                id="account-token-url"
                label={t('tokenUrl')}
                type="url"
                value={form.url}
                placeholder={t('tokenUrlPlaceholder')}
                problem={shown.url}
                note={queryStored ? t('tokenUrlQueryNote') : undefined}
                onChange={(url) => edit({ url })}
              />
              <SecretField
                key={saves}
                id="account-credential"
                label={t('tokenCredential')}
                stored={credentialStored}
                inputRef={credentialInput}
                onRemove={account ? () => void forgetSecret(account.id) : undefined}
              />
            </>
          )}
          {moves && (hadSecret || hadCredential || hadQuery) && (
            <p className="note">{t('credentialMoves')}</p>
          )}
          <details className="advanced" open={form.apiBase !== ''}>
            <summary>{t('advanced')}</summary>
            <LabelledField
              id="account-api-base"
              label={t('apiBase')}
              type="url"
              value={form.apiBase}
              placeholder={t('apiBasePlaceholder')}
              note={t('apiBaseNote')}
              problem={shown.apiBase}
              onChange={(apiBase) => edit({ apiBase })}
            />
          </details>
        </>
      )}
      <div className="editor-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('saving') : t('save')}
        </button>
        {account && <RemoveAccount account={account} onRemoved={onRemoved} />}
      </div>
      <div role="status" className="save-outcome">
        {outcome === 'saved' && t('saved')}
        {outcome && outcome !== 'saved' && <ErrorText error={outcome} />}
      </div>
      <ConnectionTest accountId={account?.id} />
    </form>
  );
}
