// Shared by the tests that run the real `matterform` command.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const repo = new URL('../../../', import.meta.url);
export const bin = new URL('packages/cli/bin/matterform.js', repo).pathname;
export const sampleCatalogue = new URL('schemas/catalogue', repo).pathname;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real command as a user would, in the repo, and returns what it printed and its exit code. */
export async function matterform(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { cwd: repo.pathname });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
