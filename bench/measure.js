// One way the benchmarks time a command: wall time, peak RSS (through /usr/bin/time -v where the machine has it)
// and exit status, with stdout to a file (or discarded), so every row of `npm run bench` is measured alike.

import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';

export const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/** Runs a command; returns wall time (ms), peak RSS (bytes, or null without /usr/bin/time) and exit status. */
export function measure(command, args, stdoutFile, cwd) {
  const fd = stdoutFile === null ? 'ignore' : openSync(stdoutFile, 'w');
  const t0 = performance.now();
  const stdio = ['ignore', fd, 'pipe'];
  const r = TIME ? spawnSync(TIME, ['-v', command, ...args], { cwd, stdio, maxBuffer: 1 << 26 }) : spawnSync(command, args, { cwd, stdio, maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  if (fd !== 'ignore') closeSync(fd);
  const stderr = r.stderr?.toString('utf8') ?? '';
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return { ms, rss: m ? Number(m[1]) * 1024 : null, status: r.status, stderr };
}

/** The fastest of several runs. */
export function best(runs) {
  return runs.reduce((a, b) => (b.ms < a.ms ? b : a));
}

export const mb = (bytes) => (bytes === null ? 'n/a' : `${(bytes / 1048576).toFixed(0)} MB`);
export const sec = (ms) => `${(ms / 1000).toFixed(2)} s`;
