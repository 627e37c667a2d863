// Cross-references in SEC prose, found with regular expressions over a block's text:
//   'Section G3.5', 'Section H17.5(a)', 'Sections G3.17 to G3.20'        → clauses of Sections
//   bare 'G3.5', 'H17.5(a)' (only in the text of Sections, where the Code writes them so)
//   'clause 3.8.17 of Appendix AD', 'Appendix AD 3.8.17'                  → clauses of Appendices/Schedules
//   'clause 1.4', 'section 8 of this document' (inside an Appendix/Schedule: its own clauses)
//   'Section G', 'Appendix AD', 'Schedule 8'                              → whole documents
//   'Sections H5.33 to 5.40', 'H5.33-5.40'                              → both ends (the end takes the letter)
//   'Appendix AD clause 3.8.17', "Appendix O 'Title', Section 2.3.3"     → clauses of that document
//   'clause 3.6.3 of the DCC User Interface Specification'               → a document named by its title
//   'paragraph (c)', 'paragraphs (a) to (d)' (relative to the citing block), '… of Section M1.1'
// A reference 'of' something that is not a SEC document ('clause 4.3 of the GBCS') is not ours to check.

import type { DocRef, SecDocument } from '../model/types.js';
import { isValidCode } from '../model/doc-ref.js';
import { subparagraphLevels } from '../model/ids.js';

export interface Reference {
  /** Offset of the reference's number (or document name) in the scanned text. */
  offset: number;
  /** The reference as written, for messages: 'Section G3.5', 'clause 2.12', 'G3.20'. */
  written: string;
  /** The text at `offset`: the number with its sub-paragraphs ('G3.5', 'H17.5(a)') or the document name. */
  at: string;
  doc: DocRef;
  /** Canonical block ID ('G3.5', 'H17.5(a)', 'Appendix AD 3.8.17'), or null for a whole document. */
  id: string | null;
  /**
   * A sub-paragraph named relative to the citing block ('paragraph (c)'): the IDs it may mean, nearest level
   * first; the reference resolves when any exists. `id` is the first.
   */
  candidates?: string[];
}

/** Documents by title, for references that name a document by its title ('the DCC User Interface Specification'). */
export type Titles = ReadonlyMap<string, DocRef>;

export function titlesOf(docs: readonly SecDocument[]): Titles {
  const out = new Map<string, DocRef>();
  for (const d of docs) if (d.meta.title.trim().length >= 4) out.set(d.meta.title.trim().toLowerCase(), { kind: d.meta.kind, code: d.meta.code });
  return out;
}

const SEG = String.raw`\d+[A-Z]*`;
const SEC_NUM = String.raw`[A-X]${SEG}(?:\.${SEG})*`;
const LOCAL_NUM = String.raw`${SEG}(?:\.${SEG})*`;
const SUBS = String.raw`(?:\([a-zA-Z]{1,6}\))*`;
const END = String.raw`(?![A-Za-z0-9])`;
// Words that join the members of a list or range: 'G3.17 to G3.20', '3.1, 3.2 and 3.3'.
const JOIN = String.raw`\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|to)\s|\s?[–-]\s?)\s*`;

const SECTION_REF = new RegExp(String.raw`\b[Ss]ections?\s+(${SEC_NUM})(${SUBS})${END}`, 'g');
const SECTION_MORE = new RegExp(String.raw`^${JOIN}(?:[Ss]ections?\s+)?(${SEC_NUM})(${SUBS})${END}`);
const BARE_REF = new RegExp(String.raw`(?<![\w./\-])([A-X]${SEG}(?:\.${SEG})+)(${SUBS})${END}`, 'g');
const DOC_REF = /\b(Section|Appendix|Schedule)\s+([A-Z]{1,2}|\d+)(?![A-Za-z0-9]|\.\d|\s+\d)/g;
const APPENDIX_NUM = new RegExp(String.raw`\b(Appendix|Schedule)\s+([A-Z]{1,2}|\d+)\s+(?:(?:clause|paragraph|section)s?\s+)?(${LOCAL_NUM})(${SUBS})${END}`, 'g');
// The end of a range written without the Section's letter: 'Sections H5.33 to 5.40', 'H5.33-5.40'.
const RANGE_END = new RegExp(String.raw`^(?:\s+to\s+|\s?[–-]\s?)(${LOCAL_NUM})(${SUBS})${END}`);
// A document named just before a clause number: "Appendix O 'Title', Section 2.3.3", 'SEC Appendix O, clause 2'.
const NAMED_BEFORE = /\b(Appendix|Schedule)\s+([A-Z]{1,2}|\d+)\s*(?:['‘"“][^'’"”]*['’"”])?\s*,?\s*$/;
// Sub-paragraphs by label: 'paragraph (c)', 'paragraphs (a) to (d)', 'sub-paragraph (b)(i)'.
const SUBPARA_REF = /\b(?:[Ss]ub-)?[Pp]aragraphs?\s+((?:\([a-zA-Z]{1,6}\))+)(?![A-Za-z0-9(])/g;
const SUBPARA_MORE = new RegExp(String.raw`^${JOIN}(?:(?:[Ss]ub-)?[Pp]aragraphs?\s+)?((?:\([a-zA-Z]{1,6}\))+)(?![A-Za-z0-9(])`);
const OF_SECTION_CLAUSE = new RegExp(String.raw`^\s+of\s+(?:Section\s+)?(${SEC_NUM})${END}`);
const LOCAL_REF = new RegExp(String.raw`\b(?:[Cc]lause|[Pp]aragraph|[Ss]ection)s?\s+(${LOCAL_NUM})(${SUBS})${END}`, 'g');
const LOCAL_MORE = new RegExp(String.raw`^${JOIN}(?:(?:[Cc]lause|[Pp]aragraph|[Ss]ection)s?\s+)?(${LOCAL_NUM})(${SUBS})${END}`);
// What follows a clause number says whose clause it is: 'of Appendix AD', 'of this document', or 'of' something
// outside the Code ('of the GBCS', 'of the Framework Agreement').
const OF_DOC = /^\s+(?:of|in)\s+(?:(this\s+(?:Appendix|Schedule|document|Policy|Code\s+of\s+Connection)\b)|(Section|Appendix|Schedule)\s+([A-Z]{1,2}|\d+)(?![A-Za-z0-9]))/i;
const OF_OTHER = /^\s+of\s/i;

function kindOf(word: string): DocRef['kind'] {
  return word.toLowerCase() as DocRef['kind'];
}

function localId(doc: DocRef, num: string, subs: string): string {
  const prefix = doc.kind === 'section' ? doc.code : `${doc.kind === 'appendix' ? 'Appendix' : 'Schedule'} ${doc.code} `;
  return prefix + num + subs;
}

/** The sub-paragraph IDs a relative 'paragraph (c)' in block `blockId` of `doc` may mean, nearest level first. */
function relativeCandidates(blockId: string, doc: DocRef, labels: string): string[] {
  const bases = subparagraphLevels(blockId, doc);
  // Inside a sub-paragraph, 'paragraph (h)' most often names a sibling; then a child; then higher levels.
  if (bases.length > 1) [bases[0], bases[1]] = [bases[1]!, bases[0]!];
  return bases.map((b) => b + labels);
}

// One cheap test that every reference needs, so the many expressions below run only on the few blocks that may
// hold one (most prose mentions no clause: 'Section' followed by a word, not a number). Each expression above
// starts with one of these keywords, then whitespace, then a digit, '(' or a one- or two-letter code that is not
// the start of a lower-case word; bare numbers need a capital straight before a digit and a dot. So text that
// fails GATE (and, in a Section, BARE_GATE) has no reference at all (tested against the ungated scan).
const GATE = /\b(?:[Ss]ections?|Appendix|Schedule|[Cc]lauses?|[Pp]aragraphs?)\s+(?:[A-Z]{1,2}(?![a-z])|\d|\()/;
const BARE_GATE = /[A-X]\d+[A-Z]*\.\d/;

/** Whether `text` may hold a reference at all: false means findReferences finds none. */
export function mayHoldReferences(text: string, inSection: boolean): boolean {
  // No cache of verdicts by text: hashing every block's text to look one up cost more than GATE itself, and
  // a text is now checked once per run (apply checks the documents before its edits only when those after
  // have an error; a document left alone is memoized by identity, memo.ts).
  return GATE.test(text) || (inSection && BARE_GATE.test(text));
}

/** Every reference in `text`, a block of `doc`, in order of offset. */
export function findReferences(doc: SecDocument, text: string, blockId?: string, titles?: Titles): Reference[] {
  return mayHoldReferences(text, doc.meta.kind === 'section') ? scanReferences(doc, text, blockId, titles) : [];
}

/** findReferences without the cheap gate: every expression over the whole text (exported for the gate's test). */
export function scanReferences(doc: SecDocument, text: string, blockId?: string, titles?: Titles): Reference[] {
  const refs = new Map<number, Reference>();
  // Document names already read as part of a clause reference ('clause 3.8.17 of Appendix AD').
  const partOfClause = new Set<number>();
  const add = (r: Reference): void => {
    if (!refs.has(r.offset)) refs.set(r.offset, r);
  };
  const own: DocRef = { kind: doc.meta.kind, code: doc.meta.code };

  // 'Section G3.5' and lists after it: 'Sections G3.17 to G3.20', 'Section G3.4 or G3.5'.
  for (const m of text.matchAll(SECTION_REF)) {
    let offset = m.index + m[0].length - m[1]!.length - m[2]!.length;
    let word = 'Section ';
    let rest = text.slice(m.index + m[0].length);
    let num = m[1]!;
    let subs = m[2]!;
    for (;;) {
      add({ offset, written: word + num + subs, at: num + subs, doc: { kind: 'section', code: num[0]! }, id: num + subs });
      const more = SECTION_MORE.exec(rest);
      if (!more) {
        const end = RANGE_END.exec(rest);
        if (end) {
          const consumed = text.length - rest.length;
          const o = consumed + end[0].length - end[1]!.length - end[2]!.length;
          add({ offset: o, written: end[1]! + end[2]!, at: end[1]! + end[2]!, doc: { kind: 'section', code: num[0]! }, id: num[0]! + end[1]! + end[2]! });
        }
        break;
      }
      word = /[Ss]ections?\s/.test(more[0]) ? 'Section ' : '';
      const consumed = text.length - rest.length;
      offset = consumed + more[0].length - more[1]!.length - more[2]!.length;
      num = more[1]!;
      subs = more[2]!;
      rest = rest.slice(more[0].length);
    }
  }

  // Bare numbers of Sections, as the Sections write them.
  if (doc.meta.kind === 'section') {
    for (const m of text.matchAll(BARE_REF)) {
      const letter = m[1]![0]!;
      add({ offset: m.index, written: m[1]! + m[2]!, at: m[1]! + m[2]!, doc: { kind: 'section', code: letter }, id: m[1]! + m[2]! });
      const end = RANGE_END.exec(text.slice(m.index + m[0].length));
      if (end && !/^[A-X]/.test(end[1]!)) {
        const o = m.index + m[0].length + end[0].length - end[1]!.length - end[2]!.length;
        add({ offset: o, written: end[1]! + end[2]!, at: end[1]! + end[2]!, doc: { kind: 'section', code: letter }, id: letter + end[1]! + end[2]! });
      }
    }
  }

  // 'Appendix AD 3.8.17' (the canonical ID spelling).
  for (const m of text.matchAll(APPENDIX_NUM)) {
    const ref: DocRef = { kind: kindOf(m[1]!), code: m[2]! };
    if (!isValidCode(ref.kind, ref.code)) continue;
    const offset = m.index + m[0].length - m[3]!.length - m[4]!.length;
    add({ offset, written: m[0], at: m[3]! + m[4]!, doc: ref, id: localId(ref, m[3]!, m[4]!) });
  }

  // 'clause 3.8.17 of Appendix AD', 'clauses 3.1 and 3.2', 'section 8 of this document'.
  for (const m of text.matchAll(LOCAL_REF)) {
    const members: { offset: number; written: string; num: string; subs: string }[] = [];
    let rest = text.slice(m.index + m[0].length);
    members.push({ offset: m.index + m[0].length - m[1]!.length - m[2]!.length, written: m[0], num: m[1]!, subs: m[2]! });
    // 'Section G…' is SECTION_REF's; a bare 'Section 8' in a Section is a document, not a clause.
    if (/^[Ss]ection/.test(m[0]) && doc.meta.kind === 'section') continue;
    for (;;) {
      const more = LOCAL_MORE.exec(rest);
      if (!more) break;
      const consumed = text.length - rest.length;
      members.push({ offset: consumed + more[0].length - more[1]!.length - more[2]!.length, written: more[1]! + more[2]!, num: more[1]!, subs: more[2]! });
      rest = rest.slice(more[0].length);
    }
    const of = OF_DOC.exec(rest);
    // Only the few words before the number can name its document ('Appendix O 'Title', Section 2.3.3').
    const windowStart = Math.max(0, m.index - 120);
    const before = NAMED_BEFORE.exec(text.slice(windowStart, m.index));
    const titled = titles && !of && OF_OTHER.test(rest) ? byTitle(rest, titles) : null;
    let target: DocRef | null;
    if (before && !of) {
      const ref: DocRef = { kind: kindOf(before[1]!), code: before[2]! };
      target = isValidCode(ref.kind, ref.code) ? ref : null;
      if (target) partOfClause.add(windowStart + before.index + before[0].search(/(?:Appendix|Schedule)/));
    } else if (titled) target = titled;
    else if (of?.[1]) target = own;
    else if (of?.[2]) {
      const ref: DocRef = { kind: kindOf(of[2]), code: of[3]! };
      target = isValidCode(ref.kind, ref.code) ? ref : null;
    } else if (OF_OTHER.test(rest)) target = null; // a clause of something outside the Code
    else target = doc.meta.kind === 'section' ? null : own; // in a Section, 'clause 1.4' alone is ambiguous
    if (!target) continue;
    if (of?.[2]) partOfClause.add(text.length - rest.length + of[0].search(/(?:Section|Appendix|Schedule)\s+\S+$/i));
    for (const member of members) {
      // A Section's clauses are numbered with its letter: 'paragraph 1.4 of Section A' is A1.4.
      add({ offset: member.offset, written: member.written, at: member.num + member.subs, doc: target, id: localId(target, member.num, member.subs) });
    }
  }

  // Sub-paragraphs by label: relative to the citing block, or 'of Section M1.1'.
  if (text.includes('aragraph')) {
    for (const m of text.matchAll(SUBPARA_REF)) {
      const members: { offset: number; labels: string }[] = [{ offset: m.index + m[0].length - m[1]!.length, labels: m[1]! }];
      let rest = text.slice(m.index + m[0].length);
      for (;;) {
        const more = SUBPARA_MORE.exec(rest);
        if (!more) break;
        const consumed = text.length - rest.length;
        members.push({ offset: consumed + more[0].length - more[1]!.length, labels: more[1]! });
        rest = rest.slice(more[0].length);
      }
      const of = OF_SECTION_CLAUSE.exec(rest);
      if (!of && /^\s+(?:of|in)\s/i.test(rest)) continue; // of something we cannot place
      if (!of && blockId === undefined) continue;
      for (const member of members) {
        if (of) {
          const num = of[1]!;
          add({ offset: member.offset, written: member.labels, at: member.labels, doc: { kind: 'section', code: num[0]! }, id: num + member.labels });
        } else {
          const candidates = relativeCandidates(blockId!, own, member.labels);
          if (candidates.length) add({ offset: member.offset, written: member.labels, at: member.labels, doc: own, id: candidates[0]!, candidates });
        }
      }
    }
  }

  // Whole documents: 'Section A', 'Appendix AD', 'Schedule 8'.
  for (const m of text.matchAll(DOC_REF)) {
    const ref: DocRef = { kind: kindOf(m[1]!), code: m[2]! };
    if (!isValidCode(ref.kind, ref.code) || partOfClause.has(m.index)) continue;
    add({ offset: m.index, written: m[0], at: m[0], doc: ref, id: null });
  }

  return [...refs.values()].sort((a, b) => a.offset - b.offset);
}

/** The document whose title follows ' of the …' / ' in the …' at the start of `rest`, if any. */
function byTitle(rest: string, titles: Titles): DocRef | null {
  const m = /^\s+of\s+(?:the\s+)?/i.exec(rest);
  if (!m) return null;
  const after = rest.slice(m[0].length, m[0].length + 160).toLowerCase(); // titles are short
  for (const [title, ref] of titles) {
    if (after.startsWith(title) && !/^[a-z0-9]/.test(after.slice(title.length))) return ref;
  }
  return null;
}
