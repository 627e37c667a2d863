// `--format json`: the redline for scripts. The schema is stable: every key below is always present (null
// when it does not apply), new keys may be added, none is renamed or removed without changing `schema`.
//
// {
//   "schema": "sec-redline/diff@1",
//   "summary": {
//     "documents": { "compared", "changed", "inserted", "deleted", "unchanged" },   // counts
//     "clauses":   { "changed", "inserted", "deleted", "moved", "renumbered" },    // counts
//     "words":     { "added", "removed" }                                          // words in inserted / deleted spans
//   },
//   "documents": [                       // documents that differ, in SEC order
//     {
//       "file": "section-G.md", "document": "Section G", "name": "Section G 'Security'",
//       "status": "changed" | "inserted" | "deleted",
//       "oldVersion": "SEC 2024-06" | null, "newVersion": "SEC 2024-09" | null,
//       "clauses": [                     // changed clauses, plus --context unchanged neighbours
//         {
//           "id": "G3.9",                // new side (old side when deleted)
//           "oldId": "G3.7" | null,      // when it differs
//           "status": "unchanged" | "changed" | "inserted" | "deleted" | "moved" | "renumbered",
//           "note": "renumbered from G3.7" | null,
//           "context": false,            // true: unchanged, shown only as context
//           "old": "…" | null,           // the clause's canonical source lines, '\n'-joined, no blank lines
//           "new": "…" | null,
//           "spans": [ { "op": "equal" | "delete" | "insert", "text": "…" } ],
//           "blocks": [                  // every block of the clause, deleted ones where they stood
//             {
//               "id": "G3.9(a)", "oldId": "G3.7(a)" | null,
//               "kind": "heading" | "clause" | "subpara" | "paragraph" | "table" | "row",
//               "status": "unchanged" | "changed" | "inserted" | "deleted",
//               "depth": 1, "key": "SM WAN" | null,
//               "label": Change, "text": Change,
//               "cells": [Change, …] | null    // tables and rows: one per column, new column order
//             }
//           ]
//         }
//       ]
//     }
//   ]
// }
// Change = { "old": string | null, "new": string | null, "spans": [ { "op", "text" } ] }
//
// For every Change and for each clause: old = the texts of the equal and delete spans joined, new = the texts
// of the equal and insert spans joined (null when the text does not exist on that side). A table header's
// delimiter line is included in the clause lines as the new side's alignments (the Redline keeps only those).

import type { BlockRedline, Redline, TextChange } from '../redline/types.js';
import { docDisplayName, docId } from '../model/doc-ref.js';
import { clauseLinesChange, shownDocuments } from './diff-view.js';
import { diffStats } from './stat.js';

export const JSON_SCHEMA_ID = 'sec-redline/diff@1';

export interface JsonOptions {
  context: number;
}

function change(c: TextChange): { old: string | null; new: string | null; spans: { op: string; text: string }[] } {
  return { old: c.old, new: c.new, spans: c.spans.map((s) => ({ op: s.op, text: s.text })) };
}

function block(b: BlockRedline): Record<string, unknown> {
  return {
    id: b.id,
    oldId: b.oldId ?? null,
    kind: b.kind,
    status: b.status,
    depth: b.depth,
    key: b.key ?? null,
    label: change(b.label),
    text: change(b.text),
    cells: b.cells ? b.cells.map(change) : null,
  };
}

export function redlineToJson(redline: Redline, options: JsonOptions): unknown {
  return {
    schema: JSON_SCHEMA_ID,
    summary: diffStats(redline),
    documents: shownDocuments(redline, options.context).map(({ doc, clauses }) => ({
      file: doc.file,
      document: docId(doc.meta),
      name: docDisplayName(doc.meta),
      status: doc.status,
      oldVersion: doc.oldVersion,
      newVersion: doc.newVersion,
      clauses: clauses.map(({ clause, context }) => {
        const lines = clauseLinesChange(clause);
        return {
          id: clause.id,
          oldId: clause.oldId ?? null,
          status: clause.status,
          note: clause.note ?? null,
          context,
          old: lines.old,
          new: lines.new,
          spans: lines.spans.map((s) => ({ op: s.op, text: s.text })),
          blocks: clause.blocks.map(block),
        };
      }),
    })),
  };
}

export function renderJson(redline: Redline, options: JsonOptions): string {
  return `${JSON.stringify(redlineToJson(redline, options), null, 2)}\n`;
}
