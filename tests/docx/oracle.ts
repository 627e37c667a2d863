// Turns an AnnexDocument (what we meant) and pandoc's reading of our DOCX (what a real reader sees) into the
// same flat sequence of lines, so a test can compare them after accept-all or reject-all:
//   PART <heading> · INSTR <instruction> · GAP · P <clause paragraph> · H <clause heading> · ROW <c1 ‖ c2 …>
// Only whitespace is normalised. Nothing else is removed: item notes are comments, never text of a clause, so
// accept-all and reject-all must give exactly the clause text.

import type { AnnexDocument, AnnexRow, AnnexTextBlock } from '../../src/annex/types.js';
import type { TextChange } from '../../src/redline/types.js';
import { plainText } from '../../src/model/plain-text.js';
import type { Unit } from './pandoc.js';

export type Side = 'accept' | 'reject';

export function norm(s: string): string {
  return s
    .replace(/[ \t\r]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim();
}

function sideOf(c: TextChange, side: Side): string | null {
  return side === 'accept' ? c.new : c.old;
}

function exists(status: string, side: Side): boolean {
  return side === 'accept' ? status !== 'deleted' : status !== 'inserted';
}

function textLine(b: AnnexTextBlock, side: Side): string {
  const label = sideOf(b.label, side) ?? '';
  const text = plainText(sideOf(b.text, side) ?? '');
  return norm([label, text].filter((x) => x !== '').join(' '));
}

function rowLine(cells: string[]): string | null {
  const n = cells.map(norm);
  if (n.every((c) => c === '')) return null;
  return `ROW ${n.join(' ‖ ')}`;
}

function expectedRow(r: AnnexRow, side: Side): string | null {
  if (!exists(r.status, side)) return null;
  return rowLine(r.cells.map((c) => plainText(sideOf(c, side) ?? '')));
}

export function expectedLines(annex: AnnexDocument, side: Side): string[] {
  const out: string[] = [];
  for (const part of annex.parts) {
    out.push(`PART ${part.heading}`);
    for (const item of part.content) {
      if (item.type === 'instruction') out.push(`INSTR ${item.text}`);
      else if (item.type === 'gap') out.push('GAP');
      else {
        for (const b of item.blocks) {
          if (b.type === 'text') {
            if (!exists(b.status, side)) continue;
            const line = textLine(b, side);
            if (line !== '') out.push(`${b.kind === 'heading' ? 'H' : 'P'} ${line}`);
          } else {
            if (!exists(b.status, side)) continue;
            const head = expectedRow(b.header, side);
            if (head) out.push(head);
            for (const r of b.rows) {
              const line = r.type === 'row' ? expectedRow(r, side) : 'ROW …';
              if (line) out.push(line);
            }
          }
        }
      }
    }
  }
  return out;
}

/** The front matter's own headings: the parts start at the first other Heading 1. */
const FRONT = new Set(['About this document', 'How changes are shown']);

export function actualLines(units: readonly Unit[]): string[] {
  const out: string[] = [];
  let started = false;
  for (const u of units) {
    if (u.style === 'Heading 1' && !FRONT.has(norm(u.text))) started = true;
    if (!started) continue;
    // Clause paragraphs have one style per layout ('Annex Clause', 'Annex Clause Level 2', 'Annex Clause
    // Paragraph', 'Annex Clause Heading Unnumbered'): what matters is clause text or clause heading.
    const style = u.style.startsWith('Annex Clause Heading') ? 'Annex Clause Heading' : u.style.startsWith('Annex Clause') ? 'Annex Clause' : u.style;
    switch (style) {
      case 'Heading 1':
        out.push(`PART ${norm(u.text)}`);
        break;
      case 'Annex Instruction':
        out.push(`INSTR ${norm(u.text)}`);
        break;
      case 'Annex Ellipsis':
        out.push('GAP');
        break;
      case 'Annex Clause':
      case 'Annex Clause Heading': {
        const t = norm(u.text);
        if (t !== '') out.push(`${style === 'Annex Clause' ? 'P' : 'H'} ${t}`);
        break;
      }
      case 'table':
        for (const r of u.rows ?? []) {
          const line = rowLine(r);
          if (line) out.push(line);
        }
        break;
      default:
        break;
    }
  }
  return out;
}
