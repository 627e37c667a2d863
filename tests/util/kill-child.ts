// The child process of the SIGKILL tests (bundled by kill.test.ts, run with plain node):
//   at ROOT N     commit the NEW tree of tree.ts into ROOT, SIGKILLing itself at the N-th mutating fs call
//   loop ROOT K   commit generation 1, 2, 3… of K files into ROOT until killed from outside
//   cli ARGS…     the sec-redline CLI (for the concurrent-writer test)
import { commitFiles } from '../../src/util/transaction.js';
import { main } from '../../src/cli/main.js';
import { faultFs } from './fault-fs.js';
import { writes } from './tree.js';

const [mode, ...rest] = process.argv.slice(2);
if (mode === 'at') {
  const [root, n] = rest as [string, string];
  const f = faultFs(Number(n), undefined, () => {
    process.kill(process.pid, 'SIGKILL');
    for (;;) {
      // the signal is on its way
    }
  });
  commitFiles(writes(root), { root, fs: f.fs });
  process.stdout.write(`done after ${f.count()} calls\n`);
} else if (mode === 'loop') {
  const [root, k] = rest as [string, string];
  const pad = 'x'.repeat(Number(process.env['PAD'] ?? 64 * 1024));
  for (let gen = 1; ; gen++) {
    const files = Array.from({ length: Number(k) }, (_, i) => ({ path: `${root}/doc-${String(i).padStart(2, '0')}.md`, data: `generation ${gen}\n${pad}\n` }));
    commitFiles(files, { root });
    if (gen === 1) process.stdout.write('started\n');
  }
} else if (mode === 'cli') {
  process.exitCode = await main({ argv: rest, stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env });
}
