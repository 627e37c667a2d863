// Every command, by name, loaded only when it runs: a command module pulls in its whole pipeline (YAML, the
// diff, the DOCX writer…), and `sec-redline show G3.5` should not pay for `annex`. Add a command with one line.
import type { Command } from 'commander';
import type { CliContext, ExitCode } from '../context.js';

export type SetExit = (code: ExitCode) => void;
export type Register = (program: Command, ctx: CliContext, setExit: SetExit) => void;

export const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  annex: async () => (await import('./annex.js')).registerAnnex,
  apply: async () => (await import('./apply.js')).registerApply,
  changelog: async () => (await import('./changelog.js')).registerChangelog,
  check: async () => (await import('./check.js')).registerCheck,
  diff: async () => (await import('./diff.js')).registerDiff,
  fmt: async () => (await import('./fmt.js')).registerFmt,
  git: async () => (await import('./git.js')).registerGit,
  ids: async () => (await import('./ids.js')).registerIds,
  import: async () => (await import('./import.js')).registerImport,
  release: async () => (await import('./release.js')).registerRelease,
  render: async () => (await import('./render.js')).registerRender,
  report: async () => (await import('./report.js')).registerReport,
  review: async () => (await import('./review.js')).registerReview,
  show: async () => (await import('./show.js')).registerShow,
  status: async () => (await import('./status.js')).registerStatus,
  table: async () => (await import('./table.js')).registerTable,
};

/**
 * The commands a command line needs: the one it names; none for `--version`; all of them for help, a bare
 * call or a misspelt name (so commander can list them and suggest the nearest).
 */
export async function commandsFor(argv: readonly string[]): Promise<Register[]> {
  const first = argv[0];
  if (argv.length === 1 && (first === '--version' || first === '-V')) return [];
  const load = first !== undefined ? COMMANDS[first] : undefined;
  if (load) return [await load()];
  return Promise.all(Object.values(COMMANDS).map((l) => l()));
}
