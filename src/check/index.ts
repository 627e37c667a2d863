export type { CheckContext, CheckOptions, Rule, Severity } from './types.js';
export { runChecks, enabledRules, ruleNames, findRule, unknownRules } from './run.js';
export { rules } from './rules/index.js';
export { findReferences, type Reference } from './references.js';
export { mergeFindings, findingsToJson } from './merge.js';
export { newCheckErrors } from './new-errors.js';
