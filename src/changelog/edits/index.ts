// The edit kinds a change log may use, one module each. Adding a kind: write its module, list it here,
// document it in docs/changelog.md with a fixture under tests/fixtures/changelog/<kind>/.

import type { Edit } from '../types.js';
import type { EditModule } from './edit-module.js';
import { replace } from './replace.js';
import { insertText } from './insert-text.js';
import { insertClause } from './insert-clause.js';
import { insertParagraph } from './insert-paragraph.js';
import { deleteClause } from './delete-clause.js';
import { rewrite } from './rewrite.js';
import { renameHeading } from './rename-heading.js';
import { insertRow } from './insert-row.js';
import { deleteRow } from './delete-row.js';
import { amendRow } from './amend-row.js';
import { moveRow } from './move-row.js';
import { renumber } from './renumber-kind.js';

const modules = [replace, insertText, insertClause, insertParagraph, deleteClause, rewrite, renameHeading, insertRow, deleteRow, amendRow, moveRow, renumber] as const;

export const EDIT_KINDS: readonly Edit['kind'][] = modules.map((m) => m.kind);

const byKind = new Map<string, EditModule>(modules.map((m) => [m.kind, m as unknown as EditModule]));

export function editModule(kind: string): EditModule | undefined {
  return byKind.get(kind);
}

/** The module for an edit (typed loosely: each module only ever receives edits of its own kind). */
export function moduleOf(edit: Edit): EditModule {
  return byKind.get(edit.kind)!;
}
