// Change logs: annexes/<folder>/changes.yaml → validated ChangeLog → planned edits → amended documents and a
// Redline attributed to items. See docs/changelog.md.

export { loadChangeLog } from './load.js';
export { applyChangeLog, type ApplyOptions, type ApplyResult } from './apply.js';
export { describeEdit, describeItem } from './describe.js';
export { EDIT_KINDS } from './edits/index.js';
export type * from './types.js';
// What release files share with change logs: the document → version map and the drafter's rule (never a person).
export { readDocVersions, type DocVersion, type DocVersionWording } from './doc-versions.js';
export { personalNameReason } from './drafter.js';
