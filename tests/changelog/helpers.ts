// Shared by the change-log tests: load documents and a change log, apply, and render problems as the CLI does.
import { readFileSync } from 'node:fs';
import { parseDocument, docId } from '../../src/model/index.js';
import type { Problem, SecDocument } from '../../src/model/types.js';
import { applyChangeLog, loadChangeLog, type ApplyResult } from '../../src/changelog/index.js';
import { formatProblem, sortProblems } from '../../src/util/errors.js';

export function docMap(...docs: SecDocument[]): Map<string, SecDocument> {
  return new Map(docs.map((d) => [docId(d.meta), d]));
}

export function parseOrThrow(source: string, file: string): SecDocument {
  const { doc, problems } = parseDocument(source, file);
  if (!doc || problems.some((p) => p.severity === 'error')) throw new Error(`${file}: ${problems.map((p) => p.message).join('; ')}`);
  return doc;
}

export interface Run {
  problems: Problem[];
  result: ApplyResult | null;
}

/** loadChangeLog then applyChangeLog, collecting the problems of both. */
export function run(yamlText: string, docs: Map<string, SecDocument>, file = 'changes.yaml', force = false): Run {
  const { log, problems } = loadChangeLog(yamlText, file);
  if (!log) return { problems, result: null };
  const result = applyChangeLog(log, docs, { force });
  return { problems: [...problems, ...result.problems], result };
}

export function formatted(problems: readonly Problem[]): string[] {
  return sortProblems(problems).map(formatProblem);
}

export function readFixture(dir: string, name: string): string {
  return readFileSync(`${dir}/${name}`, 'utf8');
}
