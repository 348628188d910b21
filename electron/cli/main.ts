#!/usr/bin/env node
import '../core/storage/threadPool';
import { rememberSecret } from '../../shared/redact';
import { dataDir } from '../core/storage/dataDir';
import { type ErrorLog, openErrorLog } from '../core/storage/errorLog';
import { ACCOUNT_USAGE, accountCommand } from './accountCommand';
import { BATCH_USAGE, batchCommand } from './batchCommand';
import { asAppError, EXIT, exitCodeFor, printError } from './exit';
import { GENERATE_USAGE, generateCommand } from './generateCommand';
import { SANDBOX_USAGE, sandboxCommand } from './sandboxCommand';

const USAGE = `wxacode: make WeChat mini program codes (小程序码)

  ${GENERATE_USAGE}
  ${BATCH_USAGE}
  ${ACCOUNT_USAGE}
  ${SANDBOX_USAGE}

Exit codes: 0 success, 2 invalid input (nothing was sent), 3 WeChat error, 4 network or other failure.`;

type Command = (args: string[], out: (line: string) => void, log: ErrorLog) => Promise<void>;

const commands: Record<string, Command> = {
  generate: generateCommand,
  batch: batchCommand,
  account: accountCommand,
  sandbox: sandboxCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    out(USAGE);
    return name ? EXIT.ok : EXIT.input;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Unknown command “${name}”.\n\n${USAGE}\n`);
    return EXIT.input;
  }
  // The app's support log, in the same data folder: a supporter sees the CLI's errors beside the app's.
  const log = openErrorLog({ dataDir: dataDir(), process: 'cli' });
  // Credentials handed over in the environment are masked wherever they might turn up.
  for (const variable of ['WXACODE_APPSECRET', 'WXACODE_ACCESS_TOKEN', 'WXACODE_TOKEN_CREDENTIAL']) {
    rememberSecret(process.env[variable]);
  }
  try {
    await command(args, out, log);
    return EXIT.ok;
  } catch (caught) {
    const error = asAppError(caught);
    log.failed(name, error, { cause: caught });
    printError(error);
    return exitCodeFor(error);
  }
}

void main(process.argv.slice(2)).then((code) => {
  // Exit at once: idle keep-alive sockets to WeChat would otherwise hold the process open for seconds.
  process.exit(code);
});
