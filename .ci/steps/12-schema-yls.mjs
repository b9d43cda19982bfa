// Checks docs/schedule.schema.json with yaml-language-server itself, the
// editor support the schema is for (VS Code's YAML extension, Neovim, Helix
// and others run it): validation, completion and hover.
//
// usage: node 12-schema-yls.mjs DEPS_DIR SCHEDKIT FILE...
//
// - every FILE that is schedkit's format and that `schedkit validate` reads
//   without a structural finding gets no diagnostic;
// - known-bad documents get the expected message;
// - completion offers field names, rule ids and enum values; hover shows
//   the field's description.
import fs from 'fs';
import { createRequire } from 'module';
import { spawnSync } from 'child_process';

const [deps, schedkit, ...files] = process.argv.slice(2);
const require = createRequire(deps + '/');
const yls = await import(deps + '/node_modules/yaml-language-server/out/src/index.js');
const { TextDocument } = require('vscode-languageserver-textdocument');

const schemaText = fs.readFileSync('docs/schedule.schema.json', 'utf8');
const ls = yls.getLanguageService({
  schemaRequestService: async () => schemaText,
  workspaceContext: { resolveRelativePath: (rel, res) => new URL(rel, res).toString() },
});
ls.configure({
  validate: true, completion: true, hover: true,
  schemas: [{ uri: 'file:///schedule.schema.json', fileMatch: ['*.yaml'] }],
});

let n = 0;
const doc = (text) => TextDocument.create(`file:///doc${n++}.yaml`, 'yaml', 1, text);
let failed = 0;
const fail = (msg) => { failed++; console.error('12-schema-yls: ' + msg); };

// Validation of real files.
const structural = new Set(['syntax', 'unknown-field', 'required', 'bad-value']);
let accepted = 0;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  if (!/^(conference|tracks|rooms|rules):/m.test(text)) continue; // other formats, JSON
  const run = spawnSync(schedkit, ['validate', '--format', 'json', file], { encoding: 'utf8' });
  let diags;
  try { diags = JSON.parse(run.stdout); } catch { continue; }
  if (diags.some(d => structural.has(d.rule))) continue;
  const got = await ls.doValidation(doc(text), false);
  if (got.length) {
    fail(`${file}: schedkit reads it, yaml-language-server reports: ` +
      got.map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('; '));
  }
  accepted++;
}

// Known-bad documents: the message an editor shows.
const head = 'conference: {name: C, timezone: UTC}\ntracks:\n  - name: T\n    date: 2025-03-01\n    sessions:\n';
const bad = [
  [head + '      - {title: A, start: "10:00", end: "11:00", speakrs: [X]}\n', /Property speakrs is not allowed/],
  [head + '      - {title: A, start: "25:00", end: "11:00"}\n', /Use HH:MM, h:mmam\/h:mmpm or YYYY-MM-DDTHH:MM/],
  [head + '      - {start: "10:00", end: "11:00"}\n', /Missing property "title"/],
  [head + '      - {title: A, start: "10:00", duration: 50}\n', /Incorrect type/],
  [head + '      - {title: A, start: "10:00", duration: 1h30}\n', /Use a duration such as 50m/],
  [head + '      - {title: A, start: "10:00", end: "11:00", type: tlak}\n', /Value is not accepted/],
  [head + '      - {title: A, start: "10:00", end: "11:00", date: 2025-3-1}\n', /Use YYYY-MM-DD/],
  ['conference: {name: C, timezone: UTC}\nrules: {severity: {room-overlaps: off}}\ntracks: []\n', /Property room-overlaps is not allowed/],
  ['conference: {name: C}\ntracks: []\n', /Missing property "timezone"/],
];
for (const [text, want] of bad) {
  const got = await ls.doValidation(doc(text), false);
  if (!got.some(d => want.test(d.message))) {
    fail(`want a diagnostic matching ${want} for\n${text}got: ${got.map(d => d.message).join('; ') || 'none'}`);
  }
}

// Completion at the end of a document (where the | is).
async function complete(text) {
  const d = doc(text);
  const list = await ls.doComplete(d, d.positionAt(text.length), false);
  return list.items.map(i => i.label);
}
const completions = [
  ['conf', ['conference']],
  [head + '      - title: A\n        ', ['start', 'end', 'duration', 'speakers', 'room', 'type']],
  [head + '      - title: A\n        type: ', ['talk', 'keynote', 'break', 'open-space']],
  ['conference: {name: C, timezone: UTC}\nrules:\n  severity:\n    ', ['room-overlap', 'speaker-overlap', 'implicit-id']],
  ['conference: {name: C, timezone: UTC}\nrules:\n  ', ['min_duration', 'changeover', 'speaker_buffer', 'severity']],
];
for (const [text, want] of completions) {
  const got = await complete(text);
  const missing = want.filter(w => !got.includes(w));
  if (missing.length) fail(`completion of ${JSON.stringify(text.slice(-40))}: missing ${missing.join(', ')}; got ${got.join(', ')}`);
}

// Hover shows the description.
{
  const text = 'conference: {name: C, timezone: UTC}\nrules:\n  changeover: 5m\ntracks: []\n';
  const d = doc(text);
  const h = await ls.doHover(d, d.positionAt(text.indexOf('changeover') + 3));
  const shown = JSON.stringify(h?.contents ?? '');
  if (!/minimum gap between consecutive sessions in one room/.test(shown)) fail(`hover on changeover shows ${shown}`);
}

console.log(`12-schema: yaml-language-server: ${accepted} schedkit files without diagnostics, ${bad.length} bad documents flagged, ` +
  `${completions.length} completions and a hover checked${failed ? `; ${failed} FAILED` : ''}`);
process.exit(failed ? 1 : 0);
