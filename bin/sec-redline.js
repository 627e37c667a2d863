#!/usr/bin/env node
// Thin launcher: the compiled CLI (built by `npm ci` through the prepare script).
import { runAsProcess } from '../dist/cli/process.js';

await runAsProcess();
