#!/usr/bin/env bash
# CSV, table and JSON exports (issue 4), checked with independent readers:
#  - the CSV of testdata/csv/tricky.yaml (commas, quotes, newlines,
#    =HYPERLINK("x"), -1+2, @SUM(A1), non-ASCII) read back with Python's csv
#    module (/usr/bin/python3) equals Go's encoding/csv reading, has one row
#    per session (or per session × speaker), and keeps titles, speakers and
#    instants: byte for byte with --raw, and by default changed only by the
#    documented neutralising quote;
#  - the Markdown tables render with markdown-it (npm) to one table row per
#    session, every cell literal text.
# Idempotent; installs what it needs.
set -euo pipefail
cd "$(dirname "$0")/../.."

.ci/install # python3, node, npm; a no-op under .ci/run

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/schedkit" ./cmd/schedkit
go build -o "$work/csvread" ./format/csv/testdata/csvread
sk="$work/schedkit"

# The fixtures, and real schedules from ../shared when it is there (CI has
# it); 36c3 has validation errors, hence --force everywhere.
fixtures=(testdata/csv/tricky.yaml testdata/qcon-ny-2019.yaml)
for f in ../shared/realdata/36c3-merged.schedule.xml ../shared/realdata/fosdem-2025.schedule.xml; do
  [ -e "$f" ] && fixtures+=("$f")
done
for fixture in "${fixtures[@]}"; do
  name=$(basename "$fixture")
  d="$work/$name"
  mkdir -p "$d"
  "$sk" export json --force -o "$d/model.json" "$fixture" 2>/dev/null
  "$sk" export csv --force --raw -o "$d/raw.csv" "$fixture" 2>/dev/null
  "$sk" export csv --force -o "$d/default.csv" "$fixture" 2>/dev/null
  "$sk" export csv --force --raw --rows speaker -o "$d/speaker.csv" "$fixture" 2>/dev/null
  "$sk" export csv --force --bom --delimiter ';' -o "$d/semicolon.csv" "$fixture" 2>/dev/null
  "$work/csvread" "$d/raw.csv" >"$d/raw.go.json"
  "$work/csvread" "$d/default.csv" >"$d/default.go.json"
  "$work/csvread" "$d/speaker.csv" >"$d/speaker.go.json"
  "$work/csvread" -comma ';' "$d/semicolon.csv" >"$d/semicolon.go.json"
  echo "-- CSV of $fixture: Python csv vs Go encoding/csv vs the JSON model"
  /usr/bin/python3 - "$d" <<'PY'
import csv, json, re, sys
from datetime import datetime

d = sys.argv[1]
COLUMNS = ["id", "track", "track_name", "room", "date", "start", "end", "duration_min", "timezone",
           "start_iso", "end_iso", "title", "subtitle", "speakers", "speaker_ids", "affiliations",
           "type", "status", "language", "tags", "url", "abstract"]
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
model = json.load(open(f"{d}/model.json", encoding="utf-8"))
sessions = model["sessions"]
failures = []

def check(cond, msg):
    if not cond:
        failures.append(msg)

def read(name, delimiter=",", encoding="utf-8"):
    with open(f"{d}/{name}", newline="", encoding=encoding) as f:
        rows = list(csv.reader(f, delimiter=delimiter))
    go = json.load(open(f"{d}/{name[:-4]}.go.json", encoding="utf-8"))
    check(rows == go, f"{name}: Python's csv and Go's encoding/csv read different records")
    check(rows and rows[0] == COLUMNS, f"{name}: header {rows[:1]}")
    for i, r in enumerate(rows):
        check(len(r) == len(COLUMNS), f"{name}: record {i+1} has {len(r)} fields, want {len(COLUMNS)}")
    return rows[1:]

def esc(v):
    # Documented: inside a joined field, each item's \\ and ; get a backslash.
    return v.replace("\\", "\\\\").replace(";", "\\;")

def expected(s):
    # The raw record of a session, from the JSON model (an independent path).
    sp = s["speakers"]
    def join(key):
        vals = [p[key] for p in sp]
        return "; ".join(esc(v) for v in vals) if any(vals) else ""
    timed = s["start"] is not None
    tz = model["conference"]["timezone"]
    start = datetime.fromisoformat(s["start"]) if timed else None
    end = datetime.fromisoformat(s["end"]) if timed else None
    track = next((t for t in model["tracks"] if t["id"] == s["track"]), {"name": ""})
    # Documented: end is always YYYY-MM-DD HH:MM (one type for the column).
    end_text = ""
    if timed:
        end_text = end.strftime("%Y-%m-%d %H:%M")
    rec = [s["id"], s["track"], track["name"], s["room"],
            s["date"] if timed else "", start.strftime("%H:%M") if timed else "",
            end_text, str(s["duration_min"]) if timed else "",
            tz if timed else "", s["start"] or "", s["end"] or "", s["title"], s["subtitle"],
            join("name"), join("id"), join("affiliation"), s["type"], s["status"], s["language"],
            "; ".join(esc(v) for v in s["tags"]), s["url"], s["abstract"]]
    # Documented: line breaks inside values are written as LF.
    return [v.replace("\r\n", "\n").replace("\r", "\n") for v in rec]

raw = read("raw.csv")
check(len(raw) == len(sessions), f"raw.csv: {len(raw)} rows, {len(sessions)} sessions")
for row, s in zip(raw, sessions):
    want = expected(s)
    for col, a, b in zip(COLUMNS, want, row):
        check(a == b, f"raw.csv {s['id']}.{col}: {b!r}, want {a!r} byte for byte")
    if s["start"]:
        check(datetime.fromisoformat(row[9]) == datetime.fromisoformat(s["start"]), f"{s['id']}: start instant")
        mins = (datetime.fromisoformat(row[10]) - datetime.fromisoformat(row[9])).total_seconds() / 60
        check(mins == int(row[7]), f"{s['id']}: duration_min {row[7]} but instants {mins} apart")
        # What a spreadsheet computes: end - (date + start), on wall clocks
        # without a zone; equal to duration_min unless the clocks change
        # in between (the offsets of start_iso and end_iso differ).
        wall = (datetime.strptime(row[6], "%Y-%m-%d %H:%M") - datetime.strptime(row[4] + " " + row[5], "%Y-%m-%d %H:%M")).total_seconds() / 60
        if row[9][-6:] == row[10][-6:]:
            check(wall == int(row[7]), f"{s['id']}: end - (date + start) is {wall} min, duration_min {row[7]}")

default = read("default.csv")
neutralised = 0
check(len(default) == len(raw), "default.csv: row count differs from raw.csv")
for r_row, d_row in zip(raw, default):
    for col, a, b in zip(COLUMNS, r_row, d_row):
        # Documented: a plain integer in duration_min is a number, not a formula.
        if a.startswith(TRIGGERS) and not (col == "duration_min" and re.fullmatch(r"-?[0-9]+", a)):
            neutralised += 1
            check(b == "'" + a, f"default.csv {r_row[0]}.{col}: {b!r}, want the quote prefix on {a!r}")
        else:
            check(b == a, f"default.csv {r_row[0]}.{col}: {b!r} differs from raw {a!r}")
print(f"   {d.split('/')[-1]}: {len(raw)} rows x {len(COLUMNS)} fields equal in Python and Go; {neutralised} fields neutralised")

speaker = read("speaker.csv")
want_pairs = []
for s in sessions:
    for p in s["speakers"] or [{"name": "", "affiliation": ""}]:
        want_pairs.append((s["id"], p["name"], p["affiliation"]))
got_pairs = [(r[0], r[13], r[15]) for r in speaker]
check(got_pairs == want_pairs, f"speaker.csv: (id, speaker, affiliation) rows {got_pairs} != {want_pairs}")

with open(f"{d}/semicolon.csv", "rb") as f:
    check(f.read(3) == b"\xef\xbb\xbf", "semicolon.csv: no BOM")
semi = read("semicolon.csv", delimiter=";", encoding="utf-8-sig")
check(semi == default, "semicolon.csv: records differ from default.csv")

if failures:
    print("\n".join("FAIL: " + f for f in failures[:50]))
    sys.exit(1)
PY
done

echo "-- Markdown tables rendered with markdown-it"
mdit="$work/mdit"
mkdir -p "$mdit"
(cd "$mdit" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent markdown-it@14 >/dev/null)
for fixture in "${fixtures[@]}"; do
  name=$(basename "$fixture")
  d="$work/$name"
  "$sk" export table --force --format markdown -o "$d/list.md" "$fixture" 2>/dev/null
  "$sk" export table --force --format markdown --view grid -o "$d/grid.md" "$fixture" 2>/dev/null
  NODE_PATH="$mdit/node_modules" node - "$d" <<'JS'
const fs = require("fs");
// html: true, as GitHub renders inline HTML; linkify off, as in GFM tables.
const md = require("markdown-it")({ html: true });
const d = process.argv[2];
const model = JSON.parse(fs.readFileSync(`${d}/model.json`, "utf8"));
const fail = [];
const clean = (s) => s.replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, "").replace(/\s+/g, " ").trim();

// tables returns, per table, its header cells and body rows as the text a
// reader sees; it fails on any markup (HTML, links, emphasis, code) inside.
function tables(file) {
  const tokens = md.parse(fs.readFileSync(file, "utf8"), {});
  const out = [];
  let t = null, row = null, inBody = false;
  for (const tok of tokens) {
    switch (tok.type) {
      case "table_open": t = { header: [], rows: [] }; out.push(t); break;
      case "tbody_open": inBody = true; break;
      case "tbody_close": inBody = false; break;
      case "tr_open": row = []; break;
      case "tr_close":
        if (inBody) t.rows.push(row); else t.header = row;
        row = null;
        break;
      case "inline":
        if (row) {
          for (const c of tok.children) {
            if (c.type !== "text" && c.type !== "softbreak") fail.push(`${file}: markup ${c.type} in a cell: ${tok.content}`);
          }
          row.push(tok.children.map((c) => c.content).join(""));
        }
        break;
    }
  }
  return out;
}

const list = tables(`${d}/list.md`);
const rows = list.flatMap((t) => t.rows);
if (rows.length !== model.sessions.length) fail.push(`list.md: ${rows.length} table rows, ${model.sessions.length} sessions`);
for (const t of list) for (const r of t.rows) if (r.length !== t.header.length) fail.push(`list.md: row of ${r.length} cells under ${t.header.length} headers`);
// Sessions are listed per track; compare as sets of (title, speakers).
const want = model.sessions.map((s) => {
  let title = clean(s.title);
  if (s.status === "cancelled" || s.status === "tentative") title += ` [${s.status}]`;
  return JSON.stringify([title, s.speakers.map((p) => clean(p.name)).join(", "), clean(s.room)]);
}).sort();
const got = rows.map((r) => JSON.stringify([r[1], r[2], r[3]])).sort();
for (let i = 0; i < Math.max(want.length, got.length); i++) {
  if (want[i] !== got[i]) fail.push(`list.md: rendered ${got[i]}, want ${want[i]}`);
}
const grid = tables(`${d}/grid.md`);
for (const t of grid) for (const r of t.rows) if (r.length !== t.header.length) fail.push(`grid.md: row of ${r.length} cells under ${t.header.length} headers`);
const gridText = grid.flatMap((t) => t.rows.flat()).join("\n");
for (const s of model.sessions) if (s.start && !gridText.includes(clean(s.title))) fail.push(`grid.md: no cell shows ${JSON.stringify(s.title)}`);
if (fail.length) { console.log(fail.slice(0, 50).map((f) => "FAIL: " + f).join("\n")); process.exit(1); }
console.log(`   ${d.split("/").pop()}: ${rows.length} rendered rows = ${model.sessions.length} sessions; ${grid.length} grid table(s), all cells plain text`);
JS
done
echo "-- 40-csv passed"
