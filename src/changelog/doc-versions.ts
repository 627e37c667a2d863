// A YAML map of document ID → version label, as change logs ('documents': drafted against) and releases
// ('versions': the new labels) both write it. One reader, each caller's own wording.

import type { Pos } from './types.js';
import { docId, parseId } from '../model/index.js';
import { FieldReader, asMap, scalarString } from '../yaml/fields.js';
import { describeNode } from '../yaml/tree.js';

export interface DocVersion {
  /** Canonical document ID: 'Appendix AD'. */
  doc: string;
  version: string;
  pos: Pos;
}

export interface DocVersionWording {
  /** What the field holds, for the 'missing field' message. */
  missing: string;
  /** Appended to "'X' is not a document ID (expected e.g. …)". */
  notDocument?: string;
  /** Rule name for a key that is not a document ID. */
  idRule: string;
  /** "'<doc>' needs …" — what the value should be. */
  needs: (doc: string) => string;
  /** Message when the map is empty; empty maps are allowed when left out. */
  empty?: string;
}

export function readDocVersions(r: FieldReader, field: string, wording: DocVersionWording): DocVersion[] | null {
  const n = r.node(field);
  if (n === undefined) {
    r.missing(field, wording.missing);
    return null;
  }
  const map = asMap(n, r.file, r.problems, field, r.schemaRule);
  if (!map) return null;
  const out: DocVersion[] = [];
  const seen = new Map<string, string>();
  let ok = true;
  for (const e of map.entries) {
    const p = parseId(e.key);
    if (!p || !p.isDocument) {
      r.report(e.keyPos, `${field}: '${e.key}' is not a document ID (expected e.g. 'Section G', 'Appendix AD', 'Schedule 8')${wording.notDocument ?? ''}`, wording.idRule);
      ok = false;
      continue;
    }
    const doc = docId(p.doc);
    const version = scalarString(e.value);
    if (version === null || version.trim() === '' || /[\r\n]/.test(version)) {
      r.report(e.value.pos, `${field}: ${wording.needs(doc)}, found ${describeNode(e.value)}`);
      ok = false;
      continue;
    }
    if (seen.has(doc)) {
      r.report(e.keyPos, `${field}: '${doc}' is listed twice (also as '${seen.get(doc)}')`);
      ok = false;
      continue;
    }
    seen.set(doc, e.key);
    out.push({ doc, version, pos: e.keyPos });
  }
  if (map.entries.length === 0 && wording.empty !== undefined) {
    r.report(map.pos, `${field}: ${wording.empty}`);
    ok = false;
  }
  return ok ? out : null;
}
