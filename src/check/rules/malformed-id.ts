// malformed-id: text that looks like a clause number or a sub-paragraph label but is not one, so the model
// read the line as an ordinary paragraph (or a list item without a label) and the clause lost its ID.
// Examples: 'G3..5 …', 'G3.5a …', '3.8.17. …', 'H3.5 …' inside Section G, '- (a the DCC', '(b) …' without '- '.

import type { Block, Problem, SecDocument } from '../../model/types.js';
import type { Rule } from '../types.js';
import { finding } from '../where.js';

const name = 'malformed-id';

// A first word that starts like a number: an optional capital, digits, then letters, digits and dots only.
const NUMBERISH = /^([A-Z])?(\d+[A-Za-z]*(?:\.[0-9A-Za-z]*)*)$/;
const WELL_FORMED = /^\d+[A-Z]*(?:\.\d+[A-Z]*)*$/;

export const malformedId: Rule = {
  name,
  severity: 'error',
  description: "a line that starts like a clause number or sub-paragraph label but is not well formed ('G3..5', 'G3.5a', '3.8.17.', '(a')",
  scope: 'document',
  checkDocument(doc) {
    const out: Problem[] = [];
    for (const b of doc.blocks) {
      const message =
        b.kind === 'subpara' && b.label === '' ? badLabel(b.text)
        : b.kind === 'paragraph' ? badNumber(doc, b) ?? looseLabel(b.text)
        : b.kind === 'heading' && b.label === '' ? badNumber(doc, b)
        : null;
      if (message) out.push(finding(doc.file, b.line, b.column + (b.kind === 'subpara' ? 2 : b.kind === 'heading' ? b.depth + 1 : 0), 'error', name, message));
    }
    return out;
  },
};

function badNumber(doc: SecDocument, b: Block): string | null {
  const word = b.text.split(' ', 1)[0] ?? '';
  const m = NUMBERISH.exec(word);
  if (!m) return null;
  const letter = m[1] ?? '';
  const body = m[2]!;
  const section = doc.meta.kind === 'section';
  const components = body.split('.').length;
  if (!WELL_FORMED.test(body)) {
    // A lone number with a letter ('E64', 'G3' are well formed) never gets here; 'G3.' or 'G3.5a' does.
    if (section && letter !== '' && letter !== doc.meta.code) return null; // some other code ('X.509'-like)
    if (!section && letter !== '') return null;
    return `'${word}' is not a well-formed clause number: ${advice(body, section ? doc.meta.code : '')}`;
  }
  // Well formed, yet the model did not take it as this document's number.
  // One component ('E64', 'H2') is as likely a code or a name as a number, in a heading too: left alone.
  if (section && letter !== '' && letter !== doc.meta.code && components >= 2) {
    return `'${word}' is numbered for Section ${letter}, but this is Section ${doc.meta.code}: expected '${doc.meta.code}${body}'`;
  }
  if (section && letter === '' && components >= 2) {
    return `'${word}' has no section letter: clause numbers in Section ${doc.meta.code} are written '${doc.meta.code}${body}'`;
  }
  return null;
}

/** What is wrong with a number body such as '3..5', '3.5a', '3.8.17.'. */
function advice(body: string, letter: string): string {
  if (body.endsWith('.')) return `remove the full stop after the number ('${letter}${body.replace(/\.+$/, '')}')`;
  if (/\.\./.test(body)) return `it has an empty component ('${letter}${body.replace(/\.{2,}/g, '.')}'?)`;
  if (/[a-z]/.test(body)) return `an inserted-clause letter is a capital ('${letter}${body.toUpperCase()}')`;
  return 'expected numbers separated by single dots, each optionally followed by capital letters';
}

/** A list item whose label is almost a label: '(a the DCC', 'a) the DCC', '(a)the DCC', '[a] the DCC'. */
function badLabel(text: string): string | null {
  let m = /^\(([A-Za-z]{1,6}|\d{1,3})(?=[\s,;:]|$)/.exec(text);
  if (m) return `Sub-paragraph label '(${m[1]!}' is not closed: expected '(${m[1]!})'`;
  m = /^([A-Za-z]{1,6}|\d{1,3})[).](?=\s|$)/.exec(text);
  if (m && /^(?:[a-z]|[ivx]+|[A-Z]|[IVX]+|\d{1,3})$/.test(m[1]!)) return `Sub-paragraph label '${m[0]}' is not in brackets: expected '(${m[1]!})'`;
  m = /^[[{]([A-Za-z]{1,6})[\]}](?=\s|$)/.exec(text);
  if (m) return `Sub-paragraph label '${m[0]}' has the wrong brackets: expected '(${m[1]!})'`;
  m = /^\(([A-Za-z]{1,6})\)(?=\S)/.exec(text);
  if (m) return `Sub-paragraph label '(${m[1]!})' must be followed by a space`;
  return null;
}

/** A paragraph that starts with a sub-paragraph label: a list item written without its '- ' marker. */
function looseLabel(text: string): string | null {
  const m = /^\(([a-z]{1,6}|[A-Z]{1,6})\) /.exec(text);
  return m ? `'(${m[1]!})' starts a paragraph: write a sub-paragraph as a list item, '- (${m[1]!}) …'` : null;
}
