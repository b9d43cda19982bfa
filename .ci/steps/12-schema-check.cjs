// Checks docs/schedule.schema.json with ajv, a full JSON Schema validator
// (the Go tests use a small one): the schema must be valid draft-07 in
// ajv's strict mode, accept every schedkit YAML/JSON file that
// `schedkit validate` reads without a structural finding, and reject a few
// known-bad documents. YAML is parsed with the `yaml` package (YAML 1.2
// core schema: `10:35` and `2019-06-25` are strings), as yaml-language-server
// sees it.
//
// usage: node 12-schema-check.cjs DEPS_DIR SCHEDKIT FILE...
'use strict';
const path = require('path');
const fs = require('fs');
const { spawnSync } = require('child_process');
const [deps, schedkit, ...files] = process.argv.slice(2);
const Ajv = require(path.join(deps, 'node_modules', 'ajv'));
const YAML = require(path.join(deps, 'node_modules', 'yaml'));

const schema = JSON.parse(fs.readFileSync('docs/schedule.schema.json', 'utf8'));
const ajv = new Ajv({ strict: true, strictRequired: false, allowUnionTypes: true, allErrors: true }) // anyOf: [{required: [end]}, …] is fine;
if (!ajv.validateSchema(schema)) {
  console.error('schema is not valid draft-07:', ajv.errorsText(ajv.errors));
  process.exit(1);
}
ajv.addKeyword('patternErrorMessage'); // yaml-language-server's message for a failed pattern
const validate = ajv.compile(schema);
const structural = new Set(['syntax', 'unknown-field', 'required', 'bad-value']);
let failed = 0, checked = 0;

for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const head = text.replace(/^(\s*#.*\n)*\s*/, '');
  if (!/^(conference|tracks|rooms|rules):|^\{\s*"(conference|tracks)"/m.test(head)) continue;
  const run = spawnSync(schedkit, ['validate', '--format', 'json', file], { encoding: 'utf8' });
  let diags;
  try { diags = JSON.parse(run.stdout); } catch { continue; }
  if (diags.some(d => structural.has(d.rule))) continue; // schedkit rejects it too
  checked++;
  if (!validate(YAML.parse(text))) {
    failed++;
    console.error(`${file}: schedkit reads it, the schema rejects it: ${ajv.errorsText(validate.errors)}`);
  }
}

const head = 'conference: {name: C, timezone: UTC}\ntracks:\n  - name: T\n    date: 2025-03-01\n    sessions:\n';
const bad = {
  'unknown field': head + '      - {title: A, start: "10:00", end: "11:00", speakrs: [X]}\n',
  'bad clock': head + '      - {title: A, start: "25:00", end: "11:00"}\n',
  'no title': head + '      - {start: "10:00", end: "11:00"}\n',
  'no end or duration': head + '      - {title: A, start: "10:00"}\n',
  'bare number duration': head + '      - {title: A, start: "10:00", duration: 50}\n',
  'bad type': head + '      - {title: A, start: "10:00", end: "11:00", type: tlak}\n',
  'unknown rule': 'conference: {name: C, timezone: UTC}\nrules: {severity: {room-overlaps: off}}\ntracks: []\n',
};
for (const [name, doc] of Object.entries(bad)) {
  if (validate(YAML.parse(doc))) {
    failed++;
    console.error(`the schema accepts a bad document (${name})`);
  }
}
const good = head + '      - {title: A, id: a, start: 1:40pm, end: "2:30 PM", speakers: [Ann, {name: Bo, id: bo}]}\n';
if (!validate(YAML.parse(good))) {
  failed++;
  console.error(`the schema rejects a good document: ${ajv.errorsText(validate.errors)}`);
}
console.log(`12-schema: ajv: ${checked} schedkit files accepted, ${Object.keys(bad).length} bad documents rejected${failed ? `; ${failed} FAILED` : ''}`);
process.exit(failed ? 1 : 0);
