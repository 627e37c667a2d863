// The change log's own fields on top of the neutral YAML field reader (src/yaml/fields.ts): block and document
// IDs, checked against the one ID grammar (src/model/ids.ts), and the change log's file kind and rule names.

import type { Problem } from '../model/types.js';
import { parseId, type ParsedId } from '../model/index.js';
import { FieldReader, scalarString, type YMap } from '../yaml/fields.js';
import { describeNode, type YamlFile } from '../yaml/tree.js';
import type { Pos } from './types.js';
import { quote } from '../util/excerpt.js';

export const CHANGE_LOG_SCHEMA = 'changelog-schema';
/** A change log, for the YAML reader's messages and rules. */
export const CHANGE_LOG_FILE: YamlFile = {
  what: 'the change log',
  syntaxRule: 'changelog-yaml',
  schemaRule: CHANGE_LOG_SCHEMA,
  empty: 'the change log is empty: expected a map with modification, release, drafter, date, documents and items',
};

/** A map of a change log (the header, an item, an edit): the neutral field reader plus clause and document IDs. */
export class ChangeLogFields extends FieldReader {
  constructor(map: YMap, file: string, problems: Problem[], context: string, allowed: readonly string[]) {
    super(map, file, problems, context, allowed, CHANGE_LOG_SCHEMA);
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
