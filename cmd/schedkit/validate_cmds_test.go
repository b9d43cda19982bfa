package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/schedkit/schedkit/schedule"
)

// cmdJSONDiag implements the script command
//
//	jsondiag FILE
//
// It parses FILE ("stdout" for the last command's output) as the JSON of
// validate --format json, strictly: one array; every object has exactly the
// documented keys {file, line, column, severity, rule, message, related},
// related entries exactly {file, line, column, session}; lines and columns
// are 1-based, severities error or warning, rules from the rule table. It
// then prints one line per diagnostic for stdout to match:
//
//	FILE:LINE:COL SEVERITY RULE [ID@FILE:LINE:COL ...] MESSAGE
func cmdJSONDiag(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: jsondiag FILE")
	}
	data := ts.ReadFile(args[0])
	var raw []map[string]json.RawMessage
	if err := json.Unmarshal([]byte(data), &raw); err != nil {
		ts.Fatalf("jsondiag: not a JSON array of objects: %v", err)
	}
	if raw == nil && strings.TrimSpace(data) != "[]" {
		ts.Fatalf("jsondiag: want [] for no diagnostics, got %q", data)
	}
	type related struct {
		File    string `json:"file"`
		Line    int    `json:"line"`
		Column  int    `json:"column"`
		Session string `json:"session"`
	}
	type diag struct {
		File     string    `json:"file"`
		Line     int       `json:"line"`
		Column   int       `json:"column"`
		Severity string    `json:"severity"`
		Rule     string    `json:"rule"`
		Message  string    `json:"message"`
		Related  []related `json:"related"`
	}
	keys := func(m map[string]json.RawMessage) []string {
		var ks []string
		for k := range m {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks
	}
	want := []string{"column", "file", "line", "message", "related", "rule", "severity"}
	wantRel := []string{"column", "file", "line", "session"}
	out := ts.Stdout()
	for i, obj := range raw {
		if got := keys(obj); !slices.Equal(got, want) {
			ts.Fatalf("jsondiag: object %d has keys %v, want %v", i, got, want)
		}
		var rels []map[string]json.RawMessage
		if err := json.Unmarshal(obj["related"], &rels); err != nil || rels == nil {
			ts.Fatalf("jsondiag: object %d: related must be an array: %s", i, obj["related"])
		}
		for _, r := range rels {
			if got := keys(r); !slices.Equal(got, wantRel) {
				ts.Fatalf("jsondiag: object %d: related has keys %v, want %v", i, got, wantRel)
			}
		}
		b, _ := json.Marshal(obj)
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		var d diag
		if err := dec.Decode(&d); err != nil {
			ts.Fatalf("jsondiag: object %d: %v", i, err)
		}
		if d.File == "" || d.Line < 1 || d.Column < 1 {
			ts.Fatalf("jsondiag: object %d: position %s:%d:%d is not 1-based", i, d.File, d.Line, d.Column)
		}
		if d.Severity != "error" && d.Severity != "warning" {
			ts.Fatalf("jsondiag: object %d: severity %q", i, d.Severity)
		}
		if _, ok := schedule.LookupRule(d.Rule); !ok {
			ts.Fatalf("jsondiag: object %d: rule %q is not in the rule table", i, d.Rule)
		}
		if d.Message == "" {
			ts.Fatalf("jsondiag: object %d: empty message", i)
		}
		fmt.Fprintf(out, "%s:%d:%d %s %s", d.File, d.Line, d.Column, d.Severity, d.Rule)
		for _, r := range d.Related {
			if r.File == "" || r.Line < 1 || r.Column < 1 || r.Session == "" {
				ts.Fatalf("jsondiag: object %d: related %+v", i, r)
			}
			fmt.Fprintf(out, " %s@%s:%d:%d", r.Session, r.File, r.Line, r.Column)
		}
		fmt.Fprintf(out, " %s\n", d.Message)
	}
}

// cmdGenFile implements the script command
//
//	genfile KIND FILE
//
// It writes inputs a txtar archive cannot hold or should not: invalid-utf8,
// nul (a NUL byte in text), binary, aliasbomb (100 aliases of a track of 1,000 aliases of a session), aliasnodes (aliases expanding to 6 million nodes), toobig (one byte
// over the input limit) and big (a valid schedule
// of 20,000 sessions in 50 rooms, each speaker in four).
func cmdGenFile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: genfile KIND FILE")
	}
	var data []byte
	switch args[0] {
	case "invalid-utf8":
		data = []byte("conference:\n  name: \"Caf\xe9 Con\"\n  timezone: UTC\ntracks: []\n")
	case "nul":
		data = []byte("conference:\n  name: \x00X\n")
	case "binary":
		data = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")
	case "aliasbomb":
		// 100 tracks × 1,000 sessions × 1,000 tags from a 10 KB file.
		var b strings.Builder
		b.WriteString("conference: {name: Bomb, timezone: UTC}\n")
		b.WriteString("x-tags: &t [" + strings.Repeat("lol, ", 999) + "lol]\n")
		b.WriteString("x-session: &s {title: S, date: 2024-05-01, start: \"10:00\", end: \"11:00\", tags: *t}\n")
		b.WriteString("x-track: &tr {name: T, sessions: [" + strings.Repeat("*s, ", 999) + "*s]}\n")
		b.WriteString("tracks: [" + strings.Repeat("*tr, ", 99) + "*tr]\n")
		data = []byte(b.String())
	case "aliasnodes":
		// 400 sessions × (1,000 tags + 1,000 speakers), each list an alias.
		var b strings.Builder
		b.WriteString("conference: {name: Bomb, timezone: UTC}\n")
		b.WriteString("x-tags: &t [" + strings.Repeat("lol, ", 999) + "lol]\n")
		b.WriteString("x-p: &p {name: Ann, affiliation: X}\n")
		b.WriteString("x-sp: &sp [" + strings.Repeat("*p, ", 999) + "*p]\n")
		b.WriteString("tracks:\n- name: T\n  sessions:\n")
		for i := range 400 {
			fmt.Fprintf(&b, "  - {title: S%d, date: 2024-05-01, start: \"10:00\", end: \"11:00\", tags: *t, speakers: *sp}\n", i)
		}
		data = []byte(b.String())
	case "toobig":
		data = bytes.Repeat([]byte("# x\n"), maxInput/4+1)
	case "big":
		var b strings.Builder
		b.WriteString("conference: {name: Big, timezone: Europe/Berlin}\ntracks:\n")
		for r := range 50 {
			fmt.Fprintf(&b, "  - name: Room %d\n    room: Room %d\n    date: 2024-05-01\n    sessions:\n", r, r)
			for i := range 400 {
				day, slot := i/20, i%20
				fmt.Fprintf(&b, "      - {id: s%d-%d, title: Talk %d in %d, start: \"2024-05-%02dT%02d:%02d\", duration: 30m, speakers: [Speaker %d]}\n",
					r, i, i, r, 1+day, 8+slot/2, 30*(slot%2), (r*400+i)/4)
			}
		}
		data = []byte(b.String())
	default:
		ts.Fatalf("genfile: unknown kind %q", args[0])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[1]), data, 0o666))
}
