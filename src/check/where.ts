// Small helpers shared by rules: naming a place in a message, and building problems for a rule.

import type { Block, Problem, SecDocument } from '../model/types.js';
import type { Severity } from './types.js';

/** 'sections/section-G.md:40' — how a message points at another place (clickable in editors and terminals). */
export function placeOf(doc: Pick<SecDocument, 'file'>, block: Pick<Block, 'line'>): string {
  return `${doc.file}:${block.line}`;
}

/** Lists places for a message: 'a:1', 'a:1 and b:2', 'a:1, b:2 and c:3'. */
export function listPlaces(places: readonly string[]): string {
  if (places.length <= 1) return places[0] ?? '';
  return `${places.slice(0, -1).join(', ')} and ${places[places.length - 1]!}`;
}

/** A problem with fields in the one stable order every output uses (JSON included). */
export function finding(
  file: string,
  line: number,
  column: number,
  severity: Severity,
  rule: string,
  message: string,
): Problem {
  return { file, line, column, severity, rule, message };
}
