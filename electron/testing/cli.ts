// Test support for the `wxacode batch` tests: the CLI as a child process, as a user runs it.
import { type ChildProcess, spawn } from 'node:child_process';
import { afterEach, onTestFinished } from 'vitest';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../sandbox';
import { tempFolderFor } from './tempFolder';

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  child: ChildProcess;
  done: Promise<Run>;
}

/** Starts `wxacode ARGS` with its data folder at `home` and English messages; stdin is not a terminal. */
export function startCli(args: string[], home: string, env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', ...args], {
    env: { ...process.env, WXACODE_DATA_DIR: home, LANG: 'en_US.UTF-8', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += d));
  child.stderr?.on('data', (d) => (stderr += d));
  child.stdin?.end();
  const done = new Promise<Run>((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export const runCli = (args: string[], home: string, env: Record<string, string> = {}): Promise<Run> =>
  startCli(args, home, env).done;

/** Resolves once `check` holds (say, the sandbox has seen a call), looking every few milliseconds. */
export async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

export interface CliWorld {
  sandbox: RunningSandbox;
  /** The CLI's data folder, and room for the test's files. */
  home: string;
  /** --appid and --api-base for the sandbox (its AppSecret goes in WXACODE_APPSECRET). */
  creds: string[];
}

/** A sandbox and a throwaway data folder for each test that asks, closed and removed after it. */
export function cliWorlds(name: string): (options?: SandboxOptions) => Promise<CliWorld> {
  let opened: CliWorld | undefined;
  afterEach(async () => {
    await opened?.sandbox.close();
    opened = undefined;
  });
  return async (options = {}) => {
    const sandbox = await startSandbox(options);
    const home = await tempFolderFor({ onTestFinished }, name);
    opened = { sandbox, home, creds: ['--appid', 'wx0123456789abcdef', '--api-base', sandbox.url] };
    return opened;
  };
}
