// Opening a .docx safely: what the bytes are (a Word package, or a legacy .doc, an .odt, an .rtf, a PDF, an
// encrypted document — each told apart by its magic bytes and named with how to convert it), the ZIP read with
// caps on the expanded size and the compression ratio (a ZIP bomb is refused before anything is inflated; fflate
// never writes past the size an entry declares), and the parts found through the package relationships
// (_rels/.rels → the main document → its own .rels), never by assuming word/document.xml.

import { unzipSync } from 'fflate';
import { posix } from 'node:path';
import { ProblemsError, problem } from '../util/errors.js';
import type { Problem } from '../model/types.js';
import { children, parseXml, XmlError, type XmlElement } from './xml.js';

/** Largest .docx accepted (bytes). The whole SEC as Word is far below this; a larger file is refused. */
export const MAX_DOCX_BYTES = 100 * 1024 * 1024;
/** Largest expanded XML part, and all parts together. */
export const MAX_PART_BYTES = 400 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 600 * 1024 * 1024;
/** Deflate cannot exceed ~1032:1; real Word XML is 5–30:1. Above this, an entry over 1 MB is a bomb. */
export const MAX_RATIO = 200;

const CONVERT = 'convert it with `soffice --headless --convert-to docx FILE`, or save it as .docx from Word';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
const REL_STRICT = 'http://purl.oclc.org/ooxml/officeDocument/relationships/';

export interface Relationship {
  type: string; // the last segment: 'styles', 'numbering', 'hyperlink' …
  target: string; // package path for internal targets, the URL for external ones
  external: boolean;
}

export interface DocxPackage {
  file: string;
  /** Package path of the main document part ('word/document.xml'). */
  mainPath: string;
  main: string;
  rels: Map<string, Relationship>;
  styles?: string;
  numbering?: string;
  footnotes?: string;
  /** The footnotes part's own relationships (its hyperlinks' targets). */
  footnoteRels?: Map<string, Relationship>;
  endnotes?: string;
  comments?: string;
  core?: string;
  custom?: string;
}

function fail(file: string, message: string, rule = 'import-input'): never {
  throw new ProblemsError([problem(file, 1, 1, message, rule)]);
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function containsUtf16(bytes: Uint8Array, s: string): boolean {
  const pat = Buffer.from(s, 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(pat) >= 0;
}

/** Names what the bytes are when they are not a Word package, or returns null for a ZIP. */
function sniff(bytes: Uint8Array, file: string): void {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return;
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    // An OLE compound file: Word's encrypted packages live in one (an EncryptedPackage stream); otherwise a
    // legacy binary .doc.
    if (containsUtf16(bytes, 'EncryptedPackage')) {
      fail(file, 'The document is encrypted (password-protected): open it in Word, remove the password (File › Info › Protect Document) and save it again', 'import-encrypted');
    }
    fail(file, `This is a legacy Word 97–2003 .doc file (an OLE compound file), not a .docx: ${CONVERT}`, 'import-format');
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) fail(file, `This is an RTF file, not a .docx: ${CONVERT}`, 'import-format');
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) {
    fail(file, 'This is a PDF, not a .docx: a PDF holds no document structure to import; ask for the Word version (or try `soffice --infilter="writer_pdf_import" --headless --convert-to docx FILE`, which keeps little structure)', 'import-format');
  }
  if (bytes.length === 0) fail(file, 'The file is empty: expected a Word .docx package');
  fail(file, 'Not a Word document: a .docx is a ZIP package and this file is not one', 'import-format');
}

function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const text = new TextDecoder('utf-8').decode(bytes);
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Parses a part, turning a parser error into a positioned problem (`file[part]:line:col`). */
export function parsePart(file: string, part: string, text: string, opts?: Parameters<typeof parseXml>[1]): XmlElement {
  try {
    return parseXml(text, opts);
  } catch (err) {
    if (err instanceof XmlError) {
      const what = err.message.startsWith('a DOCTYPE') ? `Refused ${err.message}` : `Malformed XML: ${err.message}`;
      throw new ProblemsError([problem(`${file}[${part}]`, err.line, err.column + 1, `${what}; the package is damaged — open and save it again in Word or LibreOffice`, 'import-xml')]);
    }
    throw err;
  }
}

function relsPath(part: string): string {
  const dir = posix.dirname(part);
  return posix.join(dir === '.' ? '' : dir, '_rels', `${posix.basename(part)}.rels`);
}

function readRels(file: string, parts: Record<string, Uint8Array>, relsFile: string, base: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const bytes = parts[relsFile];
  if (!bytes) return out;
  const root = parsePart(file, relsFile, decodeXml(bytes));
  for (const r of children(root, 'rel:Relationship').concat(children(root, 'Relationship'))) {
    const id = r.attrs['Id'];
    const type = r.attrs['Type'] ?? '';
    const target = r.attrs['Target'] ?? '';
    if (!id) continue;
    const external = r.attrs['TargetMode'] === 'External';
    const short = type.startsWith(REL) ? type.slice(REL.length) : type.startsWith(REL_STRICT) ? type.slice(REL_STRICT.length) : type.slice(type.lastIndexOf('/') + 1);
    const resolved = external ? target : target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(base, target));
    out.set(id, { type: short, target: resolved, external });
  }
  return out;
}

export function openDocx(bytes: Uint8Array, file: string): DocxPackage {
  if (bytes.length > MAX_DOCX_BYTES) {
    fail(file, `The file is ${(bytes.length / 1048576).toFixed(0)} MB; the limit for a .docx is ${MAX_DOCX_BYTES / 1048576} MB (the largest SEC document is a few MB): split it, or remove embedded images`, 'import-size');
  }
  sniff(bytes, file);
  let total = 0;
  const problems: Problem[] = [];
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        // Only XML parts are read (images and embedded objects are reported from the XML that places them).
        const wanted = f.name.endsWith('.xml') || f.name.endsWith('.rels') || f.name === 'mimetype';
        if (!wanted) return false;
        const ratio = f.size > 0 ? f.originalSize / f.size : f.originalSize > 0 ? Infinity : 1;
        if (f.originalSize > MAX_PART_BYTES || (f.originalSize > 1048576 && ratio > MAX_RATIO)) {
          problems.push(problem(file, 1, 1, `Refused: ZIP entry '${f.name}' expands to ${f.originalSize} bytes from ${f.size} (a ZIP bomb, or a part far beyond any SEC document; limits ${MAX_PART_BYTES} bytes and ${MAX_RATIO}:1)`, 'import-zip-bomb'));
          return false;
        }
        total += f.originalSize;
        if (total > MAX_TOTAL_BYTES) {
          problems.push(problem(file, 1, 1, `Refused: the package expands to more than ${MAX_TOTAL_BYTES} bytes (a ZIP bomb?)`, 'import-zip-bomb'));
          return false;
        }
        return true;
      },
    });
  } catch (err) {
    fail(file, `Not a readable ZIP package (${err instanceof Error ? err.message : String(err)}): the file is damaged or truncated, or not a .docx`, 'import-format');
  }
  if (problems.length) throw new ProblemsError(problems.slice(0, 1));
  const mimetype = parts['mimetype'];
  if (mimetype && new TextDecoder().decode(mimetype).startsWith('application/vnd.oasis.opendocument')) {
    fail(file, `This is an OpenDocument file (.odt), not a .docx: ${CONVERT}`, 'import-format');
  }
  const pkgRels = readRels(file, parts, '_rels/.rels', '');
  if (!parts['_rels/.rels']) fail(file, "Missing part '_rels/.rels': this ZIP is not a Word package (or it is damaged)", 'import-part');
  const officeRel = [...pkgRels.values()].find((r) => r.type === 'officeDocument' && !r.external);
  if (!officeRel) fail(file, "The package has no main document (no officeDocument relationship in '_rels/.rels'): not a Word document", 'import-part');
  const mainPath = officeRel!.target;
  const mainBytes = parts[mainPath];
  if (!mainBytes) fail(file, `Missing part '${mainPath}' (the main document named by '_rels/.rels'): the package is damaged`, 'import-part');
  const rels = readRels(file, parts, relsPath(mainPath), posix.dirname(mainPath));
  const partOf = (type: string, from: Map<string, Relationship>): string | undefined => {
    const r = [...from.values()].find((x) => x.type === type && !x.external);
    const b = r ? parts[r.target] : undefined;
    return b ? decodeXml(b) : undefined;
  };
  const pkg: DocxPackage = { file, mainPath, main: decodeXml(mainBytes!), rels };
  const assign = (key: 'styles' | 'numbering' | 'footnotes' | 'endnotes' | 'comments' | 'core' | 'custom', type: string, from: Map<string, Relationship>): void => {
    const text = partOf(type, from);
    if (text !== undefined) pkg[key] = text;
  };
  assign('styles', 'styles', rels);
  assign('numbering', 'numbering', rels);
  assign('footnotes', 'footnotes', rels);
  const notesRel = [...rels.values()].find((x) => x.type === 'footnotes' && !x.external);
  if (pkg.footnotes !== undefined && notesRel) pkg.footnoteRels = readRels(file, parts, relsPath(notesRel.target), posix.dirname(notesRel.target));
  assign('endnotes', 'endnotes', rels);
  assign('comments', 'comments', rels);
  assign('core', 'core-properties', pkgRels);
  assign('custom', 'custom-properties', pkgRels);
  return pkg;
}
