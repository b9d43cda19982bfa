// Command csvread prints the records encoding/csv reads from a file as one
// JSON array of arrays of strings, so that .ci/steps/40-csv.sh can compare
// Go's reading with Python's csv module. It lives in testdata so that
// ./... leaves it out; run it as go run ./format/csv/testdata/csvread.
//
// Usage: csvread [-comma C] FILE
package main

import (
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"
)

func main() {
	comma := flag.String("comma", ",", "field delimiter")
	flag.Parse()
	if flag.NArg() != 1 || utf8.RuneCountInString(*comma) != 1 {
		fmt.Fprintln(os.Stderr, "usage: csvread [-comma C] FILE")
		os.Exit(2)
	}
	data, err := os.ReadFile(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\uFEFF")))
	r.Comma, _ = utf8.DecodeRuneInString(*comma)
	recs, err := r.ReadAll()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	out, err := json.Marshal(recs)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%s\n", out)
}
