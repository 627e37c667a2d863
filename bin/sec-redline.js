#!/usr/bin/env node
// Thin launcher: the compiled CLI (built by `npm ci` through the prepare script).
import { main } from '../dist/cli/main.js';

// A reader that stops early (`| head`, Git's pager quit, `git log -p` cut short) closes the pipe: that is not an
// error of this program, and Git treats an external diff that dies as fatal. Stop quietly, as cat(1) does.
process.stdout.on('error', (err) => {
  if (err && err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

const code = await main({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
