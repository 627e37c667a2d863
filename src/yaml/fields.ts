// Typed access to one YAML map (a change log's header, item or edit; a release file; front matter), reporting
// every problem with its position: unknown fields (with the nearest known name), missing fields, values of the
// wrong type. Knows nothing of SEC IDs: the change log adds its ID fields (src/changelog/fields.ts).

import type { Problem } from '../util/problem.js';
import { problem } from '../util/errors.js';
import { describeNode, type Pos, type YEntry, type YNode } from './tree.js';
import { suggestion } from '../util/suggest.js';
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
    /** The rule of shape problems: 'changelog-schema', 'release-schema'. */
    readonly schemaRule: string,
  ) {
    this.problemsBefore = problems.length;
    for (const e of map.entries) {
      if (!allowed.includes(e.key)) {
        this.report(e.keyPos, `${context}: unknown field '${e.key}'${suggestion(e.key, allowed)}`);
        continue;
      }
      this.entries.set(e.key, e);
    }
  }

  /** True while nothing has been reported for this map (unknown fields included). */
  get ok(): boolean {
    return this.problems.length === this.problemsBefore;
  }

  report(pos: Pos, message: string, rule?: string): void {
    this.problems.push(problem(this.file, pos.line, pos.column, message, rule ?? this.schemaRule));
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
   * because every value in our files is text. `allowEmpty` permits ''.
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
}

/** The text of a scalar as the author wrote it; null for maps, lists and empty values. */
export function scalarString(n: YNode): string | null {
  if (n.type !== 'scalar' || n.value === null) return null;
  if (typeof n.value === 'string') return n.value;
  return n.quoted ? String(n.value) : n.source;
}

/** Checks a node is a map; reports otherwise (under `rule`, the caller's schema rule). */
export function asMap(n: YNode, file: string, problems: Problem[], what: string, rule: string): YMap | null {
  if (n.type === 'map') return n;
  problems.push(problem(file, n.pos.line, n.pos.column, `${what} must be a map of fields, found ${describeNode(n)}`, rule));
  return null;
}
