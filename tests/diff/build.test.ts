import { describe, expect, it } from 'vitest';
import { scanDocument } from '../../src/model/scan.js';
import type { SecDocument } from '../../src/model/types.js';
import { buildDocumentRedline, buildRedline } from '../../src/diff/build-redline.js';
import { redlineErrors } from '../../src/redline/invariant.js';
import type { ClauseRedline, DocumentRedline } from '../../src/redline/types.js';

function doc(body: string, head = { kind: 'section', code: 'G', title: 'Security', version: 'SEC 2024-06' }): SecDocument {
  const text = `---\nkind: ${head.kind}\ncode: ${head.code}\ntitle: ${head.title}\nversion: ${head.version}\n---\n\n${body.trim()}\n`;
  const r = scanDocument(text, `${head.kind}-${head.code}.md`);
  expect(r.problems).toEqual([]);
  return r.doc!;
}

function diff(oldBody: string, newBody: string, detectMoves = true): DocumentRedline {
  const red = buildDocumentRedline(doc(oldBody), doc(newBody), 'sections/section-G.md', { detectMoves });
  expect(redlineErrors({ documents: [red] })).toEqual([]);
  return red;
}

function changed(red: DocumentRedline): { id: string; status: string; oldId?: string; note?: string }[] {
  return red.clauses
    .filter((c) => c.status !== 'unchanged')
    .map((c) => ({ id: c.id, status: c.status, ...(c.oldId ? { oldId: c.oldId } : {}), ...(c.note ? { note: c.note } : {}) }));
}

function clause(red: DocumentRedline, id: string): ClauseRedline {
  const c = red.clauses.find((x) => x.id === id);
  expect(c, id).toBeDefined();
  return c!;
}

const LONG_A = 'Each User shall take reasonable steps to ensure that its Systems are protected against Compromise.';
const LONG_B = 'The Panel may publish guidance on the application of this Section from time to time as it sees fit.';
const LONG_C = 'The DCC shall notify the Security Sub-Committee of each Major Security Incident without delay.';

describe('buildDocumentRedline', () => {
  it('identical documents: every clause unchanged, document unchanged, file name without directory', () => {
    const body = `## G3 Incidents\n\nG3.1 ${LONG_A}\n\n- (a) in writing;\n- (b) by telephone.`;
    const red = diff(body, body);
    expect(red.status).toBe('unchanged');
    expect(red.file).toBe('section-G.md');
    expect(red.clauses.map((c) => [c.id, c.status])).toEqual([
      ['G3', 'unchanged'],
      ['G3.1', 'unchanged'],
    ]);
    expect(red.clauses[1]!.blocks).toHaveLength(3);
  });

  it('a version label change alone makes the document changed with no clause changes', () => {
    const body = `G3.1 ${LONG_A}`;
    const red = buildDocumentRedline(doc(body), doc(body, { kind: 'section', code: 'G', title: 'Security', version: 'SEC 2024-09' }), 'section-G.md');
    expect(red.status).toBe('changed');
    expect(red.oldVersion).toBe('SEC 2024-06');
    expect(red.newVersion).toBe('SEC 2024-09');
    expect(changed(red)).toEqual([]);
  });

  it('an inserted sub-paragraph is one insertion; the ones after it are relabelled, not rewritten', () => {
    const red = diff(
      `G3.1 ${LONG_A}\n\n- (a) the date of the request;\n- (b) the Device ID; and\n- (c) the outcome.`,
      `G3.1 ${LONG_A}\n\n- (a) the date of the request;\n- (b) the name of the User;\n- (c) the Device ID; and\n- (d) the outcome.`,
    );
    const blocks = clause(red, 'G3.1').blocks;
    expect(blocks.map((b) => [b.id, b.status, b.oldId ?? null])).toEqual([
      ['G3.1', 'unchanged', null],
      ['G3.1(a)', 'unchanged', null],
      ['G3.1(b)', 'inserted', null],
      ['G3.1(c)', 'changed', 'G3.1(b)'],
      ['G3.1(d)', 'changed', 'G3.1(c)'],
    ]);
    expect(blocks[3]!.label.spans).toEqual([
      { op: 'delete', text: '(b)' },
      { op: 'insert', text: '(c)' },
    ]);
    expect(blocks[3]!.text.spans).toEqual([{ op: 'equal', text: 'the Device ID; and' }]);
  });

  it('a deleted block stays where it stood', () => {
    const red = diff(`G3.1 ${LONG_A}\n\n- (a) first;\n- (b) second;\n- (c) third.`, `G3.1 ${LONG_A}\n\n- (a) first;\n- (b) third.`);
    expect(clause(red, 'G3.1').blocks.map((b) => [b.id, b.status])).toEqual([
      ['G3.1', 'unchanged'],
      ['G3.1(a)', 'unchanged'],
      ['G3.1(b)', 'deleted'],
      ['G3.1(b)', 'changed'],
    ]);
  });

  it('renumbering a run of clauses: an insertion and two renumberings, with labels as spans', () => {
    const red = diff(`G3.6 ${LONG_A}\n\nG3.7 ${LONG_B}`, `G3.6 ${LONG_C}\n\nG3.7 ${LONG_A}\n\nG3.8 ${LONG_B}`);
    expect(changed(red)).toEqual([
      { id: 'G3.6', status: 'inserted', note: 'former G3.6 renumbered to G3.7' },
      { id: 'G3.7', status: 'renumbered', oldId: 'G3.6', note: 'renumbered from G3.6' },
      { id: 'G3.8', status: 'renumbered', oldId: 'G3.7', note: 'renumbered from G3.7' },
    ]);
    expect(clause(red, 'G3.7').blocks[0]!.label.spans).toEqual([
      { op: 'delete', text: 'G3.6' },
      { op: 'insert', text: 'G3.7' },
    ]);
  });

  it('a clause moved to another part is moved, with a note', () => {
    const red = diff(`## G3 One\n\nG3.1 ${LONG_A}\n\nG3.2 ${LONG_B}\n\n## G4 Two\n\nG4.1 ${LONG_C}`, `## G3 One\n\nG3.2 ${LONG_B}\n\n## G4 Two\n\nG4.1 ${LONG_C}\n\nG4.2 ${LONG_A}`);
    expect(changed(red)).toEqual([{ id: 'G4.2', status: 'moved', oldId: 'G3.1', note: 'moved from G3.1' }]);
    // Only the number changed: no text spans.
    expect(clause(red, 'G4.2').blocks[0]!.text.spans).toEqual([{ op: 'equal', text: LONG_A }]);
  });

  it('moves are not detected when detectMoves is false (as apply asks)', () => {
    const red = diff(`G3.1 ${LONG_A}\n\nG3.2 ${LONG_B}`, `G3.2 ${LONG_B}\n\nG3.3 ${LONG_A}`, false);
    expect(changed(red)).toEqual([
      { id: 'G3.1', status: 'deleted' },
      { id: 'G3.3', status: 'inserted' },
    ]);
  });

  it('never a false move: short clauses, repeated texts and "Not used" do not pair', () => {
    // Short text (under 8 words) under a new number.
    expect(changed(diff('G3.1 The DCC shall comply.', 'G3.2 The DCC shall comply.'))).toEqual([
      { id: 'G3.1', status: 'deleted' },
      { id: 'G3.2', status: 'inserted' },
    ]);
    // Several "Not used" clauses renumbered.
    expect(changed(diff('G3.1 Not used\n\nG3.2 Not used', 'G3.2 Not used\n\nG3.3 Not used')).map((c) => c.status)).toEqual(['deleted', 'inserted']);
    // The same long text twice on the new side: ambiguous.
    expect(changed(diff(`G3.1 ${LONG_A}`, `G3.2 ${LONG_A}\n\nG3.3 ${LONG_A}`)).map((c) => c.status)).toEqual(['deleted', 'inserted', 'inserted']);
  });

  it('a clause edited in place and copied elsewhere is a change and an insertion, not a move', () => {
    const red = diff(`G3.1 ${LONG_A}\n\nG3.2 ${LONG_B}`, `G3.1 ${LONG_A.replace('reasonable', 'all reasonable')}\n\nG3.2 ${LONG_B}\n\nG3.3 ${LONG_A}`);
    expect(changed(red)).toEqual([
      { id: 'G3.1', status: 'changed' },
      { id: 'G3.3', status: 'inserted' },
    ]);
  });

  it('a whitespace-only change inside a moved clause still counts as the move, with the change shown', () => {
    const red = diff(`G3.1 ${LONG_A}\n\nG3.2 ${LONG_B}`, `G3.2 ${LONG_B}\n\nG3.3 ${LONG_A.replace('its Systems', 'its  Systems')}`);
    const moved = red.clauses.find((c) => c.status === 'moved' || c.status === 'renumbered');
    expect(moved?.oldId).toBe('G3.1');
    expect(moved!.blocks[0]!.text.spans.some((s) => s.op !== 'equal')).toBe(true);
  });

  it('an unnumbered cross-heading inserted before another: the old one keeps its text under its shifted ID', () => {
    const red = diff(`G3.1 ${LONG_A}\n\n### Annex One\n\nThe first annex text.`, `G3.1 ${LONG_A}\n\n### Annex Zero\n\n### Annex One\n\nThe first annex text.`);
    expect(changed(red)).toEqual([{ id: 'G3.1/heading1', status: 'inserted' }]);
    const shifted = clause(red, 'G3.1/heading2');
    expect(shifted.status).toBe('unchanged');
    expect(shifted.oldId).toBe('G3.1/heading1');
  });

  it('table rows align by key: added, removed and changed rows; a renamed key pairs by its text', () => {
    const table = (rows: string[]): string => `G3.1 ${LONG_A}\n\n| Expression | Meaning |\n| --- | --- |\n${rows.join('\n')}`;
    const red = diff(
      table(['| **Fax** | means facsimile transmission by telephone line. |', '| **SMKI** | means the key infrastructure. |', '| **User** | means a User. |']),
      table(['| **Facsimile** | means facsimile transmission by telephone line. |', '| **SMKI** | means the Smart Metering Key Infrastructure. |', '| **WAN** | means the network. |']),
    );
    const rows = clause(red, 'G3.1').blocks.filter((b) => b.kind === 'row');
    expect(rows.map((b) => [b.id, b.status, b.oldId ?? null])).toEqual([
      ['G3.1[Facsimile]', 'changed', 'G3.1[Fax]'],
      ['G3.1[SMKI]', 'changed', null],
      ['G3.1[User]', 'deleted', null],
      ['G3.1[WAN]', 'inserted', null],
    ]);
    const smki = rows[1]!;
    expect(smki.cells!.map((c) => c.spans.some((s) => s.op !== 'equal'))).toEqual([false, true]);
    expect(smki.cells![1]!.old).toBe('means the key infrastructure.');
    expect(smki.key).toBe('SMKI');
  });

  it('table columns align by header name: an added column is null on the old side in every row', () => {
    const body = (header: string, delim: string, rows: string[]): string => `G3.1 ${LONG_A}\n\n${header}\n${delim}\n${rows.join('\n')}`;
    const red = diff(body('| Code | Meaning |', '| --- | --- |', ['| E64 | Invalid Device. |']), body('| Code | Severity | Meaning |', '| --- | --- | --- |', ['| E64 | High | Invalid Device. |']));
    const [header, row] = clause(red, 'G3.1').blocks.slice(1);
    expect(header!.cells!.map((c) => [c.old, c.new])).toEqual([
      ['Code', 'Code'],
      [null, 'Severity'],
      ['Meaning', 'Meaning'],
    ]);
    expect(row!.cells!.map((c) => [c.old, c.new])).toEqual([
      ['E64', 'E64'],
      [null, 'High'],
      ['Invalid Device.', 'Invalid Device.'],
    ]);
    expect(row!.text.spans).toEqual([
      { op: 'equal', text: 'E64' },
      { op: 'insert', text: ' | High' },
      { op: 'equal', text: ' | Invalid Device.' },
    ]);
  });

  it('reordered columns: cells by header name, row text by word diff, both exact', () => {
    const body = (header: string, row: string): string => `G3.1 ${LONG_A}\n\n${header}\n| --- | --- |\n${row}`;
    const red = diff(body('| Code | Meaning |', '| E64 | Invalid Device. |'), body('| Meaning | Code |', '| Invalid Device. | E64 |'));
    const row = clause(red, 'G3.1').blocks[2]!;
    expect(row.cells!.map((c) => [c.old, c.new])).toEqual([
      ['Invalid Device.', 'Invalid Device.'],
      ['E64', 'E64'],
    ]);
  });

  it('an inserted and a deleted document', () => {
    const g = doc(`G3.1 ${LONG_A}`);
    const ins = buildDocumentRedline(null, g, 'section-G.md');
    expect(ins.status).toBe('inserted');
    expect(ins.oldVersion).toBeNull();
    expect(ins.clauses.map((c) => c.status)).toEqual(['inserted']);
    expect(ins.clauses[0]!.blocks[0]!.text).toEqual({ old: null, new: LONG_A, spans: [{ op: 'insert', text: LONG_A }] });
    const del = buildDocumentRedline(g, null, 'section-G.md');
    expect(del.status).toBe('deleted');
    expect(del.clauses[0]!.blocks[0]!.label).toEqual({ old: 'G3.1', new: null, spans: [{ op: 'delete', text: 'G3.1' }] });
    expect(redlineErrors({ documents: [ins, del] })).toEqual([]);
  });
});

describe('buildRedline', () => {
  it('puts documents in SEC order and keeps unchanged ones with status unchanged', () => {
    const g = doc(`G3.1 ${LONG_A}`);
    const ad = doc('3.1 Some text here.', { kind: 'appendix', code: 'AD', title: 'DUIS', version: 'DUIS 5.2' });
    const a = doc('3.1 Other text here.', { kind: 'appendix', code: 'A', title: 'Appendix', version: 'v1' });
    const s8 = doc('1.1 Schedule text.', { kind: 'schedule', code: '8', title: 'Companion', version: 'v1' });
    const s11 = doc('1.1 Schedule text.', { kind: 'schedule', code: '11', title: 'Tables', version: 'v1' });
    const red = buildRedline([
      { file: 'appendix-AD.md', old: ad, new: ad },
      { file: 'schedule-11.md', old: s11, new: null },
      { file: 'appendix-A.md', old: null, new: a },
      { file: 'section-G.md', old: g, new: g },
      { file: 'schedule-8.md', old: s8, new: s8 },
    ]);
    expect(red.documents.map((d) => [d.file, d.status])).toEqual([
      ['section-G.md', 'unchanged'],
      ['schedule-8.md', 'unchanged'],
      ['schedule-11.md', 'deleted'],
      ['appendix-A.md', 'inserted'],
      ['appendix-AD.md', 'unchanged'],
    ]);
  });
});
