// What `sec-redline git setup` writes, as pure functions over the current contents (so running it twice changes
// nothing): the .gitattributes line that sends SEC documents to the diff driver, and the pre-commit hook.

export const DRIVER = 'sec-redline';
export const ATTRIBUTES_LINE = `sections/*.md diff=${DRIVER}`;
const ATTRIBUTES_COMMENT = '# SEC documents: clause-aware redline in git diff (written by `sec-redline git setup`)';

/** .gitattributes with the driver line added (unchanged when a line already says the same). */
export function withDriverAttribute(current: string | null): string {
  const text = current ?? '';
  const lines = text.split('\n').map((l) => l.trim().split(/\s+/));
  if (lines.some((w) => w[0] === 'sections/*.md' && w.includes(`diff=${DRIVER}`))) return text;
  const sep = text === '' || text.endsWith('\n') ? '' : '\n';
  return `${text}${sep}${ATTRIBUTES_COMMENT}\n${ATTRIBUTES_LINE}\n`;
}

/** Marks a hook as ours, so setup may rewrite it (and never a hook someone else wrote). */
export const HOOK_MARKER = '# sec-redline pre-commit hook';

export function preCommitHook(command: string): string {
  return [
    '#!/bin/sh',
    `${HOOK_MARKER} (written by \`sec-redline git setup --hook\`; safe to delete).`,
    '# Runs `fmt --check` and `check` on the staged SEC documents and change logs.',
    '# Skip it once with `git commit --no-verify`, or set SEC_REDLINE_SKIP_HOOK=1.',
    'if [ -n "$SEC_REDLINE_SKIP_HOOK" ]; then exit 0; fi',
    `exec ${command}`,
    '',
  ].join('\n');
}
