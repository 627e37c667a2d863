// One-line descriptions of edits and items, for `apply --dry-run` and for messages.

import { moduleOf } from './edits/index.js';
import type { ChangeItem, Edit } from './types.js';

export function describeEdit(edit: Edit): string {
  return moduleOf(edit).describe(edit);
}

export function describeItem(item: ChangeItem): string[] {
  return item.edits.map((e) => describeEdit(e));
}
