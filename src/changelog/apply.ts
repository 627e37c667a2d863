// validate → plan → apply, over the documents a change log was drafted against: the two public phases
// (planChangeLog in plan.ts, applyPlan in apply-plan.ts) run one after the other. Kept for callers that want
// both at once; see those files for what each phase promises.

import type { SecDocument } from '../model/types.js';
import { planChangeLog, type PlanOptions } from './plan.js';
import { applyPlan, type ApplyResult } from './apply-plan.js';
import type { ChangeLog } from './types.js';

export type ApplyOptions = PlanOptions;
export type { ApplyResult };

export function applyChangeLog(log: ChangeLog, docs: ReadonlyMap<string, SecDocument>, options: ApplyOptions = {}): ApplyResult {
  return applyPlan(planChangeLog(log, docs, options), docs);
}
