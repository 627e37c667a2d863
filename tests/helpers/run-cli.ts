// Runs the whole CLI in-process with captured output: the way most command tests drive the tool.
import { main } from '../../src/cli/main.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** `stdin`: what the command reads for `-` (absent: `-` is a file name, as for a caller without one). */
export async function runCli(argv: string[], cwd: string, env: Record<string, string | undefined> = {}, stdin?: string): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd,
    env: { NO_COLOR: '1', ...env },
    stdout: { write: (s: string) => (stdout += s), isTTY: false },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    ...(stdin !== undefined ? { stdin: () => Buffer.from(stdin, 'utf8') } : {}),
  });
  return { code, stdout, stderr };
}
