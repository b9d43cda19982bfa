#!/usr/bin/env bash
# The timetable page (issue 11) in a real browser: Debian's chromium driven
# by playwright-core (pinned; no browser download: executablePath
# /usr/bin/chromium), with axe-core for the accessibility rules. Pages of
# the bundled QCon example, FOSDEM 2025 (../shared/realdata) and the XSS
# fixture (testdata/html/xss.yaml, exported with --force) are checked by
# 60-html.mjs, which also downloads the starred sessions as .ics and runs
# ../shared/icsval/check-ics on it with the feed of `export ics`.
#
# Installs what is missing: chromium (apt), the npm packages into
# $SCHEDKIT_HTML_NPM (default a directory under $TMPDIR kept between runs),
# the .ics parsers into $ICSVAL_DEPS (as 30-ics.sh). Screenshots go to
# $SCHEDKIT_HTML_SHOTS (default $TMPDIR/schedkit-html-shots), outside the
# repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
PLAYWRIGHT_CORE=1.65.2
AXE_CORE=4.14.1
tmp=${TMPDIR:-/tmp}
npmdir="${SCHEDKIT_HTML_NPM:-$tmp/schedkit-html-npm}"
deps="${ICSVAL_DEPS:-$tmp/schedkit-icsval-deps}"
shots="${SCHEDKIT_HTML_SHOTS:-$tmp/schedkit-html-shots}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

.ci/install # node and npm; a no-op under .ci/run
if [ ! -x /usr/bin/chromium ]; then
  echo "60-html: installing chromium (apt)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
pkgs=("playwright-core@$PLAYWRIGHT_CORE" "axe-core@$AXE_CORE")
stamp="$npmdir/installed"
if [ "$(cat "$stamp" 2>/dev/null)" != "${pkgs[*]}" ]; then
  echo "60-html: npm install ${pkgs[*]} into $npmdir"
  mkdir -p "$npmdir"
  # --ignore-scripts: no install script runs (playwright-core's would
  # download nothing anyway; the browser is Debian's).
  npm install --prefix "$npmdir" --no-audit --no-fund --silent --ignore-scripts "${pkgs[@]}"
  echo "${pkgs[*]}" >"$stamp"
fi
../shared/icsval/install-validators "$deps" >/dev/null
echo "60-html: $(/usr/bin/chromium --version 2>/dev/null | head -1), ${pkgs[*]}"

go build -o "$work/schedkit" ./cmd/schedkit
schedkit="$work/schedkit"
mkdir -p "$shots"

# page NAME FILE [FLAGS...]: the page, the sessions as JSON and the feed.
page() {
  local name=$1 file=$2
  shift 2
  "$schedkit" export html "$@" --feeds-base "https://schedule.example.org/ics/" \
    --xml-url "https://schedule.example.org/schedule.xml" -o "$work/$name.html" "$file" 2>/dev/null
  "$schedkit" export json "$@" -o "$work/$name.json" "$file" 2>/dev/null
  "$schedkit" export ics "$@" -o "$work/$name.ics" "$file" 2>/dev/null
}
page qcon testdata/qcon-ny-2019.yaml
page xss testdata/html/xss.yaml --force
page fosdem ../shared/realdata/fosdem-2025.schedule.xml

node .ci/steps/60-html.mjs "$npmdir" "$work" "$shots" "$(pwd)/../shared/icsval/check-ics" "$deps"
