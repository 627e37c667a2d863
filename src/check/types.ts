// The contract between `runChecks` and the rules: every rule is a pure function of the whole set of documents
// (some rules compare documents with each other), returning positioned problems.

import type { Problem, SecDocument } from '../model/types.js';

export type Severity = Problem['severity'];

export interface CheckOptions {
  /**
   * The source text of each document, keyed by `SecDocument.file`. Optional: with it, rules can look at what
   * was written rather than what the model kept (a table row's real cell count; exact columns).
   */
  sources?: ReadonlyMap<string, string>;
  /** Run only these rules (names). Default: every rule. */
  only?: readonly string[];
  /** Skip these rules (names). */
  disable?: readonly string[];
  /**
   * Also warn about references to documents that are not in the set being checked. Off by default: a check of
   * one file should not complain that the rest of the Code is absent.
   */
  missingDocuments?: boolean;
}

export interface CheckContext {
  /** Every document being checked, in the order given. */
  docs: readonly SecDocument[];
  /** Documents by document ID ('Section G'); the first one wins when two files claim the same ID. */
  byDocId: ReadonlyMap<string, SecDocument>;
  sources: ReadonlyMap<string, string>;
  options: Readonly<CheckOptions>;
  /**
   * Computes something about a document once per run (several rules walk the numbering, for instance). The
   * memo lives only as long as the run, so documents changed between runs are never served stale results.
   */
  memo<T>(key: string, doc: SecDocument, compute: () => T): T;
}

export interface Rule {
  /** kebab-case, printed as `[name]`. */
  name: string;
  /** The severity of the rule's findings; a rule may downgrade particular findings to warnings (documented). */
  severity: Severity;
  /** One line for `check --list-rules` and docs/check-rules.md. */
  description: string;
  check(ctx: CheckContext): Problem[];
}
