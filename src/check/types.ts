// The contract between `runChecks` and the rules: every rule is a pure function of the whole set of documents
// (some rules compare documents with each other), returning positioned problems. A rule says whether its findings
// in a document depend on that document alone (scope 'document') or on others too (scope 'documents'): the first
// kind is run per document and memoised, so a re-check after an edit re-runs it only where something changed.

import type { Problem, SecDocument } from '../model/types.js';
import type { CheckMemo } from './memo.js';
import type { SourceLines } from './position.js';

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
  /**
   * Per-document work to share with other runs over documents that are the same objects (see memo.ts); the
   * findings are exactly those of a run without it. Default: a memo of this run only.
   */
  memo?: CheckMemo;
}

export interface CheckContext {
  /** Every document being checked, in the order given. */
  docs: readonly SecDocument[];
  /** Documents by document ID ('Section G'); the first one wins when two files claim the same ID. */
  byDocId: ReadonlyMap<string, SecDocument>;
  sources: ReadonlyMap<string, string>;
  options: Readonly<CheckOptions>;
  /**
   * Computes something about a document once (several rules walk the numbering, for instance). The value may
   * depend on the document and its source only, unless `key` names everything else it was computed from (see
   * memo.ts): it may be served to a later run over the same document object.
   */
  memo<T>(key: string, doc: SecDocument, compute: () => T): T;
  /** The lines of a document's source (null when not given), split once. */
  lines(doc: SecDocument): SourceLines;
}

interface RuleInfo {
  /** kebab-case, printed as `[name]`. */
  name: string;
  /**
   * The severity of the rule's findings; a rule may downgrade particular findings to warnings (documented), never
   * the other way: a 'warning' rule reports no error (newCheckErrors, which counts errors only, skips it).
   */
  severity: Severity;
  /** One line for `check --list-rules` and docs/check-rules.md. */
  description: string;
}

/** A rule whose findings in a document depend on that document (and its source) alone. */
export interface DocumentRule extends RuleInfo {
  scope: 'document';
  /** The findings in `doc`, all with `file` = doc.file; ctx.docs and ctx.byDocId must not be consulted. */
  checkDocument(doc: SecDocument, ctx: CheckContext): Problem[];
}

/** A rule that compares documents with each other; its per-document work should go through ctx.memo. */
export interface SetRule extends RuleInfo {
  scope: 'documents';
  check(ctx: CheckContext): Problem[];
}

export type Rule = DocumentRule | SetRule;
