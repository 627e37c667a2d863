// The contract every edit kind implements: which fields it has, how it reads them, how it plans itself as
// operations on the original documents, and how it is described (dry runs, Annex instructions).

import type { ClauseEdit } from '../../redline/types.js';
import type { ChangeLogFields } from '../fields.js';
import type { PlanContext } from '../plan-types.js';
import type { Edit, EditBase } from '../types.js';

export interface EditModule<E extends Edit = Edit> {
  kind: E['kind'];
  /** Fields besides 'kind'. */
  fields: readonly string[];
  /** Reads and checks the fields (everything that needs no document); null when a problem was reported. */
  read(r: ChangeLogFields, base: Omit<EditBase, 'kind'>): E | null;
  /** Resolves the edit against the documents and records its operations (or problems) on ctx. */
  plan(edit: E, ctx: PlanContext): void;
  /** One line for --dry-run: "replace 'Fax' with 'Email' (all 6) in Section M". */
  describe(edit: E): string;
  /** IDs (documents or blocks) the edit addresses; used to derive and check an item's `sections`. */
  targets(edit: E): string[];
  /** What the Redline records about this edit on the clauses it touched. */
  clauseEdit(edit: E): Omit<ClauseEdit, 'item'>;
}
