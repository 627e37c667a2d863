// The process edge: the real streams, environment and exit status around main(). bin/sec-redline.js calls
// runAsProcess; everything else runs in-process through main() with a CliContext.

import { main } from './main.js';
import { readProcessStdin } from '../util/files.js';

/** Exit status of a command whose reader went away, as a shell reports one killed by SIGPIPE (git, cat). */
export const BROKEN_PIPE_EXIT = 141;

export async function runAsProcess(): Promise<void> {
  // `sec-redline ids | head -1`: once the reader has closed the pipe, stop quietly, as git does — no "write
  // EPIPE" and no stack trace. Any other stream error is a real one and is reported.
  // As Git's external diff driver, though, a non-zero status is fatal to `git log -p | head`: exit 0 there.
  const brokenPipe = process.argv[2] === 'git' && process.argv[3] === 'diff-driver' ? 0 : BROKEN_PIPE_EXIT;
  const onError = (err: NodeJS.ErrnoException): void => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') process.exit(brokenPipe);
    process.stderr.write(`sec-redline: cannot write output: ${err.message}\n`);
    process.exit(2);
  };
  let stdinBytes: Uint8Array | undefined;
  process.stdout.on('error', onError);
  process.stderr.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE' || err.code === 'ERR_STREAM_DESTROYED') process.exit(brokenPipe);
  });
  const code = await main({
    argv: process.argv.slice(2),
    stdout: process.stdout,
    stderr: process.stderr,
    // Read once, on first use, and kept: a command may ask for it more than once.
    stdin: () => (stdinBytes ??= readProcessStdin()),
    cwd: process.cwd(),
    env: process.env,
  });
  process.exitCode = code;
}
