// Turns an AnnexDocument (what we meant) and pandoc's reading of our DOCX (what a real reader sees) into the
// same flat sequence of lines, so a test can compare them after accept-all or reject-all:
//   PART <heading> · INSTR <instruction> · GAP · P <clause paragraph> · H <clause heading> · ROW <c1 ‖ c2 …>
// Only whitespace is normalised, and the furniture item tags ([Item 7]) are removed.

import type { AnnexDocument, AnnexRow, AnnexTextBlock } from '../../src/annex/types.js';
import type { TextChange } from '../../src/redline/types.js';
import { plainText } from '../../src/model/plain-text.js';
import type { Unit } from './pandoc.js';

export type Side = 'accept' | 'reject';

export function norm(s: string): string {
  return s
    .replace(/[ \t\r]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .trim()
    // [Item 7], [Items 3, 26], and a release's [MP250 item 7; MP260 item 2]
    .replace(/\s*\[(?:Items? |[^\]]* item )[^\]]*\]$/, '')
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

export function actualLines(units: readonly Unit[]): string[] {
  const out: string[] = [];
  let started = false;
  for (const u of units) {
    if (u.style === 'Heading 1') started = true;
    if (!started) continue;
    switch (u.style) {
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
        if (t !== '') out.push(`${u.style === 'Annex Clause' ? 'P' : 'H'} ${t}`);
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
