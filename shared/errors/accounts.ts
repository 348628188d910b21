import type { AppError, Localized } from '../result';

// Accounts: what the account store, the accounts channels and the CLI's `account` command refuse,
// each naming the field at fault and the fix.

function accountField(field: string, message: Localized, hint: Localized): AppError {
  return { code: 'field', field, message, hint, retryable: false };
}

export function badAccountId(id: string): AppError {
  return accountField(
    'id',
    { en: `The account id “${id}” is not valid.`, zh: `账号 id“${id}”无效。` },
    {
      en: 'Use 1 to 64 letters, digits, “-” or “_”, or leave it out to get one.',
      zh: '请使用 1 到 64 个字母、数字、“-”或“_”，或留空自动生成。',
    },
  );
}

export function badAccountName(): AppError {
  return accountField(
    'name',
    { en: 'The account name is empty or too long.', zh: '账号名称为空或过长。' },
    {
      en: 'Give the account a name of 1 to 100 characters, such as the mini program’s name.',
      zh: '请填写 1 到 100 个字符的名称，例如小程序的名字。',
    },
  );
}

export function nameTaken(name: string): AppError {
  return accountField(
    'name',
    {
      en: `There is already an account named “${name}”.`,
      zh: `已有名为“${name}”的账号。`,
    },
    { en: 'Choose another name.', zh: '请换一个名称。' },
  );
}

export function badAppId(given: string): AppError {
  return accountField(
    'appId',
    {
      en: `The AppID “${given}” is not valid: it is wx followed by 16 letters and digits.`,
      zh: `AppID“${given}”无效：应为 wx 加 16 位字母和数字。`,
    },
    {
      en: 'Copy the AppID from mp.weixin.qq.com → 开发管理 → 开发设置, e.g. wx1234567890abcdef.',
      zh: '请从 mp.weixin.qq.com → 开发管理 → 开发设置 复制 AppID，例如 wx1234567890abcdef。',
    },
  );
}

export function appIdTaken(accountName: string, appId: string): AppError {
  return accountField(
    'appId',
    {
      en: `The account “${accountName}” already uses AppID ${appId}.`,
      zh: `账号“${accountName}”已使用 AppID ${appId}。`,
    },
    {
      en: 'Edit that account instead; one AppID has one AppSecret and one quota.',
      zh: '请改为编辑该账号；一个 AppID 只有一个 AppSecret 和一份额度。',
    },
  );
}

export function badAppSecret(): AppError {
  return accountField(
    'appSecret',
    { en: 'The AppSecret is empty or contains spaces.', zh: 'AppSecret 为空或含有空格。' },
    {
      en: 'Paste the AppSecret your developers use (managed at mp.weixin.qq.com → 开发管理 → 开发设置); ask them before resetting it there: a reset stops every server that uses it.',
      zh: '请粘贴开发人员使用的 AppSecret（在 mp.weixin.qq.com → 开发管理 → 开发设置 中管理）；在那里重置前请先询问他们：重置会让所有使用它的服务器停止工作。',
    },
  );
}

/** The page named an account that was removed meanwhile (another window, the CLI). */
export function accountGone(): AppError {
  return {
    code: 'field',
    field: 'accountId',
    message: { en: 'This account no longer exists.', zh: '此账号已不存在。' },
    hint: {
      en: 'Choose another account, or add it again in Accounts.',
      zh: '请选择其他账号，或在“账号”中重新添加。',
    },
    retryable: false,
  };
}

/** A secret sent with an account whose token source has no use for it. */
export function secretMisplaced(field: 'secret' | 'tokenCredential'): AppError {
  const what =
    field === 'secret'
      ? { en: 'An AppSecret', zh: 'AppSecret', kind: { en: 'AppSecret', zh: 'AppSecret' } }
      : {
          en: 'A token service credential',
          zh: '令牌服务凭据',
          kind: { en: 'token service', zh: '令牌服务' },
        };
  return {
    code: 'field',
    field,
    message: {
      en: `${what.en} was given for an account that does not use one.`,
      zh: `为不使用${what.zh}的账号提供了${what.zh}。`,
    },
    hint: {
      en: `Choose “${what.kind.en}” as the account’s token source, or leave it empty.`,
      zh: `请把账号的令牌来源设为“${what.kind.zh}”，或留空。`,
    },
    retryable: false,
  };
}

/** A sandbox account's calls go to the sandbox this session started, and none is running. */
export function sandboxNotRunning(): AppError {
  return {
    code: 'sandbox-unavailable',
    message: { en: 'The built-in sandbox is not running.', zh: '内置沙盒没有运行。' },
    hint: {
      en: 'Restart WxaCode Studio, or choose an account with a real AppID.',
      zh: '请重启 WxaCode Studio，或选择使用真实 AppID 的账号。',
    },
    retryable: false,
  };
}

/**
 * An account removed from the list whose keychain entries could not be deleted: saying "Removed"
 * alone would be untrue, so the error says where they may still be and how to delete them.
 */
export function secretsLeftBehind(keychainError: AppError, name: string, appId: string): AppError {
  const { message, hint } = keychainError;
  return {
    ...keychainError,
    message: {
      en: `Removed account “${name}” from the list, but its secrets could not be removed from the keychain and may still be stored: ${message.en}`,
      zh: `已从列表中删除账号“${name}”，但无法从钥匙串中删除其密钥，它们可能仍保存在那里：${message.zh}`,
    },
    hint: {
      en: `${hint.en} Then delete this account’s entries under “wxacode-studio” in your keyring app (for an AppSecret, the one named ${appId}), or add the account again and remove it once the keychain works.`,
      zh: `${hint.zh} 然后在钥匙串应用中删除“wxacode-studio”下此账号的条目（AppSecret 的条目名为 ${appId}），或在钥匙串可用后重新添加该账号再删除。`,
    },
  };
}

/** The code form was asked to make a code with no account chosen. */
export const NO_ACCOUNT: AppError = {
  code: 'no-account',
  message: { en: 'No account is chosen.', zh: '尚未选择账号。' },
  hint: {
    en: 'Choose an account in the status bar, or add one in Accounts.',
    zh: '请在状态栏中选择账号，或在“账号”中添加。',
  },
};

// Where a credential may travel (credentialAddress.ts): an address the account form, the store or
// a CLI flag gave that would carry an AppSecret or token somewhere it must not go.

/** The two addresses a credential travels to: the API server and the token service. */
export type CredentialField = 'apiBase' | 'url';

const WHAT: Record<CredentialField, Localized & { example: string }> = {
  apiBase: { en: 'The API server', zh: '接口服务器', example: 'https://api.weixin.qq.com' },
  url: {
    en: 'The token service URL',
    zh: '令牌服务地址',
    example: 'https://tokens.example.com/wechat/token',
  },
};

/** What the texts call the address: the form's words, or the CLI flag or variable it came from. */
function addressWords(field: CredentialField, name: string | undefined): Localized & { example: string } {
  return name ? { ...WHAT[field], en: name, zh: `${name} ` } : WHAT[field];
}

export function notFullAddress(field: CredentialField, name?: string): Pick<AppError, 'message' | 'hint'> {
  const what = addressWords(field, name);
  return {
    message: {
      en: `${what.en} must be a full https:// address.`,
      zh: `${what.zh}必须是完整的 https:// 地址。`,
    },
    hint: {
      en: `Enter it in full, such as ${what.example}.`,
      zh: `请填写完整地址，例如 ${what.example}。`,
    },
  };
}

export function userInfoInAddress(field: CredentialField, name?: string): Pick<AppError, 'message' | 'hint'> {
  const what = addressWords(field, name);
  return {
    message: {
      en: `${what.en} contains a user name or password, which would be stored in plain text.`,
      zh: `${what.zh}中含有用户名或密码，会以明文保存。`,
    },
    hint: {
      en: 'Remove it from the address; a token service’s key goes in the Credential field, which is kept in the system keychain.',
      zh: '请从地址中删去；令牌服务的密钥请填到“凭据”一栏，它保存在系统钥匙串中。',
    },
  };
}

export function plainHttpAddress(
  field: CredentialField,
  url: URL,
  name?: string,
): Pick<AppError, 'message' | 'hint'> {
  const what = addressWords(field, name);
  return {
    message: {
      en: `${what.en} uses http://, which would send the AppSecret or token unencrypted to ${url.host}.`,
      zh: `${what.zh}使用 http://，会把 AppSecret 或令牌未加密地发送到 ${url.host}。`,
    },
    hint: {
      en: `Use https://${url.host}${url.pathname === '/' ? '' : url.pathname}; plain http:// is only for this computer (127.0.0.1, localhost).`,
      zh: `请改用 https://${url.host}${url.pathname === '/' ? '' : url.pathname}；http:// 仅限本机（127.0.0.1、localhost）。`,
    },
  };
}
