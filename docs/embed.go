// Package docs holds schedkit's documentation files that the program also
// uses: the JSON Schema of the schedule format, printed by "schedkit schema".
// docs/format.md is the prose description of the same format.
package docs

import _ "embed"

// Schema is the JSON Schema (draft-07, the newest draft yaml-language-server
// supports fully) of schedkit's YAML/JSON schedule format, from
// schedule.schema.json. schedule.Load is the authority; the tests in package
// schedule keep the two in agreement.
//
//go:embed schedule.schema.json
var Schema []byte
