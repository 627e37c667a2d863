// Which SEC document a Word file holds: kind, code, title and version, from the command line first, then the
// file's own properties (pandoc and this tool's renderer write kind/code/version as custom properties and the
// title as the core title), then its Title paragraph, its file name and its clause numbers. Every guess is
// reported, so the user knows what to pass with --kind/--code/--title/--version.

import type { DocKind, DocMeta } from '../model/types.js';
import { isValidCode } from '../model/doc-ref.js';
import { children, textOf, type XmlElement } from './xml.js';

export interface MetaHints {
  kind?: string;
  code?: string;
  title?: string;
  version?: string;
}

export interface MetaResult {
  meta: DocMeta;
  /** One line per field that was guessed rather than read: 'code G (from the file name)'. */
  guesses: string[];
  /** Fields given on the command line that are not valid. */
  errors: string[];
}

export function customProperties(root: XmlElement | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of children(root, 'op:property').concat(children(root, 'property'))) {
    const name = p.attrs['name'];
    if (name !== undefined) out.set(name.toLowerCase(), textOf(p).trim());
  }
  return out;
}

export function coreTitle(root: XmlElement | undefined): string | undefined {
  const t = children(root, 'dc:title')[0];
  const s = t ? textOf(t).trim() : '';
  return s || undefined;
}

const KINDS: readonly DocKind[] = ['section', 'schedule', 'appendix'];

function fromName(name: string): { kind: DocKind; code: string } | null {
  const m = /(section|appendix|schedule)[\s_-]*([A-Za-z]{1,2}|\d+)(?![A-Za-z0-9])/i.exec(name);
  if (!m) return null;
  const kind = m[1]!.toLowerCase() as DocKind;
  const code = kind === 'schedule' ? m[2]! : m[2]!.toUpperCase();
  return isValidCode(kind, code) ? { kind, code } : null;
}

/** 'Section G: Security' → 'Security' (the kind and code are front-matter fields of their own). */
function cleanTitle(title: string, kind: DocKind, code: string): string {
  const re = new RegExp(`^${kind}\\s+${code}\\b\\s*[:.–—-]?\\s*`, 'i');
  return title.replace(re, '').replace(/^['‘’"“”]|['‘’"“”]$/g, '').trim() || title.trim();
}

interface DisplayName {
  kind: DocKind;
  code: string;
  title: string;
  version?: string;
}

/** "Section H 'DCC Services'" (the SEC's way of naming a document), optionally followed by a version label. */
function fromDisplayName(text: string): DisplayName | null {
  const m = /^(Section|Appendix|Schedule)\s+([A-Za-z]{1,2}|\d+)\s*[:–—-]?\s*['‘"“](.+)['’"”](?:\s+(\S.*))?$/i.exec(text.trim());
  if (!m) return null;
  const kind = m[1]!.toLowerCase() as DocKind;
  const code = kind === 'schedule' ? m[2]! : m[2]!.toUpperCase();
  if (!isValidCode(kind, code)) return null;
  const out: DisplayName = { kind, code, title: m[3]!.trim() };
  if (m[4]) out.version = m[4].trim();
  return out;
}

export function decideMeta(
  hints: MetaHints,
  props: Map<string, string>,
  core: string | undefined,
  titlePage: readonly string[],
  fileName: string,
  firstSectionNumber: string | undefined,
): MetaResult {
  const guesses: string[] = [];
  const errors: string[] = [];
  const display = [...titlePage, ...(core ? [core] : [])].map(fromDisplayName).find((d) => d !== null) ?? null;
  const pageVersion = titlePage.map((t) => /^version\s+(\S.*)$/i.exec(t.trim())?.[1]).find((v) => v !== undefined) ?? display?.version;
  const titleParagraph = titlePage.find((t) => !/^smart energy code$/i.test(t.trim()) && !/^version\s/i.test(t.trim()));
  let kind: DocKind | undefined;
  let code: string | undefined;
  const hk = hints.kind ?? props.get('kind') ?? display?.kind;
  if (hk !== undefined) {
    if ((KINDS as readonly string[]).includes(hk.toLowerCase())) kind = hk.toLowerCase() as DocKind;
    else errors.push(`--kind must be section, schedule or appendix, not '${hk}'`);
  }
  const hc = hints.code ?? props.get('code') ?? (display && (hk === undefined || hk.toLowerCase() === display.kind) ? display.code : undefined);
  if (hc !== undefined) code = kind === 'schedule' ? hc : hc.toUpperCase();
  const byName = fromName(fileName.replace(/\.docx$/i, '')) ?? (titleParagraph ? fromName(titleParagraph) : null) ?? (core ? fromName(core) : null);
  if (kind === undefined && byName && (code === undefined || byName.code === code)) {
    kind = byName.kind;
    guesses.push(`kind ${kind} (from the file name or title)`);
  }
  if (code === undefined && byName && byName.kind === kind) {
    code = byName.code;
    guesses.push(`code ${code} (from the file name or title)`);
  }
  if ((kind === undefined || kind === 'section') && code === undefined && firstSectionNumber) {
    kind = 'section';
    code = firstSectionNumber[0]!;
    guesses.push(`Section ${code} (from its clause numbers, e.g. ${firstSectionNumber})`);
  }
  if (kind === undefined) {
    kind = 'appendix';
    guesses.push('kind appendix (nothing says which kind: pass --kind)');
  }
  if (code === undefined || !isValidCode(kind, code)) {
    if (code !== undefined) errors.push(`code '${code}' is not valid for a ${kind}`);
    code = kind === 'section' ? 'X' : kind === 'schedule' ? '99' : 'ZZ';
    guesses.push(`code ${code} (nothing says which document this is: pass --code)`);
  }
  let title = hints.title ?? props.get('title') ?? (display && display.kind === kind && display.code === code ? display.title : undefined) ?? core;
  if (title === undefined && titleParagraph) {
    title = titleParagraph;
    guesses.push(`title '${cleanTitle(title, kind, code)}' (from the Title paragraph)`);
  }
  if (title === undefined) {
    title = 'Untitled';
    guesses.push("title 'Untitled' (no title in the file: pass --title)");
  }
  let version = hints.version ?? props.get('version') ?? pageVersion;
  if (version === undefined) {
    version = 'unversioned';
    guesses.push("version 'unversioned' (no version label in the file: pass --version)");
  }
  return { meta: { kind, code, title: cleanTitle(title, kind, code), version }, guesses, errors };
}
