// The numbering engine: the label Word displays for each numbered paragraph (ECMA-376 Part 1 §17.9), from
// numbering.xml's abstractNum / num / lvlOverride / startOverride, lvlText with %1…%9, numFmt, isLgl and
// lvlRestart, and numbering linked through styles (pStyle → numPr, numStyleLink / styleLink).
// Paragraphs are fed in document order; each call advances the counters exactly as Word does, so a list
// continues across tables, headings and unnumbered paragraphs in between.
// Checked by self-describing fixtures (tests/import/numbering.test.ts) and against LibreOffice's own numbering.

import { child, children, onOff, val, type XmlElement } from './xml.js';
import type { Styles } from './styles.js';

export interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  isLgl: boolean;
  /** w:lvlRestart: 0 never restarts; K restarts after a paragraph at level K−1 or shallower. */
  restart?: number;
  pStyle?: string;
}

interface AbstractNum {
  id: string;
  levels: (LevelDef | undefined)[];
  numStyleLink?: string;
  styleLink?: string;
}

interface NumDef {
  id: string;
  abstractId: string;
  overrides: Map<number, { start?: number; lvl?: LevelDef }>;
}

export interface NumberLabel {
  /** What Word shows: 'G3.5', '(a)', '•'. */
  text: string;
  /** The numFmt of the paragraph's own level ('decimal', 'lowerLetter', 'bullet' …). */
  format: string;
  level: number;
}

export interface NumberingProblem {
  message: string;
}

function readLevel(lvl: XmlElement): LevelDef {
  const def: LevelDef = {
    start: Number(val(lvl, 'w:start') ?? '0'),
    numFmt: val(lvl, 'w:numFmt') ?? 'decimal',
    lvlText: val(lvl, 'w:lvlText') ?? '',
    isLgl: onOff(lvl, 'w:isLgl') ?? false,
  };
  const restart = val(lvl, 'w:lvlRestart');
  if (restart !== undefined) def.restart = Number(restart);
  const pStyle = val(lvl, 'w:pStyle');
  if (pStyle !== undefined) def.pStyle = pStyle;
  if (!Number.isFinite(def.start)) def.start = 0;
  return def;
}

const ROMAN: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
  [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN) while (n >= v) { out += s; n -= v; }
  return out;
}

/** Word's letters: a … z, then aa, bb … zz, aaa (the letter repeated, §17.18.59), not spreadsheet-style 'ab'. */
function letters(n: number): string {
  if (n <= 0) return '';
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Formats known here; anything else is shown as decimal and reported once. */
export const KNOWN_FORMATS = new Set(['decimal', 'decimalZero', 'lowerLetter', 'upperLetter', 'lowerRoman', 'upperRoman', 'bullet', 'none']);

export function formatNumber(n: number, fmt: string): string {
  // A hostile or damaged start value must not spell a letter or numeral millions of characters long.
  if (n > 3999) return String(n);
  switch (fmt) {
    case 'lowerLetter':
      return letters(n);
    case 'upperLetter':
      return letters(n).toUpperCase();
    case 'lowerRoman':
      return n > 0 ? roman(n) : String(n);
    case 'upperRoman':
      return n > 0 ? roman(n).toUpperCase() : String(n);
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

export class NumberingEngine {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, NumDef>();
  /**
   * Counters per abstractNum: every num of one definition continues one sequence, and a num's startOverride
   * restarts it (at that level) the first time that num is used — what LibreOffice does and §17.9.27 describes.
   */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly started = new Set<string>();
  readonly unknownFormats = new Set<string>();

  constructor(root: XmlElement | undefined, private readonly styles: Styles) {
    for (const a of children(root, 'w:abstractNum')) {
      const id = a.attrs['w:abstractNumId'];
      if (id === undefined) continue;
      const levels: (LevelDef | undefined)[] = [];
      for (const lvl of children(a, 'w:lvl')) {
        const ilvl = Number(lvl.attrs['w:ilvl'] ?? '0');
        if (ilvl >= 0 && ilvl <= 8) levels[ilvl] = readLevel(lvl);
      }
      const abs: AbstractNum = { id, levels };
      const nsl = val(a, 'w:numStyleLink');
      if (nsl !== undefined) abs.numStyleLink = nsl;
      const sl = val(a, 'w:styleLink');
      if (sl !== undefined) abs.styleLink = sl;
      this.abstracts.set(id, abs);
    }
    for (const n of children(root, 'w:num')) {
      const id = n.attrs['w:numId'];
      const abstractId = val(n, 'w:abstractNumId');
      if (id === undefined || abstractId === undefined) continue;
      const overrides = new Map<number, { start?: number; lvl?: LevelDef }>();
      for (const o of children(n, 'w:lvlOverride')) {
        const ilvl = Number(o.attrs['w:ilvl'] ?? '0');
        const entry: { start?: number; lvl?: LevelDef } = {};
        const so = val(o, 'w:startOverride');
        if (so !== undefined) entry.start = Number(so);
        const lvl = child(o, 'w:lvl');
        if (lvl) entry.lvl = readLevel(lvl);
        overrides.set(ilvl, entry);
      }
      this.nums.set(id, { id, abstractId, overrides });
    }
  }

  /** The abstractNum whose levels a num uses, following numStyleLink to the list style's own definition. */
  private resolveAbstract(num: NumDef): AbstractNum | string {
    let abs = this.abstracts.get(num.abstractId);
    if (!abs) return `w:num ${num.id} refers to w:abstractNum ${num.abstractId}, which numbering.xml does not define`;
    const seen = new Set<string>();
    while (abs.numStyleLink !== undefined && !seen.has(abs.id)) {
      seen.add(abs.id);
      const style = this.styles.get(abs.numStyleLink);
      const linkedNum = style?.numId !== undefined ? this.nums.get(style.numId) : undefined;
      const target = linkedNum ? this.abstracts.get(linkedNum.abstractId) : undefined;
      if (!target) return `w:abstractNum ${abs.id} links to numbering style '${abs.numStyleLink}', which names no numbering definition`;
      abs = target;
    }
    return abs;
  }

  /** The numbering a paragraph has: its own numPr, else its style chain's (numId 0 removes it). */
  numPrOf(pPr: XmlElement | undefined, styleId: string | undefined): { numId: string; ilvl: number } | null {
    const numPr = child(pPr, 'w:numPr');
    let numId = val(numPr, 'w:numId');
    const ilvlText = val(numPr, 'w:ilvl');
    let styleIlvl: number | undefined;
    let fromStyle: string | undefined;
    for (const s of this.styles.chain(styleId)) {
      if (numId === undefined && s.numId !== undefined) {
        numId = s.numId;
        fromStyle = s.id;
      }
      if (styleIlvl === undefined && s.ilvl !== undefined) styleIlvl = s.ilvl;
    }
    if (numId === undefined || numId === '0') return null;
    let ilvl = ilvlText !== undefined ? Number(ilvlText) : styleIlvl;
    if (ilvl === undefined && fromStyle !== undefined) {
      // The level whose w:pStyle is this paragraph's style (heading styles numbered as G1, G1.1 …).
      const num = this.nums.get(numId);
      const abs = num ? this.resolveAbstract(num) : undefined;
      if (abs && typeof abs !== 'string') {
        const i = abs.levels.findIndex((l) => l?.pStyle === styleId || l?.pStyle === fromStyle);
        if (i >= 0) ilvl = i;
      }
    }
    return { numId, ilvl: Math.min(8, Math.max(0, ilvl ?? 0)) };
  }

  /** Advances the counters for one paragraph and returns its label (or a problem for a broken reference). */
  next(numId: string, ilvl: number): NumberLabel | NumberingProblem {
    const num = this.nums.get(numId);
    if (!num) return { message: `the paragraph is numbered by w:num ${numId}, which numbering.xml does not define` };
    const abs = this.resolveAbstract(num);
    if (typeof abs === 'string') return { message: abs };
    const level = (l: number): LevelDef | undefined => num.overrides.get(l)?.lvl ?? abs.levels[l];
    const startOf = (l: number): number => num.overrides.get(l)?.start ?? level(l)?.start ?? 0;
    const key = abs.id;
    let counters = this.counters.get(key);
    if (!counters) {
      counters = [];
      this.counters.set(key, counters);
    }
    if (!this.started.has(num.id)) {
      this.started.add(num.id);
      for (const [l, o] of num.overrides) if (o.start !== undefined) for (let m = l; m <= 8; m++) counters[m] = undefined;
    }
    const cur = counters[ilvl];
    counters[ilvl] = cur === undefined ? startOf(ilvl) : cur + 1;
    for (let m = ilvl + 1; m <= 8; m++) {
      const restart = level(m)?.restart;
      if (restart === 0) continue;
      if (ilvl <= (restart ?? m) - 1) counters[m] = undefined;
    }
    const own = level(ilvl);
    if (!own) return { text: '', format: 'none', level: ilvl };
    if (own.numFmt === 'bullet') return { text: own.lvlText, format: 'bullet', level: ilvl };
    if (!KNOWN_FORMATS.has(own.numFmt)) this.unknownFormats.add(own.numFmt);
    let text = '';
    const t = own.lvlText;
    for (let i = 0; i < t.length; i++) {
      const d = t.charCodeAt(i + 1) - 48;
      if (t[i] === '%' && d >= 1 && d <= 9) {
        const l = d - 1;
        const value = counters[l] ?? startOf(l);
        const fmt = own.isLgl ? 'decimal' : level(l)?.numFmt ?? 'decimal';
        text += formatNumber(value, fmt === 'bullet' ? 'decimal' : fmt);
        i++;
      } else text += t[i];
    }
    return { text, format: own.numFmt, level: ilvl };
  }
}
