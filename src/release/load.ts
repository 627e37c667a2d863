// read → validate: release YAML to a typed Release. Uses the one positioned YAML tree and field reader
// (src/yaml/), as change logs do, so a release file is checked the same way and its problems read the same
// ('file:line:col  message'), under its own 'release-*' rules.
// Every problem is collected; nothing here reads the change logs themselves (that is the CLI edge's job).

import type { Problem } from '../model/types.js';
import { problem } from '../util/errors.js';
import { readYamlTree, describeNode, type YamlFile } from '../yaml/tree.js';
import { FieldReader, asMap } from '../yaml/fields.js';
import type { Release, ReleaseEntry, VersionLabel } from './types.js';
import { repoPath } from './repo-path.js';
import { personalNameReason, readDocVersions } from '../changelog/index.js';
import { isCalendarDate } from '../util/calendar-date.js';

export const RELEASE_FIELDS = ['name', 'date', 'drafter', 'modifications', 'versions'] as const;
export const ENTRY_FIELDS = ['changes', 'status', 'id'] as const;
export const STATUSES = ['approved', 'targeted'] as const;
/** A bound on work, not a policy: no SEC release has come near it. */
export const MAX_MODIFICATIONS = 500;
export const MAX_RELEASE_CHARS = 1024 * 1024;
const SCHEMA = 'release-schema';
const RELEASE_FILE: YamlFile = {
  what: 'the release file',
  syntaxRule: 'release-yaml',
  schemaRule: SCHEMA,
  empty: 'the release file is empty: expected a map with name, date, modifications and versions',
};

export function loadRelease(yamlText: string, file: string): { release: Release | null; problems: Problem[] } {
  if (yamlText.length > MAX_RELEASE_CHARS) {
    return { release: null, problems: [problem(file, 1, 1, `the release file is ${yamlText.length} characters; the limit is ${MAX_RELEASE_CHARS}`, 'release-size')] };
  }
  const read = readYamlTree(yamlText, file, RELEASE_FILE);
  if (!read.tree) return { release: null, problems: read.problems };
  const problems: Problem[] = [];
  const root = asMap(read.tree, file, problems, 'the release file', SCHEMA);
  if (!root) return { release: null, problems };
  const r = new FieldReader(root, file, problems, 'release', RELEASE_FIELDS, SCHEMA);
  const name = r.string('name', { required: "the release's name, e.g. 'June 2024 SEC Release'" });
  const date = r.string('date', { required: 'the target date of the release, YYYY-MM-DD' });
  if (date !== null && !isCalendarDate(date)) r.report(r.pos('date'), `release: date '${date}' must be a real date written YYYY-MM-DD`);
  const drafter = r.has('drafter') ? r.string('drafter') : 'SECAS';
  if (drafter !== null) {
    const why = personalNameReason(drafter);
    if (why) r.report(r.pos('drafter'), `release: drafter '${drafter}' must name a role or organisation such as 'SECAS', not a person (${why})`);
  }
  const modifications = readModifications(r);
  const versions = readVersions(r);
  const out = problems;
  if (out.length || name === null || date === null || drafter === null || !modifications || !versions) return { release: null, problems: out };
  const versionsKey = root.entries.find((e) => e.key === 'versions')?.keyPos ?? root.pos;
  return { release: { file, name, date, drafter, modifications, versions, versionsPos: versionsKey }, problems: out };
}


function readModifications(r: FieldReader): ReleaseEntry[] | null {
  const n = r.node('modifications');
  if (n === undefined) {
    r.missing('modifications', 'the ordered list of modifications, each with changes: <path of its change log> and status: approved or targeted');
    return null;
  }
  if (n.type !== 'seq' || n.items.length === 0) {
    r.report(n.pos, `release: modifications must be a non-empty list, found ${describeNode(n)}`);
    return null;
  }
  if (n.items.length > MAX_MODIFICATIONS) {
    r.report(n.pos, `release: ${n.items.length} modifications; the limit is ${MAX_MODIFICATIONS}`, 'release-size');
    return null;
  }
  const out: ReleaseEntry[] = [];
  const seenPath = new Map<string, number>();
  const seenId = new Map<string, number>();
  let ok = true;
  n.items.forEach((node, i) => {
    const map = asMap(node, r.file, r.problems, `modification ${i + 1}`, SCHEMA);
    if (!map) {
      ok = false;
      return;
    }
    const context = `modification ${i + 1}`;
    const m = new FieldReader(map, r.file, r.problems, context, ENTRY_FIELDS, SCHEMA);
    const written = m.string('changes', { required: "the path of its change log, relative to the repository root, e.g. 'annexes/housekeeping-2024/changes.yaml'" });
    const status = m.has('status') ? m.oneOf('status', STATUSES) : null;
    if (!m.has('status')) m.missing('status', 'approved, or targeted to take it in only with --include-targeted');
    const id = m.has('id') ? m.string('id') : null;
    if (id !== null && !/^(?:(?:MP|DP)\d{1,4}[A-Z]?|SECMP\d{4})$/.test(id)) {
      m.report(m.pos('id'), `${context}: id '${id}' is not a modification identifier such as 'MP250', 'MP250A', 'DP250' or 'SECMP0042'`);
    }
    let path: string | null = null;
    if (written !== null) {
      const p = repoPath(written);
      if (p.error !== null) m.report(m.pos('changes'), `${context}: ${p.error}`, 'release-path');
      else path = p.path;
    }
    if (path !== null) {
      const prev = seenPath.get(path);
      if (prev !== undefined) m.report(m.pos('changes'), `${context}: ${path} is already listed as modification ${prev + 1}`);
      else seenPath.set(path, i);
    }
    if (id !== null) {
      const prev = seenId.get(id);
      if (prev !== undefined) m.report(m.pos('id'), `${context}: ${id} is already listed as modification ${prev + 1}`);
      else seenId.set(id, i);
    }
    if (!m.ok || path === null || written === null || status === null) {
      ok = false;
      return;
    }
    out.push({ number: i + 1, changes: path, written, status, id, pos: map.pos, changesPos: m.pos('changes'), idPos: id !== null ? m.pos('id') : null });
  });
  return ok ? out : null;
}

function readVersions(r: FieldReader): VersionLabel[] | null {
  return readDocVersions(r, 'versions', {
    missing: "the new version label of each document the release changes, e.g. 'Section G: SEC 2024-06'",
    idRule: 'release-id',
    needs: (doc) => `${doc} needs its new version label on one line (e.g. 'SEC 2024-06', 'DUIS 5.3')`,
  });
}
