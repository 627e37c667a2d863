#!/usr/bin/env node
// `npm run bench` (second part): times `sec-redline render DIR -o OUT` (every document of the full-SEC-scale
// corpus as a Word document in house style, after the same checks `check` makes) side by side with
// `pandoc -f markdown -t docx` on the same Markdown files, one pandoc run per document (the same 50-odd
// outputs), and reports wall time and peak memory (RSS) of each.
//
// Target: sec-redline at most pandoc's time, under 1 GB peak RSS.
//
// Options: --clauses N (default 50000)  --no-pandoc (time sec-redline only)  --regenerate
// Corpus and outputs go to bench/out/ (git-ignored). Run through `npm run bench`, which builds dist/ first.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileName, generateCorpus, serialize } from './corpus.js';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const out = join(root, 'bench', 'out');
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const flag = (name) => process.argv.includes(`--${name}`);
const clauses = Number(option('clauses', '50000'));
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

/**
 * The diff benchmark's corpus (bench/corpus.js) is random text: 'Section 10' reads as a reference to a clause
 * that does not exist, and two tables of a document may draw the same defined term. `render` refuses documents
 * `check` finds errors in, so for this benchmark 'Section 10' is written 'Part 10' (not a
 * reference) and each definition's key is numbered through its document. Everything else is the same text.
 */
function publishable(text) {
  let n = 0;
  return text.replace(/\b[Ss]ection (?=[\d(£])/g, 'Part ').replace(/^\| \*\*(.+?) \d+\*\* \|/gm, (_m, words) => `| **${words} ${++n}** |`);
}

/** The corpus as Markdown files (one version; reused when present). */
function prepare() {
  const dir = join(out, `render-corpus-${clauses}`);
  const stamp = join(dir, 'corpus.json');
  if (!flag('regenerate') && existsSync(stamp)) return { dir, ...JSON.parse(readFileSync(stamp, 'utf8')) };
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'md'), { recursive: true });
  let bytes = 0;
  const docs = generateCorpus({ clauses });
  for (const doc of docs) {
    const text = publishable(serialize(doc));
    bytes += Buffer.byteLength(text);
    writeFileSync(join(dir, 'md', fileName(doc)), text);
  }
  const info = { documents: docs.length, bytes };
  writeFileSync(stamp, JSON.stringify(info));
  return { dir, ...info };
}

/** Wall time (ms), peak RSS (bytes or null) and exit status of one command. */
function measure(command, args, cwd) {
  const t0 = performance.now();
  const r = TIME ? spawnSync(TIME, ['-v', command, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 }) : spawnSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = performance.now() - t0;
  const stderr = r.stderr?.toString('utf8') ?? '';
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return { ms, rss: m ? Number(m[1]) * 1024 : null, status: r.status, stderr };
}

const mb = (bytes) => (bytes === null ? 'n/a' : `${(bytes / 1048576).toFixed(0)} MB`);
const sec = (ms) => `${(ms / 1000).toFixed(1)} s`;

const corpus = prepare();
const md = join(corpus.dir, 'md');
const files = readdirSync(md).filter((f) => f.endsWith('.md')).sort();
console.log(`\nrender: ${corpus.documents} documents, ${clauses} clauses, ${(corpus.bytes / 1e6).toFixed(1)} MB of Markdown`);

const ours = measure(process.execPath, [join(root, 'bin', 'sec-redline.js'), 'render', 'md', '-o', 'docx', '--date', '2024-06-27'], corpus.dir);
if (ours.status !== 0) {
  console.error(`sec-redline render exited ${ours.status}:\n${ours.stderr.split('\n').slice(0, 20).join('\n')}`);
  process.exit(2);
}
const written = readdirSync(join(corpus.dir, 'docx')).length;
console.log(`  sec-redline render: ${sec(ours.ms)}, peak ${mb(ours.rss)} (${written} DOCX)`);

let pandoc = null;
if (!flag('no-pandoc')) {
  if (spawnSync('sh', ['-c', 'command -v pandoc'], { stdio: 'ignore' }).status !== 0) {
    console.log('  pandoc is not installed: no comparison (apt-get install pandoc)');
  } else {
    mkdirSync(join(corpus.dir, 'pandoc'), { recursive: true });
    pandoc = { ms: 0, rss: 0 };
    for (const f of files) {
      const r = measure('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join('pandoc', f.replace(/\.md$/, '.docx')), join('md', f)], corpus.dir);
      if (r.status !== 0) {
        console.error(`pandoc failed on ${f}:\n${r.stderr}`);
        process.exit(2);
      }
      pandoc.ms += r.ms;
      pandoc.rss = r.rss === null || pandoc.rss === null ? null : Math.max(pandoc.rss, r.rss);
    }
    console.log(`  pandoc -f markdown -t docx, one run per document: ${sec(pandoc.ms)}, peak ${mb(pandoc.rss)}`);
  }
}

const okMem = ours.rss === null || ours.rss < 1024 ** 3;
const okTime = pandoc === null || ours.ms <= pandoc.ms;
console.log(
  `target: at most pandoc's time → ${pandoc === null ? 'not compared' : `${(ours.ms / pandoc.ms).toFixed(2)}× ${okTime ? 'ok' : 'MISSED'}`}; ` +
    `under 1 GB peak → ${mb(ours.rss)} ${okMem ? 'ok' : 'MISSED'}`,
);
process.exitCode = okTime && okMem ? 0 : 1;
