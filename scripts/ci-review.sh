#!/usr/bin/env bash
# The review recipe for a pull request (run by .github/workflows/review.yml; runs anywhere with Git and Node):
#
#   scripts/ci-review.sh [BASE] [OUT]      BASE: the branch the pull request goes into (default origin/main)
#                                           OUT:  the artifacts directory (default review-artifacts)
#
#  1. `check` and `fmt --check` on sections/ (reports in OUT/check.txt and OUT/fmt.txt);
#  2. for each change log the branch adds or changes (annexes/*/changes.yaml), against the documents at the
#     merge base: OUT/<folder>/annex-a.docx (visual), annex-a-tracked.docx (Word revisions), review.html;
#  3. when documents changed: OUT/sections-review.html, the review page of merge base → HEAD;
#  4. for each release file the branch adds or changes (releases/*.yaml): OUT/releases/<name>-matrix.md
#     (`release --matrix`, against the documents at the merge base).
#
# Exit 0 when everything passed and was built, 1 when a check failed or an artifact could not be built (the
# others are still built), 2 on bad usage: unknown BASE, not a Git repository, or uncommitted changes to
# sections/, annexes/ or releases/ (the artifacts must be those of the commit) — then nothing is written.
# SEC_REDLINE overrides how the CLI is run (default: node with this package's bin/sec-redline.js).

set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
base=${1:-origin/main}
out=${2:-review-artifacts}

sec() {
  if [ -n "${SEC_REDLINE:-}" ]; then $SEC_REDLINE "$@"; else node "$here/../bin/sec-redline.js" "$@"; fi
}
fail() { echo "ci-review: $1" >&2; exit 2; }

git rev-parse --is-inside-work-tree >/dev/null 2>&1 || fail "not inside a Git work tree"
git rev-parse --verify --quiet "$base^{commit}" >/dev/null || fail "unknown base revision '$base': give the branch the pull request goes into, e.g. origin/main"
merge_base=$(git merge-base "$base" HEAD) || fail "'$base' and HEAD have no common history"
if [ -n "$(git status --porcelain --untracked-files=no -- sections annexes releases)" ]; then
  fail "uncommitted changes in sections/, annexes/ or releases/: commit or stash them first (the artifacts must be those of the commit)"
fi

mkdir -p "$out"
status=0
step() { echo "ci-review: $*" >&2; }

step "check"
sec check >"$out/check.txt" 2>&1 || status=1
step "fmt --check"
sec fmt --check >"$out/fmt.txt" 2>&1 || status=1

# The documents at the merge base, for release --matrix (its baseline is a directory).
baseline=$(mktemp -d)
trap 'rm -rf "$baseline"' EXIT
git archive "$merge_base" -- sections | tar -x -C "$baseline"

while IFS= read -r -d '' log; do
  name=$(basename "$(dirname "$log")")
  step "annex and review page of $log (against $merge_base)"
  sec annex "$log" --from "$merge_base" -o "$out/$name/annex-a.docx" || status=1
  sec annex "$log" --from "$merge_base" --mode tracked -o "$out/$name/annex-a-tracked.docx" || status=1
  sec review "$log" --from "$merge_base" -o "$out/$name/review.html" || status=1
done < <(git diff -z --name-only --diff-filter=AM "$merge_base" HEAD -- 'annexes/*/changes.yaml')

if [ -n "$(git diff --name-only "$merge_base" HEAD -- sections)" ]; then
  step "review page of sections/ ($merge_base → HEAD)"
  sec review --from "$merge_base" --to HEAD -o "$out/sections-review.html" || status=1
fi

while IFS= read -r -d '' release; do
  name=$(basename "$release" .yaml)
  step "release --matrix of $release"
  mkdir -p "$out/releases"
  sec release "$release" --matrix --include-targeted --sections "$baseline/sections" -o "$out/releases/$name-matrix.md" || status=1
done < <(git diff -z --name-only --diff-filter=AM "$merge_base" HEAD -- 'releases/*.yaml')

step "artifacts in $out (exit $status)"
exit $status
