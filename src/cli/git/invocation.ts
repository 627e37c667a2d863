// How Git calls this CLI back (diff driver, pre-commit hook): by absolute paths of the node that is running now
// and of the package's own bin/sec-redline.js, so it works with no `sec-redline` on PATH and no node_modules in
// the repository being worked on. Quoted for the shell Git runs them with.

import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** bin/sec-redline.js of this package (this file is src/cli/git/ or dist/cli/git/). */
export function packageBin(): string {
  return join(fileURLToPath(new URL('../../../', import.meta.url)), 'bin', 'sec-redline.js');
}

/** One word for sh: single-quoted, with each ' spelled '\''. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `'/usr/bin/node' '/…/bin/sec-redline.js' git <sub…>` */
export function selfCommand(...args: string[]): string {
  return [process.execPath, packageBin(), 'git', ...args].map(shellQuote).join(' ');
}
