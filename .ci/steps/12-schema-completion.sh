#!/usr/bin/env bash
# Issue 2: the JSON Schema and the shell completion scripts, checked with
# the real tools.
#
# 1. bash, zsh and fish are installed (apt, skipped when present) and the
#    completion scripts (cmd/schedkit/testdata/script/completion_*.txtar)
#    run again: `go test ./...` ran before this step, when zsh and fish may
#    have been missing and those scripts skipped.
# 2. ajv (npm, pinned) checks docs/schedule.schema.json in strict mode and
#    validates the schedkit files under testdata/ and docs/format.md's
#    complete example with it (12-schema-check.cjs).
# 3. yaml-language-server (npm, pinned), what editors run, validates the
#    same files, flags known-bad documents with the expected messages, and
#    completes field names, rule ids and enum values (12-schema-yls.mjs).
#
# npm packages go to $SCHEMA_DEPS, default a directory under $TMPDIR that
# survives between runs.
set -euo pipefail
cd "$(dirname "$0")/../.."

missing=()
for sh in bash zsh fish; do
  command -v "$sh" >/dev/null || missing+=("$sh")
done
# ajv and yaml-language-server below run on node, installed with npm.
command -v node >/dev/null && command -v npm >/dev/null || missing+=(nodejs npm)
if ((${#missing[@]})); then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! out=$(go test -count=1 -v ./cmd/schedkit -run 'TestScripts/completion_|TestHelpEverywhere' 2>&1); then
  echo "$out" >&2
  exit 1
fi
if grep -q -- '--- SKIP: TestScripts/completion' <<<"$out"; then
  echo "12-schema-completion: a completion script was skipped:" >&2
  grep -- '--- SKIP' <<<"$out" >&2
  exit 1
fi
grep -E '^ok|^ *--- PASS: TestScripts/completion' <<<"$out" || true

deps="${SCHEMA_DEPS:-${TMPDIR:-/tmp}/schedkit-schema-deps}"
pkgs=(ajv@8.20.0 yaml@2.9.1 yaml-language-server@2.0.0 vscode-languageserver-textdocument@1.0.16)
stamp="$deps/installed"
if [ "$(cat "$stamp" 2>/dev/null)" != "${pkgs[*]}" ]; then
  mkdir -p "$deps"
  npm install --prefix "$deps" --no-audit --no-fund --silent "${pkgs[@]}"
  echo "${pkgs[*]}" >"$stamp"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/schedkit" ./cmd/schedkit
awk '/<!-- example:begin/{f=1; next} /<!-- example:end/{f=0} f' docs/format.md | sed '1d;$d' >"$work/format-example.yaml"
mapfile -t files < <(git ls-files 'testdata/*.yaml' 'testdata/*.yml' 'testdata/*.json' '*/testdata/*.yaml' '*/testdata/*.yml' '*/testdata/*.json')
node .ci/steps/12-schema-check.cjs "$deps" "$work/schedkit" "$work/format-example.yaml" "${files[@]}"
node .ci/steps/12-schema-yls.mjs "$deps" "$work/schedkit" "$work/format-example.yaml" "${files[@]}"
