#!/usr/bin/env bash
# Lint BPMN models with bpmnlint, using the repository's top-level .bpmnlintrc.
#
#   .ci/lint/lint.sh                 # lints processes/*.bpmn
#   .ci/lint/lint.sh path/to/x.bpmn  # lints the given files
#
# Needs `npm ci --prefix .ci/lint` first. Exits non-zero on lint errors
# (warnings and infos are printed but do not fail).
set -euo pipefail

LINT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$LINT_DIR/../.." && pwd)"
BPMNLINT="$LINT_DIR/node_modules/.bin/bpmnlint"

if [[ ! -x "$BPMNLINT" ]]; then
  echo "lint.sh: bpmnlint not installed; run: npm ci --prefix .ci/lint" >&2
  exit 2
fi

files=()
for f in "$@"; do
  # make arguments independent of the cd below
  if [[ "$f" = /* ]]; then files+=("$f"); else files+=("$PWD/$f"); fi
done

cd "$REPO_ROOT"

if [[ ${#files[@]} -eq 0 ]]; then
  shopt -s nullglob
  files=(processes/*.bpmn)
  shopt -u nullglob
fi

if [[ ${#files[@]} -eq 0 ]]; then
  echo "lint.sh: no processes/*.bpmn found, nothing to lint"
  exit 0
fi

echo "bpmnlint $("$BPMNLINT" --version) with .bpmnlintrc on ${#files[@]} file(s): ${files[*]}"

# bpmnlint resolves "plugin:..." configs (and rules) with Node's module
# resolution relative to the working directory; the plugins live in
# .ci/lint/node_modules, so add that to NODE_PATH.
export NODE_PATH="$LINT_DIR/node_modules${NODE_PATH:+:$NODE_PATH}"

if "$BPMNLINT" --config "$REPO_ROOT/.bpmnlintrc" "${files[@]}"; then
  echo "bpmnlint: OK (no errors)"
else
  rc=$?
  echo "bpmnlint: FAILED (exit $rc)"
  exit "$rc"
fi
