// A deterministic, full-SEC-scale corpus for the diff benchmark: about 56 documents (Sections A–X, Schedules,
// Appendices) in canonical SEC Markdown with parts, cross-headings, clauses, nested sub-paragraphs, tables and
// "Not used" clauses; and a second version with 1% of clauses edited, 0.2% inserted or deleted, a few moved
// and a few renumbered. The same seed always gives the same bytes.
//
// `rich: true` gives text with the inline Markdown real SEC documents have: code spans for DUIS names, emphasis,
// bold defined terms, bracketed placeholders and limbs or lists
// written with `<br>` in table cells. Every file stays canonical (what `fmt` writes).

/** mulberry32: a small seeded PRNG; good enough for test data, and identical on every platform. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

const WORDS = (
  'the DCC shall notify Panel each User Party Device Service Request within Working Days of in accordance with ' +
  'Section this Code any such reasonable steps ensure that its Systems are protected against Compromise provided ' +
  'where relevant Authority Security Sub-Committee Smart Metering System Communications Hub Supplier Network Operator ' +
  'Registration Data Provider obligation comply requirements set out Appendix Schedule procedure report publish ' +
  'information relating Incident Major Certificate Organisation SMKI Repository Key Infrastructure Code Connection ' +
  'Test Scenarios Document Interface Specification Response Alert Message Command Firmware Image Version Threshold ' +
  'Anomaly Detection Charge Charges payable calculated basis period Regulatory Year Licence Condition Modification ' +
  'Proposal Change Board Secretariat Administrator determination dispute referred Authority decision appeal ' +
  'Energy Consumer Premises Meter Point Administration Number Gas Electricity Import Export Register Tariff ' +
  'Consumption Log Profile Data Credit Prepayment Mode Emergency Debt Recovery Time Period Schedule Configuration ' +
  'Status Event Alarm Security Credentials Trust Anchor Cell Replacement Recovery Procedure Business Continuity ' +
  'Disaster material adverse effect unless otherwise agreed writing notice given receipt copy record retain ' +
  'and or of to for by on at from as be is are has have been may must will not all other relevant applicable'
).split(' ');
const AMOUNTS = ['£35,000,000', '£1,335,568', '£250', '£10,000', '5%', '30', '(30)', 'thirty', '10', '60', '27 June 2024', '1 April 2025'];
const SUB_STARTS = ['the', 'any', 'each', 'where', 'in', 'a', 'such'];
const TITLES = ['Definitions', 'Interpretation', 'General', 'Obligations', 'Security', 'Charges', 'Testing', 'Services', 'Governance', 'Reporting', 'Incidents', 'Suspension', 'Disputes', 'Communications', 'Technical', 'Procedures'];

// Inline richness (rich corpus only): the names, terms and emphasised phrases SEC text marks up.
const DUIS = ['ReadInstantaneousImportRegisters', 'UpdateHANDeviceLog', 'UpdateSecurityCredentials', 'RestoreHANDeviceLog', 'ReadFirmwareVersion', 'CommissionDevice', 'JoinService', 'ServiceOptIn', 'ReadEventOrSecurityLog', 'UpdatePrepaySettings'];
const TERMS = ['Party', 'User', 'Smart Metering System', 'Communications Hub', 'Service Request', 'Working Day', 'Security Credentials', 'Anomaly Detection Threshold', 'Registration Data', 'Incident'];
const PLACEHOLDERS = ['[TBC]', '[Not used]', '[date]'];

/** One rich token (it may hold spaces: editWords never cuts inside one, see protectedWord). */
function richToken(r) {
  const k = r.int(0, 5);
  if (k === 0) return `\`${r.pick(DUIS)}\``;
  if (k === 1) return `*${r.pick(WORDS)} ${r.pick(WORDS)}*`;
  if (k === 2) return `(\`${r.pick(DUIS)}\`)`;
  if (k === 3) return r.pick(PLACEHOLDERS);
  return `**${r.pick(TERMS)}**`;
}

// After these words a number reads as a cross-reference ('Section 60'), which `check` would find dangling.
const REFERRING = new Set(['Section', 'Schedule', 'Appendix', 'Condition']);
const amountAfter = (r, prev) => (REFERRING.has(prev) ? r.pick(WORDS.filter((w) => !REFERRING.has(w))) : r.pick(AMOUNTS));

export function sentence(r, words) {
  const out = [];
  for (let i = 0; i < words; i++) out.push(r.rich && i > 0 && r.chance(0.06) ? richToken(r) : r.chance(0.04) ? amountAfter(r, out[i - 1]) : r.pick(WORDS));
  out[0] = out[0][0].toUpperCase() + out[0].slice(1);
  // Never start a line with a number or a bracket (it would read as a clause number or a label).
  if (!/^[A-Z]/.test(out[0])) out[0] = 'The';
  return `${out.join(' ')}.`;
}

export function subText(r) {
  return `${r.pick(SUB_STARTS)} ${sentence(r, r.int(6, 22)).replace(/^./, (c) => c.toLowerCase()).replace(/\.$/, ';')}`;
}

const ALPHA = 'abcdefghijklmnopqrstuvwxyz';
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii'];

/** The list of documents with their share of the clauses (some documents are far bigger than others). */
function documentList(r) {
  const docs = [];
  for (const code of 'ABCDEFGHIJKLMNOPQRSTUVWX') docs.push({ kind: 'section', code, weight: code === 'A' ? 3 : code === 'H' || code === 'L' ? 4 : r.int(1, 3) });
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) docs.push({ kind: 'schedule', code: String(n), weight: n === 8 ? 6 : 1 });
  for (const code of ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'AA', 'AB', 'AC', 'AD', 'AG']) {
    docs.push({ kind: 'appendix', code, weight: code === 'AD' ? 12 : code === 'AB' ? 6 : r.int(1, 3) });
  }
  return docs;
}

/**
 * One clause: its number, then its blocks as canonical lines grouped into Markdown "chunks" (a chunk is one
 * block, or a whole list, or a whole table; chunks are separated by one blank line).
 */
function makeClause(r, number, forceText) {
  if (!forceText && r.chance(0.02)) return { number, chunks: [`${number} Not used`] };
  const chunks = [`${number} ${forceText ?? sentence(r, r.int(25, 90))}`];
  if (r.chance(0.22)) {
    const items = [];
    const n = r.int(2, 6);
    for (let i = 0; i < n; i++) {
      items.push(`- (${ALPHA[i]}) ${subText(r)}`);
      if (r.chance(0.2)) {
        const m = r.int(2, 4);
        for (let k = 0; k < m; k++) items.push(`  - (${ROMAN[k]}) ${subText(r)}`);
      }
    }
    chunks.push(items.join('\n'));
    if (r.chance(0.3)) chunks.push(sentence(r, r.int(8, 30)));
  }
  if (r.chance(0.02)) {
    const cols = r.int(2, 4);
    const header = ['Expression', 'Meaning', 'Applies to', 'Notes'].slice(0, cols);
    const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`];
    const rows = r.int(5, 40);
    for (let i = 0; i < rows; i++) {
      // Keys are numbered through the document: a key defined twice in one document is a `check` error.
      r.keys = (r.keys ?? 0) + 1;
      const key = `**${r.pick(WORDS).replace(/^./, (c) => c.toUpperCase())} ${amountAfter(r, 'Section')} ${r.keys}**`;
      const cells = [key, r.rich && r.chance(0.3) ? limbsCell(r) : sentence(r, r.int(5, 25))];
      for (let c = 2; c < cols; c++) cells.push(sentence(r, r.int(1, 4)));
      lines.push(`| ${cells.join(' | ')} |`);
    }
    chunks.push(lines.join('\n'));
  }
  return { number, chunks };
}

/** A cell holding limbs, one per line in Word, written with `<br>` (docs/format.md, "Limbs"). */
function limbsCell(r) {
  const n = r.int(2, 4);
  const limbs = [];
  for (let i = 0; i < n; i++) limbs.push(`(${ALPHA[i]}) ${subText(r).replace(/;$/, i === n - 1 ? '.' : i === n - 2 ? '; and' : ';')}`);
  return `means ${r.pick(SUB_STARTS)} ${r.pick(WORDS)} which:<br>${limbs.join('<br>')}`;
}

/** Version 1 of the corpus: documents as parts of clauses, each clause as chunks of canonical lines. */
export function generateCorpus({ clauses: totalClauses, seed = 20240627, rich = false }) {
  const r = prng(seed);
  r.rich = rich;
  const list = documentList(r);
  const totalWeight = list.reduce((s, d) => s + d.weight, 0);
  return list.map((d) => {
    r.keys = 0;
    const count = Math.max(4, Math.round((totalClauses * d.weight) / totalWeight));
    const parts = [];
    let made = 0;
    let partNo = 0;
    while (made < count) {
      partNo++;
      const size = Math.min(count - made, r.int(15, 80));
      const prefix = d.kind === 'section' ? `${d.code}${partNo}` : `${partNo}`;
      const clauses = [];
      for (let i = 1; i <= size; i++) {
        const number = `${prefix}.${i}`;
        const clause = makeClause(r, number);
        // An unnumbered cross-heading before some clauses (it is a clause of its own in the model).
        if (i > 1 && r.chance(0.015)) clause.crossHeading = `### ${r.pick(TITLES)} ${r.pick(TITLES)}`;
        clauses.push(clause);
      }
      parts.push({ heading: `## ${prefix} ${r.pick(TITLES)} and ${r.pick(TITLES)}`, prefix, clauses });
      made += size;
    }
    const title = `${r.pick(TITLES)} ${r.pick(TITLES)}`;
    return { kind: d.kind, code: d.code, title, version: d.kind === 'appendix' ? 'v5.2' : 'SEC 2024-06', parts };
  });
}

export function fileName(doc) {
  return `${doc.kind}-${doc.code}.md`;
}

export function serialize(doc) {
  const chunks = [];
  for (const part of doc.parts) {
    chunks.push(part.heading);
    for (const c of part.clauses) {
      if (c.crossHeading) chunks.push(c.crossHeading);
      chunks.push(...c.chunks);
    }
  }
  return `---\nkind: ${doc.kind}\ncode: ${/^[1-9]\d*$/.test(doc.code) ? doc.code : yamlScalar(doc.code)}\ntitle: ${yamlScalar(doc.title)}\nversion: ${yamlScalar(doc.version)}\n---\n\n${chunks.join('\n\n')}\n`;
}

/** Front-matter values as `fmt` writes them: plain when YAML reads them back unchanged, else single-quoted. */
function yamlScalar(value) {
  const plain = /^[A-Za-z][A-Za-z0-9 .,()'&/-]*$/.test(value) && !/[:#]/.test(value) && !/\s$/.test(value);
  return plain ? value : `'${value.replace(/'/g, "''")}'`;
}

function cloneCorpus(corpus) {
  return corpus.map((d) => ({ ...d, parts: d.parts.map((p) => ({ ...p, clauses: p.clauses.map((c) => ({ ...c, chunks: [...c.chunks] })) })) }));
}

/** A word that opens, closes or holds inline markup: an edit never touches it, so the text stays canonical. */
const protectedWord = (w) => /[*`<>[\]()]/.test(w ?? '');

function editWords(r, line) {
  const words = line.split(' ');
  const edits = r.int(1, 3);
  for (let e = 0; e < edits; e++) {
    const i = r.int(1, words.length - 1); // never the clause number
    if (protectedWord(words[i]) || protectedWord(words[i - 1])) continue;
    const what = r.int(0, 3);
    if (what === 0) words[i] = r.pick(WORDS);
    else if (what === 1) words.splice(i, 0, r.pick(WORDS.filter((w) => !REFERRING.has(w))), r.pick(WORDS));
    else if (what === 2 && words.length > 6) words.splice(i, 1);
    else words[i] = amountAfter(r, words[i - 1]);
  }
  // A word that now stands before a number must not make it a cross-reference.
  for (let j = 1; j < words.length; j++) if (REFERRING.has(words[j]) && /^\(?\d/.test(words[j + 1] ?? '')) words[j] = 'the';
  // The text must stay canonical: a cell or paragraph starting '60.' would be written '60\.' by `fmt`.
  if (!/^[A-Za-z]/.test(words[1] ?? 'x')) words.splice(1, 0, 'the');
  let out = words.join(' ');
  if (!/[.;:]$/.test(out)) out += '.';
  return out;
}

/**
 * Version 2: 1% of clauses edited (words, amounts, a sub-paragraph or a table row), 0.2% inserted ('G3.5A') or
 * deleted ('Not used' or removed), `moves` clauses moved to another part and `renumbers` clauses renumbered in
 * place. Returns the new corpus and what was done (for a sanity check of the diff's counts). `sound`: edits a
 * drafter could make without a `check` error (deletions as 'Not used', moves without a numbering gap, no
 * renumbering), so a change log drafted from them applies; `rich`: inserted clauses get rich text too.
 */
export function editCorpus(corpus, { seed = 7, moves = 5, renumbers = 5, rich = false, sound = false } = {}) {
  const r = prng(seed);
  r.rich = rich;
  r.keys = 1_000_000; // keys of inserted tables never repeat one the corpus has
  const next = cloneCorpus(corpus);
  const done = { edited: 0, inserted: 0, deleted: 0, moved: 0, renumbered: 0 };
  const all = [];
  next.forEach((d) => d.parts.forEach((p) => p.clauses.forEach((c, i) => all.push({ d, p, c, i }))));
  const used = new Set();
  const draw = () => {
    for (;;) {
      const k = r.int(0, all.length - 1);
      if (!used.has(k)) {
        used.add(k);
        return all[k];
      }
    }
  };
  const editCount = Math.round(all.length * 0.01);
  for (let n = 0; n < editCount; n++) {
    const { c } = draw();
    if (c.chunks[0].endsWith(' Not used')) continue;
    const k = r.int(0, c.chunks.length - 1);
    const lines = c.chunks[k].split('\n');
    let j = r.int(0, lines.length - 1);
    if (lines[j].startsWith('|')) {
      if (j === 1) j = 0; // never the delimiter line
      const cells = lines[j].slice(2, -2).split(' | ');
      const col = r.int(1, cells.length - 1);
      cells[col] = editWords(r, `x ${cells[col]}`).slice(2);
      lines[j] = `| ${cells.join(' | ')} |`;
    } else {
      const m = /^(\s*- \([a-z]+\) |[^ ]+ )?(.*)$/.exec(lines[j]);
      const lead = k === 0 || lines[j].trimStart().startsWith('- ') ? m[1] ?? '' : '';
      lines[j] = lead + editWords(r, `x ${lines[j].slice(lead.length)}`).slice(2);
    }
    c.chunks[k] = lines.join('\n');
    done.edited++;
  }
  const insDel = Math.round(all.length * 0.002);
  for (let n = 0; n < insDel; n++) {
    const { p, c } = draw();
    if (r.chance(0.5)) {
      const at = p.clauses.indexOf(c);
      if (p.clauses[at + 1]?.number === `${c.number}A`) continue;
      p.clauses.splice(at + 1, 0, makeClause(r, `${c.number}A`, sentence(r, r.int(20, 60))));
      done.inserted++;
    } else if (sound || r.chance(0.5)) {
      c.chunks = [`${c.number} Not used`];
      done.deleted++;
    } else {
      p.clauses.splice(p.clauses.indexOf(c), 1);
      done.deleted++;
    }
  }
  // Moves: a clause leaves its part and is appended to another part of the same document under a new number.
  // With `sound`, the last clause of its part moves and takes the next number of the other part, so the numbering
  // has no gap (`check` passes on both versions and a drafted change log applies).
  for (let n = 0; n < moves; n++) {
    const drawn = draw();
    const { d, p } = drawn;
    const c = sound ? p.clauses[p.clauses.length - 1] : drawn.c;
    const others = d.parts.filter((q) => q !== p);
    if (!c || !others.length || c.chunks[0].endsWith(' Not used') || (sound && p.clauses.length < 2)) continue;
    const target = r.pick(others);
    p.clauses.splice(p.clauses.indexOf(c), 1);
    const lastNo = Number(/\.(\d+)[A-Z]*$/.exec(target.clauses[target.clauses.length - 1]?.number ?? '.0')?.[1] ?? 0);
    const number = `${target.prefix}.${sound ? lastNo + 1 : target.clauses.length + 100}`;
    c.chunks[0] = number + c.chunks[0].slice(c.number.length);
    c.number = number;
    target.clauses.push(c);
    done.moved++;
  }
  // Renumberings: the last clause of a part takes the next free number, in place (a gap: never with `sound`).
  for (let n = 0; n < (sound ? 0 : renumbers); n++) {
    const { p } = draw();
    const c = p.clauses[p.clauses.length - 1];
    if (!c || c.chunks[0].endsWith(' Not used')) continue;
    const number = `${p.prefix}.${p.clauses.length + 200}`;
    c.chunks[0] = number + c.chunks[0].slice(c.number.length);
    c.number = number;
    done.renumbered++;
  }
  return { corpus: next, done };
}
