#!/usr/bin/env bash
# frab schedule.xml / schedule.json (issue 5). The writers' output must be
# valid against the c3voc schemas in ../shared/realdata: checked with
# xmllint --schema (Debian libxml2-utils) and the Python jsonschema package
# (Debian python3-jsonschema, under /usr/bin/python3), through the Go test
# that exports every real file both ways and through the CLI as a user runs
# it. Then bounded fuzz runs of both readers. Idempotent: installs only what
# is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."

need=()
command -v xmllint >/dev/null 2>&1 || need+=(libxml2-utils)
/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 || need+=(python3-jsonschema)
if [ ${#need[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

real=../shared/realdata
xsd=$real/schedule.xml.xsd
schema=$real/schedule.schema.json

SCHEDKIT_REQUIRE_SHARED=1 SCHEDKIT_REQUIRE_TOOLS=1 go test -count=1 -run 'TestRealDataSchemas|TestRealDataRoundTrip' ./format/frab

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

# Bounded fuzzing; a failing input lands in format/frab/testdata/fuzz/.
scripts/fuzz ./format/frab FuzzReadXML "${FUZZTIME:-20s}"
scripts/fuzz ./format/frab FuzzReadJSON "${FUZZTIME:-20s}"
scripts/fuzz ./format/frab FuzzWrite "${FUZZTIME:-20s}"
echo "frab: schemas and fuzzing passed"
