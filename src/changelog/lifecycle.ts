// The life-cycle facts of a modification (the change log's optional `lifecycle:` header): where it stands in
// the SEC modification process, the decisions made on it, and what it impacts beyond the legal text. The
// Modification Report, the Release Implementation Document and the Change Status Report are computed from
// these facts (src/report), so they are validated here with positions, like every other field.

import { CHANGE_LOG_SCHEMA, ChangeLogFields } from './fields.js';
import { asMap, scalarString } from '../yaml/fields.js';
import { describeNode, type YNode } from '../yaml/tree.js';
import { personalNameReason } from './drafter.js';
import { isCalendarDate } from '../util/calendar-date.js';
import type { Pos } from './types.js';

export const ROUTES = ['Self-Governance', 'Authority determination', 'Fast-Track', 'Urgent'] as const;
export type Route = (typeof ROUTES)[number];

/**
 * The process steps in the order a modification reaches them. A Draft Proposal is raised and defined; a
 * Modification Proposal is refined (Working Group, Refinement Consultation), reported on, voted on by the
 * Change Board and, on the Authority route, determined by the Authority; then it is implemented in a release.
 */
export const STEPS = [
  'Raised',
  'Define',
  'Refine',
  'Working Group',
  'Refinement Consultation',
  'Report Phase',
  'Change Board vote',
  'Authority determination',
  'Implemented',
] as const;
export type Step = (typeof STEPS)[number];

/** Where a modification stands now: a step still under way, or a final outcome. */
export const STAGES = ['Define', 'Refine', 'Report Phase', 'Change Board vote', 'Authority determination', 'Approved', 'Rejected', 'Withdrawn', 'Implemented'] as const;
export type Stage = (typeof STAGES)[number];

/** Bodies that decide on modifications. Never a person. */
export const BODIES = ['Panel', 'Change Sub-Committee', 'Change Board', 'Authority'] as const;
export type Body = (typeof BODIES)[number];

export const OUTCOMES = ['approved', 'rejected', 'sent to the Authority', 'proceed to Refinement', 'proceed to Report Phase', 'returned to Refinement'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** The SEC Party categories of a Modification Report, and the participant columns of a release. */
export const PARTY_CATEGORIES = ['Large Suppliers', 'Small Suppliers', 'Electricity Network Operators', 'Gas Network Operators', 'Other SEC Parties', 'DCC'] as const;
export type PartyCategory = (typeof PARTY_CATEGORIES)[number];

export interface Decision {
  body: Body;
  outcome: Outcome;
  date: string;
  pos: Pos;
}

export interface SpecificationChange {
  /** 'DUIS', 'GBCS', 'SMETS'. */
  name: string;
  from: string;
  to: string;
  pos: Pos;
}

export type IdentifierKind = 'Draft Proposal' | 'Modification Proposal' | 'Alternative Proposal';

export interface Lifecycle {
  route: Route | null;
  stage: Stage | null;
  /** Dates of the steps reached, in process order. */
  steps: { step: Step; date: string; pos: Pos }[];
  decisions: Decision[];
  /** Null when the header does not say (a report that needs it reports the gap rather than guessing). */
  parties: PartyCategory[] | null;
  dccSystems: boolean | null;
  specifications: SpecificationChange[] | null;
  /** The last date for a decision that still lets the modification into its target release. */
  cutOff: string | null;
  pos: Pos;
}

const FIELDS = ['route', 'stage', 'steps', 'decisions', 'parties', 'dccSystems', 'specifications', 'cutOff'] as const;

/** 'DP250' → Draft Proposal; 'MP250', 'SECMP0042' → Modification Proposal; 'MP250A' → Alternative Proposal. */
export function identifierKind(id: string): IdentifierKind {
  if (id.startsWith('DP')) return 'Draft Proposal';
  return /[A-Z]$/.test(id) ? 'Alternative Proposal' : 'Modification Proposal';
}

/** The index of a stage on the process line, for ordering (final outcomes come after every step). */
export function stageRank(stage: Stage): number {
  const i = (STEPS as readonly string[]).indexOf(stage);
  return i >= 0 ? i : STEPS.indexOf('Authority determination') + 0.5;
}

function stepRank(step: Step): number {
  return STEPS.indexOf(step);
}

/** The stage a step belongs to: a Working Group and a Refinement Consultation are parts of Refine. */
function stageOfStep(step: Step): Step {
  if (step === 'Working Group' || step === 'Refinement Consultation') return 'Refine';
  if (step === 'Raised') return 'Define';
  return step;
}

export function readLifecycle(node: YNode, parent: ChangeLogFields, modificationId: string | null): Lifecycle | null {
  const map = asMap(node, parent.file, parent.problems, 'lifecycle', CHANGE_LOG_SCHEMA);
  if (!map) return null;
  const r = new ChangeLogFields(map, parent.file, parent.problems, 'lifecycle', FIELDS);
  const route = r.has('route') ? r.oneOf('route', ROUTES) : null;
  const stage = r.has('stage') ? r.oneOf('stage', STAGES) : null;
  const steps = readSteps(r);
  const decisions = readDecisions(r, stage, route);
  const parties = readParties(r);
  const dccSystems = r.bool('dccSystems');
  const specifications = readSpecifications(r);
  const cutOff = readDate(r, 'cutOff');
  if (stage !== null && modificationId !== null && identifierKind(modificationId) === 'Draft Proposal' && stageRank(stage) > stageRank('Define')) {
    r.report(r.pos('stage'), `lifecycle: ${modificationId} is a Draft Proposal, which is in Define; a proposal in stage '${stage}' is a Modification Proposal (MPnnn)`, 'changelog-lifecycle');
  }
  if (stage !== null && steps.length > 0) {
    const last = steps[steps.length - 1]!;
    if (stage !== 'Implemented' && last.step === 'Implemented') {
      r.report(last.pos, `lifecycle: step 'Implemented' is dated but the stage is '${stage}'; set stage: Implemented`, 'changelog-lifecycle');
    } else if ((STEPS as readonly string[]).includes(stage) && stepRank(stageOfStep(last.step)) > stageRank(stage)) {
      r.report(last.pos, `lifecycle: step '${last.step}' comes after the current stage '${stage}'; move the stage on or remove the step`, 'changelog-lifecycle');
    }
  }
  if (route === 'Self-Governance' && steps.some((s) => s.step === 'Authority determination')) {
    const s = steps.find((x) => x.step === 'Authority determination')!;
    r.report(s.pos, "lifecycle: a Self-Governance modification has no Authority determination step; use route: 'Authority determination'", 'changelog-lifecycle');
  }
  return { route, stage, steps, decisions, parties, dccSystems, specifications, cutOff, pos: map.pos };
}

function readDate(r: ChangeLogFields, name: string): string | null {
  const s = r.string(name);
  if (s === null) return null;
  if (!isCalendarDate(s)) {
    r.report(r.pos(name), `lifecycle: ${name} '${s}' must be a real date written YYYY-MM-DD`, 'changelog-lifecycle');
    return null;
  }
  return s;
}

function readSteps(r: ChangeLogFields): Lifecycle['steps'] {
  const n = r.node('steps');
  if (n === undefined) return [];
  const map = asMap(n, r.file, r.problems, 'lifecycle: steps', CHANGE_LOG_SCHEMA);
  if (!map) return [];
  const out: Lifecycle['steps'] = [];
  for (const e of map.entries) {
    const step = STEPS.find((s) => s === e.key);
    if (!step) {
      r.report(e.keyPos, `lifecycle: steps: unknown step '${e.key}' (expected one of ${STEPS.map((s) => `'${s}'`).join(', ')})`, 'changelog-lifecycle');
      continue;
    }
    const date = scalarString(e.value);
    if (date === null || !isCalendarDate(date)) {
      r.report(e.value.pos, `lifecycle: steps: '${step}' must be a real date written YYYY-MM-DD, found ${date === null ? describeNode(e.value) : `'${date}'`}`, 'changelog-lifecycle');
      continue;
    }
    out.push({ step, date, pos: e.value.pos });
  }
  // Steps are written in any order; they must be dated in process order.
  out.sort((a, b) => stepRank(a.step) - stepRank(b.step));
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!;
    const cur = out[i]!;
    if (cur.date < prev.date) {
      r.report(cur.pos, `lifecycle: steps: '${cur.step}' is dated ${cur.date}, before the previous step '${prev.step}' (${prev.date}); steps are reached in process order`, 'changelog-lifecycle');
    }
  }
  return out;
}

function readDecisions(r: ChangeLogFields, stage: Stage | null, route: Route | null): Decision[] {
  const n = r.node('decisions');
  if (n === undefined) return [];
  if (n.type !== 'seq') {
    r.report(n.pos, `lifecycle: decisions must be a list of { body, outcome, date }, found ${describeNode(n)}`, 'changelog-lifecycle');
    return [];
  }
  const out: Decision[] = [];
  n.items.forEach((item, i) => {
    const map = asMap(item, r.file, r.problems, `lifecycle: decision ${i + 1}`, CHANGE_LOG_SCHEMA);
    if (!map) return;
    const d = new ChangeLogFields(map, r.file, r.problems, `lifecycle: decision ${i + 1}`, ['body', 'outcome', 'date']);
    const bodyText = d.string('body', { required: `the deciding body: ${BODIES.join(', ')} (never a person)` });
    let body: Body | null = null;
    if (bodyText !== null) {
      body = BODIES.find((b) => b === bodyText) ?? null;
      if (!body) {
        const why = personalNameReason(bodyText);
        d.report(d.pos('body'), `lifecycle: decision ${i + 1}: body '${bodyText}' must be one of ${BODIES.map((b) => `'${b}'`).join(', ')}${why ? ` — a decision is recorded against a body, never a person (${why})` : ''}`, 'changelog-lifecycle');
      }
    }
    const outcome = d.has('outcome') ? d.oneOf('outcome', OUTCOMES) : (d.missing('outcome', OUTCOMES.join(', ')), null);
    const date = d.has('date') ? readDate(d, 'date') : (d.missing('date', 'YYYY-MM-DD'), null);
    if (!body || !outcome || !date) return;
    if (stage === null) {
      d.report(map.pos, `lifecycle: decision ${i + 1} (${body}, ${outcome}) needs the modification's stage; add stage: to lifecycle`, 'changelog-lifecycle');
      return;
    }
    if (body === 'Authority' && route !== null && route !== 'Authority determination') {
      d.report(d.pos('body'), `lifecycle: decision ${i + 1}: the Authority decides only on the 'Authority determination' route, and this modification's route is '${route}'`, 'changelog-lifecycle');
    }
    const needs: Stage | null = body === 'Change Board' ? 'Change Board vote' : body === 'Authority' ? 'Authority determination' : null;
    if (needs && stageRank(stage) < stageRank(needs)) {
      d.report(d.pos('body'), `lifecycle: decision ${i + 1} by the ${body} needs stage '${needs}' or later, but the stage is '${stage}'`, 'changelog-lifecycle');
    }
    const prev = out[out.length - 1];
    if (prev && date < prev.date) {
      d.report(d.pos('date'), `lifecycle: decision ${i + 1} is dated ${date}, before decision ${i} (${prev.date}); list decisions in the order they were made`, 'changelog-lifecycle');
    }
    out.push({ body, outcome, date, pos: map.pos });
  });
  return out;
}

function readParties(r: ChangeLogFields): PartyCategory[] | null {
  const n = r.node('parties');
  if (n === undefined) return null;
  if (n.type !== 'seq') {
    r.report(n.pos, `lifecycle: parties must be a list of SEC Party categories (${PARTY_CATEGORIES.join(', ')}); write [] for none, found ${describeNode(n)}`, 'changelog-lifecycle');
    return null;
  }
  const out: PartyCategory[] = [];
  for (const item of n.items) {
    const s = scalarString(item);
    const cat = PARTY_CATEGORIES.find((c) => c === s);
    if (!cat) {
      r.report(item.pos, `lifecycle: parties: '${s ?? describeNode(item)}' is not a SEC Party category (expected ${PARTY_CATEGORIES.map((c) => `'${c}'`).join(', ')})`, 'changelog-lifecycle');
      continue;
    }
    if (out.includes(cat)) r.report(item.pos, `lifecycle: parties: '${cat}' is listed twice`, 'changelog-lifecycle');
    else out.push(cat);
  }
  return PARTY_CATEGORIES.filter((c) => out.includes(c));
}

function readSpecifications(r: ChangeLogFields): SpecificationChange[] | null {
  const n = r.node('specifications');
  if (n === undefined) return null;
  if (n.type !== 'seq') {
    r.report(n.pos, `lifecycle: specifications must be a list of { name, from, to } (e.g. { name: DUIS, from: '5.2', to: '5.3' }); write [] for none, found ${describeNode(n)}`, 'changelog-lifecycle');
    return null;
  }
  const out: SpecificationChange[] = [];
  n.items.forEach((item, i) => {
    const map = asMap(item, r.file, r.problems, `lifecycle: specification ${i + 1}`, CHANGE_LOG_SCHEMA);
    if (!map) return;
    const s = new ChangeLogFields(map, r.file, r.problems, `lifecycle: specification ${i + 1}`, ['name', 'from', 'to']);
    const name = s.string('name', { required: "the specification's short name, e.g. DUIS" });
    const from = s.string('from', { required: "the current version, e.g. '5.2'" });
    const to = s.string('to', { required: "the version this modification changes it to, e.g. '5.3'" });
    if (name === null || from === null || to === null) return;
    if (from === to) s.report(s.pos('to'), `lifecycle: specification ${name}: 'to' must differ from 'from' (${from})`, 'changelog-lifecycle');
    if (out.some((o) => o.name === name)) s.report(s.pos('name'), `lifecycle: specification ${name} is listed twice`, 'changelog-lifecycle');
    out.push({ name, from, to, pos: map.pos });
  });
  return out;
}
