/**
 * Takes credentials out of text before it is shown, saved or logged: the one place that knows
 * what a credential looks like. A secret never reaches an error message, a file or the log.
 */

const HIDDEN = '***';

const CREDENTIAL_WORD = '(?:token|secret|credential|password|passwd|key|sig|signature|auth)';
/**
 * Names of query, form and JSON fields that carry a credential (access_token, appsecret, api_key,
 * sig, ...). Bounded on both sides: unbounded runs backtracked quadratically over a long word
 * (0.9 MB of "keykey…" took 160 s), and a page can put long text into an error that gets logged.
 */
const CREDENTIAL_NAME = String.raw`[\w.-]{0,40}${CREDENTIAL_WORD}[\w.-]{0,40}`;

/** `?access_token=…`, `&secret=…` and a form body's `password=…`: the value goes, the name stays. */
const CREDENTIAL_IN_QUERY = new RegExp(String.raw`((?:^|[?&;\s])${CREDENTIAL_NAME}=)[^&#\s"']*`, 'gi');
/** `"secret":"…"` in a JSON text (a request echoed in an error). */
const CREDENTIAL_IN_JSON = new RegExp(String.raw`("${CREDENTIAL_NAME}"\s*:\s*")(?:[^"\\]|\\.)*"`, 'gi');
/**
 * The same inside a JSON string (a response body quoted in an error's JSON): `\"secret\":\"…\"`,
 * where each quote and backslash of the value is escaped once more.
 */
const CREDENTIAL_IN_QUOTED_JSON = new RegExp(
  String.raw`(\\"${CREDENTIAL_NAME}\\"\s*:\s*\\")(?:[^"\\]|\\[^"\\]|\\\\(?:[^\\]|\\.))*\\"`,
  'gi',
);
/** Shorter values would mask ordinary words; no AppSecret, token or bearer credential is this short. */
const SHORTEST_REMEMBERED = 8;
/**
 * `access_token: …`, `'secret': '…'`, `\"key\": …` (a header dump, a printed object, JSON quoted
 * more than once). Prose has colons too, so the name must end in the credential word ("author:",
 * "design:" and "keychain:" do not) and the value be as long as a credential.
 */
const CREDENTIAL_AFTER_COLON = new RegExp(
  String.raw`((?<![\w.-])(?:\\*['"])?[\w.-]*${CREDENTIAL_WORD}(?:\\*['"])?\s*:\s*(?:\\*['"])?)[^\s"'\\,;{}]{${SHORTEST_REMEMBERED},}`,
  'gi',
);
/** `https://user:password@host`: the user info goes. */
const CREDENTIAL_IN_URL = /(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s"'?#]+@/gi;
/** `Authorization: Bearer …`, `Basic …`, or an authorization header's value on its own. */
const AUTHORIZATION = /(\b(?:bearer|basic)\s+)[\w.~+/=-]+/gi;
const AUTHORIZATION_HEADER = /(\bauthorization"?\s*[:=]\s*"?)(?!bearer\b|basic\b)[^"\s,;}]+/gi;

/** A long session fetches a token every two hours; this bounds the list for any session. */
const MOST_REMEMBERED = 500;
const remembered = new Set<string>();

/**
 * Tells the redactor a secret this process holds (an AppSecret read from the keychain, a bearer
 * credential, an access_token just fetched), so that the value itself is masked wherever it turns
 * up, even where no field name gives it away. The value is only ever compared, never written.
 */
export function rememberSecret(secret: string | null | undefined): void {
  if (!secret || secret.length < SHORTEST_REMEMBERED || remembered.has(secret)) return;
  remembered.add(secret);
  if (remembered.size > MOST_REMEMBERED) remembered.delete(remembered.values().next().value!);
}

/** The forms a secret takes in text: as is, in a URL, and inside a JSON string. */
function writtenForms(secret: string): string[] {
  return [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
}

/** The text without anything that could be a credential: remembered secrets, then anything named like one. */
export function redact(text: string): string {
  let safe = text;
  for (const secret of remembered) {
    for (const form of writtenForms(secret)) safe = safe.split(form).join(HIDDEN);
  }
  return safe
    .replace(CREDENTIAL_IN_URL, '$1')
    .replace(CREDENTIAL_IN_JSON, `$1${HIDDEN}"`)
    .replace(CREDENTIAL_IN_QUOTED_JSON, `$1${HIDDEN}\\"`)
    .replace(CREDENTIAL_IN_QUERY, `$1${HIDDEN}`)
    .replace(CREDENTIAL_AFTER_COLON, `$1${HIDDEN}`)
    .replace(AUTHORIZATION, `$1${HIDDEN}`)
    .replace(AUTHORIZATION_HEADER, `$1${HIDDEN}`);
}

/** A URL as it may be shown or kept: scheme, host and path, never the user info, query or fragment. */
export function publicUrl(raw: string): string {
  if (!URL.canParse(raw)) return redact(raw);
  const url = new URL(raw);
  return `${url.protocol}//${url.host}${url.pathname}`;
}
