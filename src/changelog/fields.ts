// Typed access to one YAML map of the change log (the header, an item, an edit), reporting every problem
// with its position: unknown fields (with the nearest known name), missing fields, values of the wrong type.

import type { Problem } from '../model/types.js';
import { parseId, type ParsedId } from '../model/index.js';
import { problem } from '../util/errors.js';
import { describeNode, type YEntry, type YNode } from './yaml-tree.js';
import { suggestion } from './suggest.js';
import type { Pos } from './types.js';
import { quote } from '../util/excerpt.js';

export type YMap = Extract<YNode, { type: 'map' }>;

export class FieldReader {
  private readonly entries = new Map<string, YEntry>();
  private readonly problemsBefore: number;

  constructor(
    readonly map: YMap,
    readonly file: string,
    readonly problems: Problem[],
    /** What the map is, for messages: "item '4' edit 2 (insert-clause)". */
    readonly context: string,
    allowed: readonly string[],
  ) {
    this.problemsBefore = problems.length;
    for (const e of map.entries) {
      if (!allowed.includes(e.key)) {
        this.report(e.keyPos, `${context}: unknown field '${e.key}'${suggestion(e.key, allowed)}`, 'changelog-schema');
        continue;
      }
      this.entries.set(e.key, e);
    }
  }

  /** True while nothing has been reported for this map (unknown fields included). */
  get ok(): boolean {
    return this.problems.length === this.problemsBefore;
  }

  report(pos: Pos, message: string, rule = 'changelog-schema'): void {
    this.problems.push(problem(this.file, pos.line, pos.column, message, rule));
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  node(name: string): YNode | undefined {
    return this.entries.get(name)?.value;
  }

  /** Position of a field's value, or of the map when the field is absent. */
  pos(name: string): Pos {
    return this.entries.get(name)?.value.pos ?? this.map.pos;
  }

  /** Positions of every present field's value. */
  positions(): Record<string, Pos> {
    const out: Record<string, Pos> = {};
    for (const [k, e] of this.entries) out[k] = e.value.pos;
    return out;
  }

  missing(name: string, hint: string): void {
    this.report(this.map.pos, `${this.context}: missing field '${name}' (${hint})`);
  }

  /**
   * A string. Plain scalars that YAML would read as numbers or booleans are taken as written ('5.2', '007'),
   * because every value in a change log is text. `allowEmpty` permits ''.
   */
  string(name: string, opts: { required?: string; allowEmpty?: boolean } = {}): string | null {
    const n = this.node(name);
    if (n === undefined) {
      if (opts.required) this.missing(name, opts.required);
      return null;
    }
    const s = scalarString(n);
    if (s === null) {
      this.report(n.pos, `${this.context}: '${name}' must be text, found ${describeNode(n)}${n.type === 'scalar' ? " (write '' for empty text)" : ''}`);
      return null;
    }
    if (s === '' && !opts.allowEmpty) {
      this.report(n.pos, `${this.context}: '${name}' must not be empty`);
      return null;
    }
    if (/[\r\n]/.test(s)) {
      this.report(n.pos, `${this.context}: '${name}' must be one line (a block of SEC text is one line); use a list of sub-paragraphs or several edits`);
      return null;
    }
    return s;
  }

  int(name: string, min: number): number | null {
    const n = this.node(name);
    if (n === undefined) return null;
    if (n.type !== 'scalar' || typeof n.value !== 'number' || !Number.isInteger(n.value) || n.value < min) {
      this.report(n.pos, `${this.context}: '${name}' must be a whole number of at least ${min}, found ${describeNode(n)}`);
      return null;
    }
    return n.value;
  }

  bool(name: string): boolean | null {
    const n = this.node(name);
    if (n === undefined) return null;
    if (n.type !== 'scalar' || typeof n.value !== 'boolean') {
      this.report(n.pos, `${this.context}: '${name}' must be true or false, found ${describeNode(n)}`);
      return null;
    }
    return n.value;
  }

  oneOf<T extends string>(name: string, values: readonly T[]): T | null {
    const s = this.string(name);
    if (s === null) return null;
    if (!(values as readonly string[]).includes(s)) {
      this.report(this.pos(name), `${this.context}: '${name}' must be ${values.map((v) => `'${v}'`).join(' or ')}, found ${quote(s)}${suggestion(s, values).startsWith(': did') ? suggestion(s, values) : ''}`);
      return null;
    }
    return s as T;
  }

  /** A block or document ID, canonicalised. `allowCell` accepts '…[key]{Column}'. */
  id(name: string, opts: { required?: string; allowDocument?: boolean; allowCell?: boolean } = {}): ParsedId | null {
    const s = this.string(name, opts.required ? { required: opts.required } : {});
    if (s === null) return null;
    return this.checkId(s, this.pos(name), name, opts);
  }

  /** One ID or a list of IDs. */
  ids(name: string, opts: { required?: string; allowDocument?: boolean } = {}): ParsedId[] | null {
    const n = this.node(name);
    if (n === undefined) {
      if (opts.required) this.missing(name, opts.required);
      return null;
    }
    const list = n.type === 'seq' ? n.items : [n];
    if (list.length === 0) {
      this.report(n.pos, `${this.context}: '${name}' must name at least one clause or document`);
      return null;
    }
    const out: ParsedId[] = [];
    let ok = true;
    for (const item of list) {
      const s = scalarString(item);
      if (s === null || s === '') {
        this.report(item.pos, `${this.context}: '${name}' must be an ID or a list of IDs, found ${describeNode(item)}`);
        ok = false;
        continue;
      }
      const p = this.checkId(s, item.pos, name, opts);
      if (p) out.push(p);
      else ok = false;
    }
    return ok ? out : null;
  }

  checkId(s: string, pos: Pos, name: string, opts: { allowDocument?: boolean; allowCell?: boolean }): ParsedId | null {
    const p = parseId(s);
    if (!p) {
      this.report(pos, `${this.context}: '${name}': ${quote(s)} is not a clause or document ID (expected e.g. 'G3.5', 'H17.5(a)', 'Appendix AD 3.8.17.1', 'A1.1[SM WAN]'${opts.allowDocument ? ", 'Section M'" : ''}); change logs address text by ID, never by file path`, 'changelog-id');
      return null;
    }
    if (p.isDocument && !opts.allowDocument) {
      this.report(pos, `${this.context}: '${name}' must name a clause, not the whole document '${p.id}'`, 'changelog-id');
      return null;
    }
    if (p.cell !== undefined && !opts.allowCell) {
      this.report(pos, `${this.context}: '${name}' must name a clause or row, not a cell (${quote(s)}); cells are amended with amend-row`, 'changelog-id');
      return null;
    }
    return p;
  }
}

/** The text of a scalar as the drafter wrote it; null for maps, lists and empty values. */
export function scalarString(n: YNode): string | null {
  if (n.type !== 'scalar' || n.value === null) return null;
  if (typeof n.value === 'string') return n.value;
  return n.quoted ? String(n.value) : n.source;
}

/** Checks a node is a map; reports otherwise. */
export function asMap(n: YNode, file: string, problems: Problem[], what: string): YMap | null {
  if (n.type === 'map') return n;
  problems.push(problem(file, n.pos.line, n.pos.column, `${what} must be a map of fields, found ${describeNode(n)}`, 'changelog-schema'));
  return null;
}
