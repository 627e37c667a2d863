#!/usr/bin/env node
// `npm run bench` (third part): every reading and writing command on the full-SEC-scale corpus, side by side with
// git's word diff of the same trees in the same run, at ¼, ½, 1× and 2× size, with peak memory. The corpus has
// the inline richness of real SEC text (bench/corpus.js, `rich`; `--plain` for plain words) and edits a drafter
// could make without a `check` error (`sound`). The change log for `apply` and `annex` is drafted from those
// edits by `sec-redline changelog` (it touches every document, ~600 items at full size), so the row also proves
// the draft applies; `release --out` composes that log split into two modifications (alternate items).
//
// Targets (issue "Every command at the scale of the whole SEC", full size): check, fmt --check, ids within 8×
// git; apply within 8×, annex within 10×; peak under 600 MB; time growing linearly with size.
//
// Options: --clauses N (full size, default 50000)  --scales 0.25,0.5,1,2  --repeat N (best of N, default 3: on a
//          shared machine one run can be 20% off, and the verdicts against the targets should not be)
//          --plain (the corpus without inline Markdown)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { best, mb, measure, sec } from './measure.js';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { editCorpus, fileName, generateCorpus, serialize } from './corpus.js';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out');
const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const fullClauses = Number(option('clauses', '50000'));
const scales = option('scales', '0.25,0.5,1,2').split(',').map(Number);
const repeat = Number(option('repeat', '3'));
const rich = !process.argv.includes('--plain');
const bin = join(root, 'bin', 'sec-redline.js');

const timed = (args, cwd) => best(Array.from({ length: repeat }, () => measure(process.execPath, [bin, ...args], join(out, 'commands-stdout.txt'), cwd)));

function corpusAt(clauses) {
  const dir = join(out, `commands-${rich ? 'rich' : 'plain'}-${clauses}`);
  const stamp = join(dir, 'corpus.json');
  if (existsSync(stamp)) return { dir, ...JSON.parse(readFileSync(stamp, 'utf8')) };
  rmSync(dir, { recursive: true, force: true });
  const v1 = generateCorpus({ clauses, rich });
  const { corpus: v2 } = editCorpus(v1, { moves: 5, rich, sound: true });
  let bytes = 0;
  for (const [side, corpus] of [['old', v1], ['new', v2]]) {
    mkdirSync(join(dir, side), { recursive: true });
    for (const doc of corpus) {
      const text = serialize(doc);
      if (side === 'old') bytes += Buffer.byteLength(text);
      writeFileSync(join(dir, side, fileName(doc)), text);
    }
  }
  // A repository for `release`: change logs are named relative to the folder holding sections/.
  mkdirSync(join(dir, 'sections'), { recursive: true });
  const info = { documents: v1.length, clauses, bytes };
  writeFileSync(stamp, JSON.stringify(info));
  return { dir, ...info };
}

/**
 * Two modifications for `release`: the drafted log's items split alternately (so both touch nearly every document
 * and never the same text), and a release file giving each document the log lists a new label.
 */
function writeRelease(dir, logFile) {
  const log = parseYaml(readFileSync(logFile, 'utf8'));
  const mods = ['MP998', 'MP999'].map((id, half) => {
    const file = `changes-${id}.yaml`;
    const items = log.items.filter((_, i) => i % 2 === half);
    writeFileSync(join(dir, file), stringifyYaml({ ...log, modification: { ...log.modification, id }, items }, { lineWidth: 0 }));
    return { changes: file, status: 'approved' };
  });
  const versions = Object.fromEntries(Object.entries(log.documents).map(([doc, version]) => [doc, `${version} R`]));
  writeFileSync(join(dir, 'release.yaml'), stringifyYaml({ name: 'Benchmark Release', date: '2026-01-05', modifications: mods, versions }));
}

/** The first clause ID of the first document, for `show`. */
function firstClause(dir) {
  const r = spawnSync(process.execPath, [bin, 'ids', '--clauses', 'old'], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
  return r.stdout.split('\n').find((l) => /\d/.test(l)) ?? 'A1.1';
}

mkdirSync(out, { recursive: true });
const TARGETS = { check: 8, 'fmt --check': 8, ids: 8, show: 8, apply: 8, annex: 10, diff: 2.5 };
const results = [];
for (const scale of scales) {
  const c = corpusAt(Math.round(fullClauses * scale));
  const git = best(Array.from({ length: repeat }, () => measure('git', ['diff', '--no-index', '--word-diff=porcelain', 'old', 'new'], join(out, 'commands-stdout.txt'), c.dir)));
  const log = join(c.dir, 'changes.yaml');
  const draft = timed(['changelog', 'old', 'new', '--mod', 'MP999', '--title', 'Benchmark', '--date', '2026-01-05', '-o', log], c.dir);
  const rows = [
    ['check', timed(['check', 'old'], c.dir)],
    ['fmt --check', timed(['fmt', '--check', 'old'], c.dir)],
    ['ids', timed(['ids', 'old'], c.dir)],
    ['show', timed(['show', firstClause(c.dir), '--sections', 'old'], c.dir)],
    ['changelog', draft],
  ];
  if (draft.status === 0) {
    rmSync(join(c.dir, 'applied'), { recursive: true, force: true });
    rows.push(['apply', timed(['apply', log, '--sections', 'old', '-o', 'applied', '--force'], c.dir)]);
    rows.push(['annex', timed(['annex', log, '--sections', 'old', '--force', '--date', '2026-01-05', '-o', join(c.dir, 'annex.docx')], c.dir)]);
    writeRelease(c.dir, log);
    rmSync(join(c.dir, 'released'), { recursive: true, force: true });
    rows.push(['release --out', timed(['release', 'release.yaml', '--sections', 'old', '--root', '.', '-o', 'released'], c.dir)]);
  }
  rows.push(['diff', timed(['diff', 'old', 'new', '--format', 'json'], c.dir)]);
  rows.push(['review', timed(['review', 'old', 'new', '-o', join(c.dir, 'review.html')], c.dir)]);
  console.log(`\n${scale}× — ${rich ? 'rich' : 'plain'} text, ${c.documents} documents, ${c.clauses} clauses, ${(c.bytes / 1e6).toFixed(1)} MB; git diff --word-diff ${sec(git.ms)} (${mb(git.rss)})`);
  for (const [name, r] of rows) {
    const ratio = r.ms / git.ms;
    const target = TARGETS[name];
    const verdict = scale === 1 && target !== undefined ? `  target ${target}×: ${ratio <= target && (r.rss === null || r.rss < 600 * 1048576) ? 'ok' : 'MISSED'}` : '';
    console.log(`  ${name.padEnd(14)} ${sec(r.ms).padStart(8)}  ${mb(r.rss).padStart(7)}  ${ratio.toFixed(1).padStart(6)}× git  exit ${r.status}${name === 'diff' && r.status === 1 ? ' (differ)' : ''}${verdict}`);
    results.push({ scale, name, ms: r.ms, rss: r.rss, ratio, status: r.status });
  }
}
writeFileSync(join(out, 'commands.json'), JSON.stringify(results, null, 2));
