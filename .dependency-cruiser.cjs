// The layering of src/ (docs/architecture.md), enforced in `npm test`: each folder may import only the folders
// listed for it (and itself). A new folder must be placed here, or every import of it fails. Floors, bottom up:
//   util → yaml (the one positioned YAML reader) → model → redline (the Redline vocabulary) → check, diff, import
//   → changelog → draft → annex → render → release → report, review → git, cli
const ALLOWED = {
  util: [],
  yaml: ['util'],
  model: ['yaml', 'util'],
  redline: ['model', 'yaml', 'util'],
  check: ['model', 'yaml', 'util'],
  diff: ['redline', 'model', 'yaml', 'util'],
  import: ['check', 'redline', 'model', 'yaml', 'util'],
  changelog: ['check', 'diff', 'redline', 'model', 'yaml', 'util'],
  draft: ['changelog', 'check', 'diff', 'import', 'redline', 'model', 'yaml', 'util'],
  annex: ['redline', 'model', 'yaml', 'util'],
  render: ['annex', 'redline', 'model', 'yaml', 'util'],
  release: ['render', 'annex', 'changelog', 'check', 'diff', 'redline', 'model', 'yaml', 'util'],
  report: ['release', 'render', 'annex', 'changelog', 'check', 'diff', 'redline', 'model', 'yaml', 'util'],
  review: ['report', 'release', 'render', 'annex', 'draft', 'changelog', 'check', 'diff', 'import', 'redline', 'model', 'yaml', 'util'],
  git: ['review', 'report', 'release', 'render', 'annex', 'draft', 'changelog', 'check', 'diff', 'import', 'redline', 'model', 'yaml', 'util'],
  cli: null, // the edge: may import anything
};
const FOLDERS = Object.keys(ALLOWED);

module.exports = {
  forbidden: [
    ...FOLDERS.filter((f) => ALLOWED[f] !== null).map((f) => ({
      name: `layer-${f}`,
      severity: 'error',
      comment: `src/${f} may import only ${ALLOWED[f].length ? ALLOWED[f].map((a) => `src/${a}`).join(', ') : 'nothing else in src'} (docs/architecture.md)`,
      from: { path: `^src/${f}/` },
      to: { path: '^src/', pathNot: [`^src/(${[f, ...ALLOWED[f]].join('|')})/`] },
    })),
    {
      // A release composes change-log plans through the public phases only (planChangeLog, applyPlan and the
      // values they hand out), never through the planner's internals. YAML reading is src/yaml's, below both.
      name: 'release-uses-changelog-index',
      severity: 'error',
      comment: 'src/release may import src/changelog only through src/changelog/index.ts (docs/architecture.md)',
      from: { path: '^src/release/' },
      to: { path: '^src/changelog/', pathNot: ['^src/changelog/index\\.ts$'] },
    },
    {
      name: 'unplaced-folder',
      severity: 'error',
      comment: 'every folder of src/ has a floor in .dependency-cruiser.cjs',
      from: { path: '^src/' },
      to: { path: '^src/[^/]+/', pathNot: [`^src/(${FOLDERS.join('|')})/`] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'modules must not depend on each other in a cycle',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only', 'dynamic-import'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    moduleSystems: ['es6'],
  },
};
