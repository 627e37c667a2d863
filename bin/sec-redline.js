#!/usr/bin/env node
// Thin launcher: the compiled CLI (built by `npm ci` through the prepare script).
import { main } from '../dist/cli/main.js';

const code = await main({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
process.exitCode = code;
