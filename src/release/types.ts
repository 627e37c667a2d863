// A release: several modifications taken into the SEC together (releases/<name>.yaml). Every value keeps the
// position it came from in the release file, so a problem found later (a change log that cannot be read, a
// version label nobody needs) still points at the line that caused it.

import type { Pos } from '../yaml/tree.js';

export type ModificationStatus = 'approved' | 'targeted';

/** One modification listed in a release, in release order. */
export interface ReleaseEntry {
  /** 1-based place in the release file's list. */
  number: number;
  /** The change log's path relative to the repository root, '/'-separated and normalised. */
  changes: string;
  /** As written in the release file (for messages). */
  written: string;
  status: ModificationStatus;
  /** The modification id the release expects the change log to carry ('MP250'), when the release says. */
  id: string | null;
  /** Position of the list entry, and of its `changes` value. */
  pos: Pos;
  changesPos: Pos;
  idPos: Pos | null;
}

/** The version label a document takes when the release is made: 'Section G: SEC 2024-06'. */
export interface VersionLabel {
  /** Canonical document ID. */
  doc: string;
  version: string;
  pos: Pos;
}

export interface Release {
  file: string;
  /** 'June 2024 SEC Release'. */
  name: string;
  /** Target date, YYYY-MM-DD. */
  date: string;
  /** A role or organisation (default 'SECAS'), never a person: it is the author of the redline DOCX. */
  drafter: string;
  modifications: ReleaseEntry[];
  versions: VersionLabel[];
  /** Position of the `versions:` key (for problems about a label that is missing). */
  versionsPos: Pos;
}
