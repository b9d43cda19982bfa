#!/usr/bin/env bash
# Issue 2: the JSON Schema, checked with the real tools. (The shell
# completion scripts run in the tests, under bash, zsh and fish, which
# .ci/install installs before them; SCHEDKIT_REQUIRE_TOOLS makes a missing
# shell fail them instead of skipping.)
#
# 1. ajv (npm, pinned) checks docs/schedule.schema.json in strict mode and
#    validates the schedkit files under testdata/ and docs/format.md's
#    complete example with it (12-schema-check.cjs).
# 2. yaml-language-server (npm, pinned), what editors run, validates the
#    same files, flags known-bad documents with the expected messages, and
#    completes field names, rule ids and enum values (12-schema-yls.mjs).
#
# npm packages go to $SCHEMA_DEPS, default a directory under $TMPDIR that
# survives between runs.
set -euo pipefail
cd "$(dirname "$0")/../.."

.ci/install # node and npm; a no-op under .ci/run, which ran it first

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
