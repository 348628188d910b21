import { join } from 'node:path';
import { outNotPng } from '../../shared/errors/cli';
import { Failure } from '../../shared/result';
import { validateCodeRequest } from '../../shared/validateCodeRequest';
import { CodeMaker } from '../core/codes/codeMaker';
import { fileAccountStore } from '../core/storage/accounts';
import { writeFileAtomic } from '../core/storage/atomicFile';
import { dataDir } from '../core/storage/dataDir';
import { Library } from '../core/storage/library';
import { sweepTemps } from '../core/storage/tempFiles';
import { createWechatClient } from '../core/wechat/wechatClient';
import {
  asFlagError,
  CREDENTIAL_FLAGS,
  CREDENTIAL_USAGE,
  flagNotForKind,
  STYLE_FLAGS,
  STYLE_USAGE,
  styleFromFlags,
} from './codeFlags';
import { type CredentialFlags, credentialsFromFlags } from './credentials';
import { cliLanguage } from './errorText';
import { parseFlags, requireFlag } from './flags';
import { PRINT_FLAGS, PRINT_USAGE, printCode, printFromFlags, printSummary } from './printFlags';

export const GENERATE_USAGE = `wxacode generate --out FILE.png (--path P | --scene S [--page P] [--no-check-path] | --qrcode --path P) ${STYLE_USAGE} ${PRINT_USAGE} ${CREDENTIAL_USAGE} [--regenerate]`;

export async function generateCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values } = parseFlags(
    args,
    {
      out: { type: 'string' },
      path: { type: 'string' },
      scene: { type: 'string' },
      page: { type: 'string' },
      qrcode: { type: 'boolean' },
      ...STYLE_FLAGS,
      ...PRINT_FLAGS,
      ...CREDENTIAL_FLAGS,
      regenerate: { type: 'boolean' },
    },
    GENERATE_USAGE,
  );
  const file = requireFlag(values.out, '--out', 'the PNG file to write', '要写入的 PNG 文件');
  if (!/\.png$/i.test(file)) {
    throw new Failure(outNotPng());
  }
  const kind = values.qrcode ? 'qrcode' : values.scene !== undefined ? 'unlimited' : 'limited';
  const unused = flagNotForKind(kind, values);
  if (unused) throw new Failure(unused);
  const print = await printFromFlags(values, kind);
  const validation = validateCodeRequest({
    kind,
    path: values.path,
    scene: values.scene,
    page: values.page,
    ...styleFromFlags(values),
    ...(print?.plan ? { width: String(print.plan.requestWidth) } : {}),
  });
  if (!validation.ok) {
    const [first, ...rest] = validation.errors;
    throw new Failure(asFlagError(first!, rest.length));
  }

  const credentials = await credentialsFromFlags(values as CredentialFlags);
  try {
    const client = createWechatClient({ apiBase: credentials.apiBase, tokens: credentials.tokens });
    await sweepTemps(dataDir(), 2);
    // The same library as the app's: a code this AppID already made is copied out, not paid for again.
    const maker = new CodeMaker(await Library.open(join(dataDir(), 'library')));
    const account = {
      accountId: credentials.accountId ?? '',
      appId: credentials.owner,
      client,
    };
    const made = await maker.make(account, validation.value, { regenerate: values.regenerate ?? false });
    const { entry } = made;
    const saved = print
      ? await printCode(made.png, entry.width, validation.value, print)
      : { png: made.png, width: entry.width, height: entry.height };
    await writeFileAtomic(file, saved.png);
    out(
      `Saved ${file} (${saved.width}×${saved.height} PNG)${made.fromLibrary ? ' from the library: no API call, no quota used (--regenerate forces a new one)' : ''}`,
    );
    const summary = print && printSummary(print, entry.width);
    if (summary) out(summary);
    if (made.notKept) {
      const language = cliLanguage();
      process.stderr.write(`${made.notKept.message[language]} ${made.notKept.hint[language]}\n`);
    }
    if (!made.fromLibrary && entry.numUsed !== undefined) {
      out(`Num-Used: ${entry.numUsed} of 100000 limited codes`);
      if (credentials.accountId)
        await fileAccountStore(dataDir()).recordNumUsed(credentials.accountId, entry.numUsed);
    }
  } finally {
    await credentials.close();
  }
}
