#!/usr/bin/env bash
# frab schedule.xml / schedule.json (issue 5). The writers' output must be
# valid against the c3voc schemas in ../shared/realdata: checked with
# xmllint --schema (Debian libxml2-utils) and the Python jsonschema package
# (Debian python3-jsonschema, under /usr/bin/python3), through the CLI as a
# user runs it (the Go test TestRealDataSchemas does the same on the
# writers, in the test run before). Idempotent: installs only what is
# missing. The readers and writer are fuzzed in 20-fuzz.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."

.ci/install # xmllint, python3-jsonschema; a no-op under .ci/run

real=../shared/realdata
xsd=$real/schedule.xml.xsd
schema=$real/schedule.schema.json

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/schedkit" ./cmd/schedkit

check_json() {
  /usr/bin/python3 - "$schema" "$1" <<'PY'
import json, sys, jsonschema
schema, doc = (json.load(open(p)) for p in sys.argv[1:3])
errors = list(jsonschema.Draft6Validator(schema).iter_errors(doc))
for e in errors[:10]:
    print(sys.argv[2], list(e.path), e.message[:200])
sys.exit(1 if errors else 0)
PY
}

# FOSDEM has no errors: exported without --force. The source fails the XSD;
# the export must pass it.
"$tmp/schedkit" export frab-xml -o "$tmp/fosdem.xml" "$real/fosdem-2025.schedule.xml" 2>/dev/null
xmllint --noout --schema "$xsd" "$tmp/fosdem.xml"
"$tmp/schedkit" export frab-json -o "$tmp/fosdem.json" "$real/fosdem-2025.schedule.xml" 2>/dev/null
check_json "$tmp/fosdem.json"
# The others have errors (overlaps, duplicates): --force, and the output
# must still be valid (unique ids and guids).
for f in 36c3-merged.schedule.xml debconf23.schedule.xml pretalx-democon.schedule.json; do
  "$tmp/schedkit" export frab-xml --force -o "$tmp/$f.xml" "$real/$f" 2>/dev/null
  xmllint --noout --schema "$xsd" "$tmp/$f.xml"
  "$tmp/schedkit" export frab-json --force -o "$tmp/$f.json" "$real/$f" 2>/dev/null
  check_json "$tmp/$f.json"
done
# The golden files of the small fixtures.
for f in testdata/frab/*.golden.xml; do xmllint --noout --schema "$xsd" "$f"; done
for f in testdata/frab/*.golden.json; do check_json "$f"; done

echo "frab: schemas passed"
