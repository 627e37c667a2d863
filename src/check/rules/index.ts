// Every rule, in the order docs/check-rules.md lists them. Add a rule by adding its module here.

import type { Rule } from '../types.js';
import { duplicateId } from './duplicate-id.js';
import { numberingOrder } from './numbering-order.js';
import { insertedClause } from './inserted-clause.js';
import { subparagraphOrder } from './subparagraph-order.js';
import { malformedId } from './malformed-id.js';
import { duplicateDefinition } from './duplicate-definition.js';
import { duplicateKey } from './duplicate-key.js';
import { codeGap } from './code-gap.js';
import { notUsedSpelling } from './not-used-spelling.js';
import { danglingReference } from './dangling-reference.js';
import { tableShape } from './table-shape.js';
import { fileName } from './file-name.js';

export const rules: readonly Rule[] = [
  duplicateId,
  numberingOrder,
  insertedClause,
  subparagraphOrder,
  malformedId,
  duplicateDefinition,
  duplicateKey,
  codeGap,
  notUsedSpelling,
  danglingReference,
  tableShape,
  fileName,
];
