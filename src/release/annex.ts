// The consolidated redline of a release as an AnnexDocument: the Annex A builder over the release's Redline
// (whose changes carry qualified items, 'MP250 item 7'), with the title block and the about text worded for a
// release rather than for one modification. The renderers (DOCX visual and tracked) need nothing else.

import type { AnnexDocument } from '../annex/types.js';
import { buildAnnex } from '../annex/build.js';
import type { Redline } from '../redline/types.js';
import { docDisplayName, docId } from '../model/index.js';
import type { Release, ReleaseEntry } from './types.js';
import { qualifiedItem, type Modification } from './plan.js';

function list(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * `excluded`: the modifications of the release file left out of this redline (targeted, not taken in): the
 * redline says so, so a reader does not take their absence for an omission.
 */
export function releaseAnnex(release: Release, mods: readonly Modification[], redline: Redline, excluded: readonly ReleaseEntry[] = []): AnnexDocument {
  const ids = mods.map((m) => m.log.modification.id);
  const items = mods.flatMap((m) => m.log.items.map((it) => ({ id: qualifiedItem(m, it.id), summary: it.summary, modification: m.log.modification.id })));
  const annex = buildAnnex(redline, { modId: release.name, title: 'Consolidated legal text', drafter: release.drafter, date: release.date }, { items });
  annex.title.heading = release.name;
  annex.title.annex = 'Consolidated redline';
  annex.title.subtitle = `Legal text of ${list(ids)}`;
  annex.about = [
    `This document sets out every change that the ${release.name} makes to the Smart Energy Code (SEC): the modifications below, taken together and applied in this order to the current text.`,
    ...mods.map((m) => `${m.log.modification.id} '${m.log.modification.title}' (${m.entry.status}).`),
    ...excluded.map((e) => `Not included: ${e.id ?? e.changes} (${e.status}); its changes are not shown here, because the release takes in a targeted modification only when asked to.`),
    `Each change is attributed to the modification and the item of its change log that make it: a comment beside the change names both, for example “${ids[0] ?? 'MP250'} item 1: …”, and in the tracked version each revision's author is ${release.drafter} followed by the modification, for example “${release.drafter} (${ids[0] ?? 'MP250'})”, so that a word processor can show the changes of one modification at a time. Only the passages that change are reproduced, one part per SEC document in SEC order; an ellipsis (…) stands for text left out because it does not change.`,
    'The changes are made to these versions of the documents, each of which takes the new version label shown:',
  ];
  // Say what each document becomes: the release gives every changed document a new version label.
  const byName = new Map(redline.documents.map((d) => [docDisplayName(d.meta), d]));
  for (const b of annex.basis) {
    const d = byName.get(b.document);
    if (d && d.status === 'changed' && d.oldVersion !== null && d.newVersion !== null && d.oldVersion !== d.newVersion) b.version = `${d.oldVersion}, becoming ${d.newVersion}`;
  }
  for (const part of annex.parts) {
    const d = redline.documents.find((x) => docId(x.meta) === part.docId);
    if (d && d.status === 'changed' && d.oldVersion !== null && d.newVersion !== null && d.oldVersion !== d.newVersion) part.against = `redlined against ${d.oldVersion}; the release makes it ${d.newVersion}`;
  }
  return annex;
}
