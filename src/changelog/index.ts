// Change logs: annexes/<folder>/changes.yaml → validated ChangeLog → planned edits → amended documents and a
// Redline attributed to items. See docs/changelog.md.

export { loadChangeLog } from './load.js';
export { applyChangeLog, type ApplyOptions, type ApplyResult } from './apply.js';
export { describeEdit, describeItem } from './describe.js';
export { EDIT_KINDS } from './edits/index.js';
export type * from './types.js';
