// The conformed copies a release publishes: every document it changes, as a whole Word document in SEC house
// style (src/render/document), dated with the release and named with the document's new version label
// ('section-G-SEC-2024-06.docx', 'appendix-AD-DUIS-5.3.docx').

import { basename } from 'node:path';
import type { SecDocument } from '../model/types.js';
import { documentView, renderDocumentDocx } from '../render/document/index.js';
import type { Release } from './types.js';

/** '<file stem>-<version label>.docx', the label's spaces and anything a file name should not hold as '-'. */
export function conformedName(doc: SecDocument): string {
  const stem = basename(doc.file).replace(/\.md$/i, '');
  const label = doc.meta.version.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
  return `${stem}-${label}.docx`;
}

/** The conformed DOCX of a changed document. */
export function conformedDocument(release: Release, doc: SecDocument): { name: string; data: Uint8Array } {
  return { name: conformedName(doc), data: renderDocumentDocx(documentView(doc, { date: release.date }), { author: release.drafter }) };
}

/** The conformed DOCX of each changed document, in the order given (SEC order). */
export function conformedDocuments(release: Release, changed: readonly SecDocument[]): { name: string; data: Uint8Array }[] {
  return changed.map((doc) => conformedDocument(release, doc));
}
