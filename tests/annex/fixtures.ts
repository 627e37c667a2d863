// Hand-built Redlines for the Annex A tests. Helpers build TextChanges from pieces so the exactness invariant
// holds by construction (and every fixture is still checked with textChangeError / redlineErrors).

import type { BlockKind, DocKind, DocMeta, Align } from '../../src/model/types.js';
import type {
  BlockRedline,
  BlockStatus,
  ClauseEdit,
  ClauseRedline,
  ClauseStatus,
  DocumentRedline,
  DocumentStatus,
  Redline,
  Span,
  TextChange,
} from '../../src/redline/types.js';
import type { AnnexMeta } from '../../src/annex/types.js';

export type Piece = string | { del: string; items?: string[] } | { ins: string; items?: string[] };

/** A TextChange from pieces: plain strings are equal text, {del} and {ins} deletions and insertions. */
export function tc(...pieces: Piece[]): TextChange {
  const spans: Span[] = [];
  let old = '';
  let neu = '';
  for (const p of pieces) {
    if (typeof p === 'string') {
      if (p === '') continue;
      spans.push({ op: 'equal', text: p });
      old += p;
      neu += p;
    } else if ('del' in p) {
      if (p.del === '') continue;
      spans.push(p.items ? { op: 'delete', text: p.del, items: p.items } : { op: 'delete', text: p.del });
      old += p.del;
    } else {
      if (p.ins === '') continue;
      spans.push(p.items ? { op: 'insert', text: p.ins, items: p.items } : { op: 'insert', text: p.ins });
      neu += p.ins;
    }
  }
  return { old, new: neu, spans };
}

export function same(text: string): TextChange {
  return tc(text);
}

export function inserted(text: string, items?: string[]): TextChange {
  return { old: null, new: text, spans: text === '' ? [] : [items ? { op: 'insert', text, items } : { op: 'insert', text }] };
}

export function deleted(text: string, items?: string[]): TextChange {
  return { old: text, new: null, spans: text === '' ? [] : [items ? { op: 'delete', text, items } : { op: 'delete', text }] };
}

function statusOf(changes: TextChange[]): BlockStatus {
  if (changes.every((c) => c.old === null)) return 'inserted';
  if (changes.every((c) => c.new === null)) return 'deleted';
  return changes.some((c) => c.spans.some((s) => s.op !== 'equal')) ? 'changed' : 'unchanged';
}

export interface BlockOptions {
  depth?: number;
  items?: string[];
  status?: BlockStatus;
  oldId?: string;
}

export function block(kind: BlockKind, id: string, label: TextChange | string, text: TextChange | string, o: BlockOptions = {}): BlockRedline {
  const t = typeof text === 'string' ? same(text) : text;
  let l = typeof label === 'string' ? same(label) : label;
  const status = o.status ?? statusOf([t]);
  // A wholly inserted or deleted block has no label on the other side either.
  if (typeof label === 'string' && status === 'inserted') l = inserted(label);
  if (typeof label === 'string' && status === 'deleted') l = deleted(label);
  const b: BlockRedline = { kind, id, status, depth: o.depth ?? (kind === 'heading' ? 2 : kind === 'subpara' ? 1 : 0), label: l, text: t, items: o.items ?? [] };
  if (o.oldId) b.oldId = o.oldId;
  return b;
}

/** A table header block from its cells. */
export function header(id: string, cells: (TextChange | string)[], align?: Align[], o: BlockOptions = {}): BlockRedline {
  const cs = cells.map((c) => (typeof c === 'string' ? same(c) : c));
  const text = joinCells(cs);
  const b = block('table', id, '', text, o);
  b.cells = cs;
  b.align = align ?? cs.map(() => null);
  if (b.status === 'inserted') b.label = inserted('');
  return b;
}

/** A table row block from its cells; key is the first cell's plain text. */
export function row(id: string, key: string, cells: (TextChange | string)[], o: BlockOptions = {}): BlockRedline {
  const cs = cells.map((c) => (typeof c === 'string' ? same(c) : c));
  const b = block('row', id, '', joinCells(cs), { ...o, status: o.status ?? statusOf(cs) });
  b.cells = cs;
  b.key = key;
  if (b.status === 'inserted') b.label = inserted('');
  if (b.status === 'deleted') b.label = deleted('');
  return b;
}

/** Cells joined with ' | ' as BlockRedline.text, keeping the spans exact. */
function joinCells(cells: TextChange[]): TextChange {
  const spans: Span[] = [];
  cells.forEach((c, i) => {
    if (i > 0) spans.push({ op: c.old === null ? 'insert' : c.new === null ? 'delete' : 'equal', text: ' | ' });
    spans.push(...c.spans);
  });
  const side = (k: 'old' | 'new'): string | null => (cells.every((c) => c[k] === null) ? null : cells.map((c) => c[k] ?? '').join(' | '));
  return { old: side('old'), new: side('new'), spans };
}

export function clause(id: string, blocks: BlockRedline[], o: { status?: ClauseStatus; edits?: ClauseEdit[]; oldId?: string; note?: string } = {}): ClauseRedline {
  const edits = o.edits ?? [];
  const status: ClauseStatus =
    o.status ??
    (blocks.every((b) => b.status === 'inserted')
      ? 'inserted'
      : blocks.every((b) => b.status === 'deleted')
        ? 'deleted'
        : blocks.every((b) => b.status === 'unchanged')
          ? 'unchanged'
          : 'changed');
  const c: ClauseRedline = { id, status, blocks, items: [...new Set(edits.map((e) => e.item))], edits };
  if (o.oldId) c.oldId = o.oldId;
  if (o.note) c.note = o.note;
  return c;
}

export function doc(kind: DocKind, code: string, title: string, version: string, clauses: ClauseRedline[], status: DocumentStatus = 'changed'): DocumentRedline {
  const meta: DocMeta = { kind, code, title, version };
  return {
    meta,
    file: `${kind}-${code}.md`,
    oldVersion: status === 'inserted' ? null : version,
    newVersion: status === 'deleted' ? null : version,
    status,
    clauses,
  };
}

export const META: AnnexMeta = {
  modId: 'MP999',
  title: 'Housekeeping changes to the SEC & DUIS',
  release: 'June 2024 SEC Release',
  drafter: 'SECAS',
  date: '2024-05-22',
  version: '1.0',
};

// ---------------------------------------------------------------------------------------------------------
// The example: every situation the annex must handle, in one Redline.

const DEFINITION_KEYS = ['Alert', 'Commissioned', 'Communications Hub', 'DCC', 'Device', 'Device ID', 'GUID', 'Panel', 'Party', 'Service Request', 'SMETS1', 'SMKI', 'Triage System Interface', 'User'];

function definitions(): BlockRedline[] {
  const rows: BlockRedline[] = [header('A1.1/table1', ['Expression', 'Meaning'], [null, null])];
  const at = DEFINITION_KEYS.indexOf('SMKI') + 1;
  DEFINITION_KEYS.forEach((k, i) => {
    if (i === at) {
      rows.push(
        row('A1.1[SM WAN]', 'SM WAN', [inserted("**'SM WAN'**", ['1']), inserted('means the wide area network used to carry communications between the DCC and Communications Hubs.', ['1'])], { items: ['1'] }),
      );
    }
    const meaning =
      k === 'Triage System Interface'
        ? tc('means the interface ', { del: 'described in', items: ['5'] }, { ins: 'specified in clause 2.2 of', items: ['5'] }, ' Appendix AD.')
        : `means the ${k.toLowerCase()} as defined for the purposes of this Code.`;
    rows.push(row(`A1.1[${k}]`, k, [`**'${k}'**`, meaning], k === 'Triage System Interface' ? { items: ['5'] } : {}));
  });
  return rows;
}

export function exampleRedline(): Redline {
  const sectionA = doc('section', 'A', 'Definitions and Interpretation', 'SEC 2024-06', [
    clause('A1', [block('heading', 'A1', 'A1', 'Definitions')]),
    clause(
      'A1.1',
      [
        block('clause', 'A1.1', 'A1.1', 'In this Code, unless the context otherwise requires, each expression in the left-hand column below has the meaning set against it in the right-hand column.'),
        ...definitions(),
      ],
      {
        edits: [
          { item: '1', kind: 'insert-row', after: 'A1.1[SMKI]' },
          { item: '5', kind: 'amend-row' },
        ],
      },
    ),
  ]);

  const sectionF = doc('section', 'F', 'Smart Metering System Requirements', 'SEC 2024-06', [
    clause('F4.17', [block('clause', 'F4.17', 'F4.17', 'Each Communications Hub shall be configured in accordance with the annex to this Section F4.')]),
    clause(
      'F4.17/heading1',
      [
        block('heading', 'F4.17/heading1', '', 'Annex to Section F4', { depth: 3 }),
        block('paragraph', 'F4.17/p1', '', 'The channel plan for each Communications Hub is set out below.'),
        block('paragraph', 'F4.17/p2', '', inserted('Where Pages are used, at least two channels must be configured per Page.', ['2']), { items: ['2'] }),
      ],
      { edits: [{ item: '2', kind: 'insert-paragraph', after: 'F4.17/p1' }] },
    ),
  ]);

  const sectionG = doc('section', 'G', 'Security', 'SEC 2024-06', [
    clause('G3', [block('heading', 'G3', 'G3', 'Security Incident Management')]),
    clause('G3.4', [block('clause', 'G3.4', 'G3.4', 'The DCC shall maintain a record of each Security Incident.')]),
    clause(
      'G3.5',
      [
        block(
          'clause',
          'G3.5',
          'G3.5',
          tc('The ', { ins: 'DCC ', items: ['3'] }, 'shall notify ', { del: 'a', items: ['3'] }, { ins: 'the', items: ['3'] }, ' Panel of each Major Security Incident:'),
          { items: ['3'] },
        ),
        block('subpara', 'G3.5(a)', '(a)', 'within one hour of becoming aware of it; and', { depth: 1 }),
        block('subpara', 'G3.5(b)', '(b)', tc('with a description of the steps taken ', { del: 'so far', items: ['26'] }, { ins: 'to date', items: ['26'] }, '.'), { depth: 1, items: ['26'] }),
        block('subpara', 'G3.5(b)(i)', '(i)', 'including any steps taken by a *third party*.', { depth: 2 }),
      ],
      { edits: [{ item: '3', kind: 'rewrite' }, { item: '26', kind: 'replace' }] },
    ),
    clause(
      'G3.5A',
      [block('clause', 'G3.5A', 'G3.5A', inserted('The DCC shall report each Security Incident to the Security Sub-Committee in accordance with Section G3.5.', ['4']), { items: ['4'] })],
      { edits: [{ item: '4', kind: 'insert-clause', after: 'G3.5' }] },
    ),
    clause('G3.6', [block('clause', 'G3.6', 'G3.6', 'Each Party shall cooperate with the DCC in relation to any Security Incident.')]),
    clause(
      'G3.7',
      [block('clause', 'G3.7', 'G3.7', tc({ del: 'The Panel may publish a summary of any Major Security Incident.', items: ['6'] }, { ins: 'Not used', items: ['6'] }), { items: ['6'] })],
      { edits: [{ item: '6', kind: 'delete-clause' }] },
    ),
  ]);

  const sectionM = doc('section', 'M', 'General', 'SEC 2024-06', [
    clause('M2.4', [block('clause', 'M2.4', 'M2.4', tc('Notices may be given by hand, by post or by ', { del: 'Fax', items: ['8'] }, { ins: 'Email', items: ['8'] }, '.'), { items: ['8'] })], {
      edits: [{ item: '8', kind: 'replace', find: 'Fax' }],
    }),
    clause('M2.5', [block('clause', 'M2.5', 'M2.5', tc('A notice sent by ', { del: 'Fax', items: ['8'] }, { ins: 'Email', items: ['8'] }, ' is given when it is sent.'), { items: ['8'] })], {
      edits: [{ item: '8', kind: 'replace', find: 'Fax' }],
    }),
    clause('M2.6', [block('clause', 'M2.6', 'M2.6', 'A notice given by post is given two Working Days after posting.')]),
    clause(
      'M2.7',
      [
        block('clause', 'M2.7', 'M2.7', 'Each Party shall notify the Code Administrator of:'),
        block('subpara', 'M2.7(a)', '(a)', 'its postal address; and', { depth: 1 }),
        block('subpara', 'M2.7(b)', '(b)', tc('its ', { del: 'Fax number', items: ['8'] }, { ins: 'Email address', items: ['8'] }, '.'), { depth: 1, items: ['8'] }),
      ],
      { edits: [{ item: '8', kind: 'replace', find: 'Fax' }] },
    ),
  ]);

  const appendixAD = doc('appendix', 'AD', 'DCC User Interface Specification', 'DUIS 5.2', [
    clause('Appendix AD 2.2', [
      block(
        'clause',
        'Appendix AD 2.2',
        '2.2',
        tc('Communications shall use `TLS', { del: ' 1.2', items: ['11'] }, '` as defined in Section A1.1 & the *SMKI ', { del: 'Policy', items: ['11'] }, { ins: 'Compliance Policy', items: ['11'] }, '* "<secure>" channel.'),
        { items: ['11'] },
      ),
    ], { edits: [{ item: '11', kind: 'rewrite' }] }),
    clause('Appendix AD 3.5.9', [block('clause', 'Appendix AD 3.5.9', '3.5.9', 'Error codes are returned in the response header.')]),
    clause(
      'Appendix AD 3.5.10',
      [
        block('clause', 'Appendix AD 3.5.10', '3.5.10', 'The DCC shall return the following error codes:'),
        header('Appendix AD 3.5.10/table1', ['Code', 'Description', 'HTTP status'], [null, null, 'right']),
        row('Appendix AD 3.5.10[E60]', 'E60', ['E60', 'Invalid request format', '400']),
        row('Appendix AD 3.5.10[E61]', 'E61', ['E61', 'Unknown Device', tc({ del: '400', items: ['13'] }, { ins: '404', items: ['13'] })], { items: ['13'] }),
        row('Appendix AD 3.5.10[E62]', 'E62', [deleted('E62', ['13']), deleted('Request rejected <duplicate>', ['13']), deleted('409', ['13'])], { items: ['13'] }),
        row('Appendix AD 3.5.10[E63]', 'E63', ['E63', 'Not authorised', '403']),
        row('Appendix AD 3.5.10[E64]', 'E64', [inserted('E64', ['14']), inserted('Service Request not available for this Device type', ['14']), inserted('422', ['14'])], { items: ['14'] }),
        row('Appendix AD 3.5.10[E65]', 'E65', ['E65', 'Internal error', '500']),
        row('Appendix AD 3.5.10[E66]', 'E66', ['E66', 'Service unavailable', '503']),
        row('Appendix AD 3.5.10[E67]', 'E67', ['E67', 'Timeout', '504']),
      ],
      { edits: [{ item: '13', kind: 'amend-row' }, { item: '13', kind: 'delete-row' }, { item: '14', kind: 'insert-row' }] },
    ),
    clause('Appendix AD 3.8.17.1', [
      block(
        'clause',
        'Appendix AD 3.8.17.1',
        '3.8.17.1',
        tc('This Service Request ', { ins: '**applies only to SMETS1 Devices** and ', items: ['15'] }, 'may be sent by the Import Supplier', { del: ' or the *Meter Data', items: ['15'] }, { ins: '. A *Meter Data', items: ['15'] }, ' Retriever* may send it for SMETS1 Devices.'),
        { items: ['15'] },
      ),
    ], { edits: [{ item: '15', kind: 'rewrite' }] }),
  ]);

  const appendixAG = doc('appendix', 'AG', 'Incident Management Policy', 'SEC 2024-06', [
    clause('Appendix AG 2.10.9', [block('clause', 'Appendix AG 2.10.9', '2.10.9', 'Not used')]),
    clause(
      'Appendix AG 2.10.9/heading1',
      [block('heading', 'Appendix AG 2.10.9/heading1', '', tc({ ins: 'All ', items: ['27'] }, 'Major Security Incidents'), { depth: 3, items: ['27'] })],
      { edits: [{ item: '27', kind: 'rename-heading' }] },
    ),
    clause('Appendix AG 2.10.10', [block('clause', 'Appendix AG 2.10.10', '2.10.10', 'The DCC shall manage each Major Security Incident in accordance with Section G.')]),
  ]);

  return { documents: [sectionA, sectionF, sectionG, sectionM, appendixAD, appendixAG] };
}

/** A diff-style Redline (no edits): moved, renumbered, removed and inserted clauses, and a new document. */
export function diffRedline(): Redline {
  const sectionG = doc('section', 'G', 'Security', 'SEC 2024-06', [
    clause('G5.1', [block('clause', 'G5.1', 'G5.1', tc('The DCC shall ', { del: 'ensure', }, { ins: 'procure', }, ' that its systems are secure.'))]),
    clause('G5.2', [block('clause', 'G5.2', 'G5.2', 'Users shall protect their credentials.')]),
    clause('G5.3', [block('clause', 'G5.3', 'G5.3', deleted('The Panel shall review this Section G5 annually.'))]),
    clause('G5.4', [block('clause', 'G5.4', 'G5.4', 'Each User shall keep records of access.')]),
    clause(
      'G5.6',
      [block('clause', 'G5.6', tc('G5.', { del: '5' }, { ins: '6' }), 'Each User shall notify the DCC of any compromise.', { status: 'changed', oldId: 'G5.5' })],
      { status: 'renumbered', oldId: 'G5.5', note: 'renumbered from G5.5' },
    ),
    clause(
      'G5.9',
      [block('clause', 'G5.9', tc('G5.', { del: '7' }, { ins: '9' }), tc('The DCC shall publish ', { del: 'a', }, { ins: 'an annual', }, ' security report.'), { status: 'changed', oldId: 'G5.7' })],
      { status: 'moved', oldId: 'G5.7', note: 'moved from G5.7' },
    ),
    clause('G5.10', [block('clause', 'G5.10', 'G5.10', inserted('Users shall complete security training.'))]),
  ]);
  const appendixZZ = doc(
    'appendix',
    'ZZ',
    'Test Appendix',
    'SEC 2024-06',
    [
      clause('Appendix ZZ 1', [block('heading', 'Appendix ZZ 1', '1', inserted('Introduction'), { depth: 2 })]),
      clause('Appendix ZZ 1.1', [block('clause', 'Appendix ZZ 1.1', '1.1', inserted('This appendix is new.'))]),
    ],
    'inserted',
  );
  return { documents: [sectionG, appendixZZ] };
}
