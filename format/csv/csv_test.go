package csv

import (
	"bytes"
	stdcsv "encoding/csv"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/internal/testutil"
	"github.com/schedkit/schedkit/schedule"
)

func loadFixture(t testing.TB, name string) (*schedule.Schedule, []*schedule.Session) {
	t.Helper()
	s, diags := testutil.Fixture(t, name)
	if schedule.HasErrors(diags) {
		t.Fatalf("%s does not validate: %v", name, diags)
	}
	return s, schedule.Filter{}.Select(s)
}

func TestNeutralize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain", "plain"},
		{`=HYPERLINK("x")`, `'=HYPERLINK("x")`},
		{"-1+2", "'-1+2"},
		{"+1", "'+1"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"a=1", "a=1"},
		{" =1", " =1"}, // only the first character counts
		{"'=1", "'=1"}, // already neutral
		{"Ünïcödé", "Ünïcödé"},
		{"\nx", "\nx"},
	}
	for _, tt := range tests {
		if got := Neutralize(tt.in); got != tt.want {
			t.Errorf("Neutralize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNeutralizeColumn(t *testing.T) {
	tests := []struct {
		col      int
		in, want string
	}{
		{ColDurationMin, "-60", "-60"}, // a negative integer is not a formula
		{ColDurationMin, "45", "45"},
		{ColDurationMin, "0", "0"},
		{ColDurationMin, "", ""},
		{ColDurationMin, "-", "'-"},       // not an integer: neutralised as usual
		{ColDurationMin, "-1+2", "'-1+2"}, // nor is this
		{ColDurationMin, "-6O", "'-6O"},
		{ColDurationMin, "+60", "'+60"},
		{ColDurationMin, "-٣", "'-٣"}, // digits are ASCII only
		{ColTitle, "-60", "'-60"},     // other columns: always
		{ColSpeakers, "-1", "'-1"},
		{ColAbstract, "=1", "'=1"},
	}
	for _, tt := range tests {
		if got := NeutralizeColumn(tt.col, tt.in); got != tt.want {
			t.Errorf("NeutralizeColumn(%s, %q) = %q, want %q", Columns[tt.col], tt.in, got, tt.want)
		}
	}
}

// TestNegativeDuration: a session that ends before it starts (written with
// --force) has a plain negative duration_min with and without Raw, while
// other fields starting with '-' are still neutralised.
func TestNegativeDuration(t *testing.T) {
	loc := time.UTC
	s := &schedule.Schedule{Location: loc}
	ss := &schedule.Session{ID: "backwards", Title: "-1 hour",
		Start: time.Date(2026, 1, 2, 11, 0, 0, 0, loc), End: time.Date(2026, 1, 2, 10, 0, 0, 0, loc)}
	for _, raw := range []bool{true, false} {
		var buf bytes.Buffer
		if err := Write(&buf, s, []*schedule.Session{ss}, Options{Raw: raw}); err != nil {
			t.Fatal(err)
		}
		rec := readAll(t, buf.Bytes(), ',')[1]
		got := []string{rec[ColDurationMin], rec[ColTitle]}
		want := []string{"-60", "-1 hour"}
		if !raw {
			want[1] = "'-1 hour"
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("raw=%v: duration_min, title (-want +got):\n%s", raw, diff)
		}
	}
}

func TestParseDelimiter(t *testing.T) {
	tests := []struct {
		in      string
		want    rune
		wantErr bool
	}{
		{",", ',', false},
		{";", ';', false},
		{"|", '|', false},
		{"tab", '\t', false},
		{`\t`, '\t', false},
		{"\t", '\t', false},
		{"§", '§', false},
		{"", 0, true},
		{",,", 0, true},
		{`"`, 0, true},
		{"'", 0, true},
		{"\n", 0, true},
		{"\r", 0, true},
		{"a", 0, true},
		{"7", 0, true},
		{"\x00", 0, true},
		{"\xff", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseDelimiter(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseDelimiter(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

// readAll reads CSV back with encoding/csv, as a program would.
func readAll(t *testing.T, data []byte, comma rune) [][]string {
	t.Helper()
	r := stdcsv.NewReader(bytes.NewReader(data))
	r.Comma = comma
	recs, err := r.ReadAll() // also checks every record has as many fields as the header
	if err != nil {
		t.Fatalf("reading the CSV back: %v", err)
	}
	return recs
}

// TestRoundTrip writes the tricky fixture and reads it back with
// encoding/csv: --raw gives every value byte for byte, the default differs
// only by the neutralising prefix, and the instants parse back to the
// sessions' instants.
func TestRoundTrip(t *testing.T) {
	s, sessions := loadFixture(t, "csv/tricky.yaml")
	for _, comma := range []rune{',', ';', '\t', '|'} {
		for _, raw := range []bool{true, false} {
			t.Run(fmt.Sprintf("comma=%q/raw=%v", comma, raw), func(t *testing.T) {
				var buf bytes.Buffer
				if err := Write(&buf, s, sessions, Options{Comma: comma, Raw: raw}); err != nil {
					t.Fatal(err)
				}
				recs := readAll(t, buf.Bytes(), comma)
				if diff := cmp.Diff(Columns, recs[0]); diff != "" {
					t.Errorf("header (-want +got):\n%s", diff)
				}
				if len(recs)-1 != len(sessions) {
					t.Fatalf("%d rows, want %d", len(recs)-1, len(sessions))
				}
				neutralised := 0
				for i, ss := range sessions {
					want := Record(s, ss)
					got := recs[i+1]
					if !raw {
						for j := range want {
							if NeedsNeutralizing(want[j]) {
								neutralised++
							}
							want[j] = NeutralizeColumn(j, want[j])
						}
					}
					if diff := cmp.Diff(want, got); diff != "" {
						t.Errorf("row %d (%s) (-want +got):\n%s", i+1, ss.ID, diff)
					}
					for _, c := range []struct {
						col  int
						want time.Time
					}{{ColStartISO, ss.Start}, {ColEndISO, ss.End}} {
						at, err := time.Parse(time.RFC3339, got[c.col])
						if err != nil || !at.Equal(c.want) {
							t.Errorf("row %d: %s = %q, want instant %v (%v)", i+1, Columns[c.col], got[c.col], c.want, err)
						}
					}
				}
				if !raw && neutralised < 6 {
					t.Errorf("only %d fields neutralised; the fixture has more formula-like values", neutralised)
				}
			})
		}
	}
}

func TestRowsSpeaker(t *testing.T) {
	s, sessions := loadFixture(t, "csv/tricky.yaml")
	var buf bytes.Buffer
	if err := Write(&buf, s, sessions, Options{Rows: RowsSpeaker, Raw: true}); err != nil {
		t.Fatal(err)
	}
	recs := readAll(t, buf.Bytes(), ',')
	var want [][3]string
	for _, ss := range sessions {
		if len(ss.Speakers) == 0 {
			want = append(want, [3]string{ss.ID, "", ""})
		}
		for _, p := range ss.Speakers {
			want = append(want, [3]string{ss.ID, p.Name, p.Affiliation})
		}
	}
	var got [][3]string
	for _, r := range recs[1:] {
		got = append(got, [3]string{r[ColID], r[ColSpeakers], r[ColAffiliations]})
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(id, speaker, affiliation) rows (-want +got):\n%s", diff)
	}
	// The second speaker's affiliation "=1+1" now leads its field: neutralised by default.
	buf.Reset()
	if err := Write(&buf, s, sessions, Options{Rows: RowsSpeaker}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), ",'=1+1,") {
		t.Errorf("affiliation =1+1 not neutralised in its own row:\n%s", buf.String())
	}
}

func TestBOM(t *testing.T) {
	s, sessions := loadFixture(t, "qcon-ny-2019.yaml")
	var with, without bytes.Buffer
	if err := Write(&with, s, sessions, Options{BOM: true}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&without, s, sessions, Options{}); err != nil {
		t.Fatal(err)
	}
	if got, want := with.String(), BOM+without.String(); got != want {
		t.Errorf("with BOM: got %q…, want the output without BOM after U+FEFF", got[:min(len(got), 20)])
	}
}

func TestWriteErrors(t *testing.T) {
	s, sessions := loadFixture(t, "qcon-ny-2019.yaml")
	for _, opt := range []Options{{Rows: "talk"}, {Comma: '"'}, {Comma: '\n'}} {
		if err := Write(io.Discard, s, sessions, opt); err == nil {
			t.Errorf("Write with %+v: no error", opt)
		}
	}
	if err := Write(failWriter{}, s, sessions, Options{}); err == nil {
		t.Error("Write to a failing writer: no error")
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, fmt.Errorf("disk full") }

// FuzzWrite checks that any title and abstract read back unchanged with
// Raw, and differ only by the documented prefix without it.
func FuzzWrite(f *testing.F) {
	for _, seed := range []string{"", "=1+1", "a,b", "\"q\"", "line\nbreak", "\t", "-", "@x", "Ünï"} {
		f.Add(seed, seed+"|"+seed, byte(','))
	}
	f.Add("a\r\nb", "\rlead", byte(';'))
	f.Fuzz(func(t *testing.T, title, abstract string, comma byte) {
		if CheckDelimiter(rune(comma)) != nil || comma >= 0x80 {
			return
		}
		loc := time.FixedZone("X", 3600)
		tr := &schedule.Track{ID: "t", Name: title}
		ss := &schedule.Session{ID: "s", Title: title, Abstract: abstract, Track: tr,
			Start: time.Date(2026, 1, 2, 3, 4, 0, 0, loc), End: time.Date(2026, 1, 2, 4, 4, 0, 0, loc),
			Speakers: []schedule.Person{{Name: abstract}, {Name: title}}}
		s := &schedule.Schedule{Location: loc}
		for _, raw := range []bool{true, false} {
			var buf bytes.Buffer
			if err := Write(&buf, s, []*schedule.Session{ss}, Options{Comma: rune(comma), Raw: raw}); err != nil {
				t.Fatal(err)
			}
			r := stdcsv.NewReader(&buf)
			r.Comma = rune(comma)
			recs, err := r.ReadAll()
			if err != nil {
				t.Fatalf("reading back: %v\n%q", err, buf.String())
			}
			want := Record(s, ss)
			if want[ColTitle] != NormalizeNewlines(title) {
				t.Fatalf("Record title %q, want %q", want[ColTitle], NormalizeNewlines(title))
			}
			if !raw {
				for i := range want {
					want[i] = NeutralizeColumn(i, want[i])
				}
			}
			if len(recs) != 2 {
				t.Fatalf("%d records, want 2", len(recs))
			}
			if diff := cmp.Diff(want, recs[1]); diff != "" {
				t.Fatalf("raw=%v (-want +got):\n%s", raw, diff)
			}
		}
	})
}

// BenchmarkWrite100k writes CSV for 100,000 generated sessions.
func BenchmarkWrite100k(b *testing.B) {
	loc, err := schedule.LoadLocation("Europe/Berlin")
	if err != nil {
		b.Fatal(err)
	}
	s := &schedule.Schedule{Location: loc}
	tracks := make([]*schedule.Track, 20)
	for i := range tracks {
		tracks[i] = &schedule.Track{ID: fmt.Sprintf("track-%d", i), Name: fmt.Sprintf("Track %d, \"quoted\"", i)}
	}
	start := time.Date(2026, 3, 28, 9, 0, 0, 0, loc)
	sessions := make([]*schedule.Session, 100_000)
	for i := range sessions {
		st := start.Add(time.Duration(i) * 15 * time.Minute)
		sessions[i] = &schedule.Session{
			ID: fmt.Sprintf("session-%d", i), Track: tracks[i%len(tracks)], Room: fmt.Sprintf("Room %d", i%7),
			Title: fmt.Sprintf("=Talk %d: commas, \"quotes\" and Ünïcödé", i), Start: st, End: st.Add(45 * time.Minute),
			Type: "talk", Status: "confirmed", Tags: []string{"a", "b"},
			Speakers: []schedule.Person{{ID: "p1", Name: "Ana Souza", Affiliation: "São Paulo, BR"}, {Name: "Jürgen Groß"}},
			Abstract: strings.Repeat("An abstract line, with a comma.\n", 4),
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, s, sessions, Options{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := Write(io.Discard, s, sessions, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestNormalizeNewlines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a\r\nb", "a\nb"},
		{"a\rb", "a\nb"},
		{"a\r\r\nb", "a\n\nb"},
		{"a\nb", "a\nb"},
		{"\r", "\n"},
	}
	for _, tt := range tests {
		if got := NormalizeNewlines(tt.in); got != tt.want {
			t.Errorf("NormalizeNewlines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestJoinSplit: SplitField gives back exactly the items JoinField joined,
// whatever they hold; items without ';' or '\' join as plain "; " lists.
func TestJoinSplit(t *testing.T) {
	tests := []struct {
		items []string
		field string
	}{
		{nil, ""},
		{[]string{"Ana"}, "Ana"},
		{[]string{"Ana", "Bo"}, "Ana; Bo"},
		{[]string{"Doe; Jane", "Ana"}, `Doe\; Jane; Ana`},
		{[]string{"ACME; R&D", "", "Uni"}, `ACME\; R&D; ; Uni`},
		{[]string{`back\slash`, `\`, `\;`}, `back\\slash; \\; \\\;`},
		{[]string{";", "; ", " ;"}, `\;; \; ;  \;`},
		{[]string{"", ""}, "; "},
		{[]string{"a;b", "c"}, `a\;b; c`},
		{[]string{" lead", "trail "}, " lead; trail "},
		{[]string{"=1+1", "Ünï; 日本"}, `=1+1; Ünï\; 日本`},
	}
	for _, tt := range tests {
		got := JoinField(tt.items)
		if got != tt.field {
			t.Errorf("JoinField(%q) = %q, want %q", tt.items, got, tt.field)
		}
		if diff := cmp.Diff(tt.items, SplitField(got)); diff != "" {
			t.Errorf("SplitField(%q) (-want +got):\n%s", got, diff)
		}
	}
}

// TestJoinedFieldsRoundTrip: speakers, affiliations and tags holding "; "
// and backslashes keep their alignment: read back with encoding/csv and
// split with SplitField, with and without Raw, every field gives the
// original items, the n-th affiliation the n-th speaker's.
func TestJoinedFieldsRoundTrip(t *testing.T) {
	loc := time.UTC
	s := &schedule.Schedule{Location: loc}
	ss := &schedule.Session{ID: "s", Title: "T",
		Start: time.Date(2026, 1, 2, 10, 0, 0, 0, loc), End: time.Date(2026, 1, 2, 11, 0, 0, 0, loc),
		Speakers: []schedule.Person{
			{ID: "p;1", Name: "Doe; Jane", Affiliation: "ACME; R&D"},
			{Name: `Back\slash`},
			{ID: "p3", Name: "Ana", Affiliation: "-1; =2"},
		},
		Tags: []string{"semi; colon", `a\;b`, "plain"},
	}
	want := [][]string{
		{"Doe; Jane", `Back\slash`, "Ana"},
		{"p;1", "", "p3"},
		{"ACME; R&D", "", "-1; =2"},
		{"semi; colon", `a\;b`, "plain"},
	}
	for _, raw := range []bool{true, false} {
		var buf bytes.Buffer
		if err := Write(&buf, s, []*schedule.Session{ss}, Options{Raw: raw}); err != nil {
			t.Fatal(err)
		}
		rec := readAll(t, buf.Bytes(), ',')[1]
		var got [][]string
		for _, col := range []int{ColSpeakers, ColSpeakerIDs, ColAffiliations, ColTags} {
			v := rec[col]
			if !raw && NeedsNeutralizing(strings.TrimPrefix(v, "'")) {
				v = strings.TrimPrefix(v, "'") // the documented prefix, not part of the list
			}
			got = append(got, SplitField(v))
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("raw=%v: split fields (-want +got):\n%s", raw, diff)
		}
	}
	// --rows speaker: one speaker per row, written as it is, not escaped.
	var buf bytes.Buffer
	solo := &schedule.Session{ID: "solo", Title: "T", Start: ss.Start, End: ss.End,
		Speakers: []schedule.Person{{Name: "Solo; Han", Affiliation: `Rebels\Alliance`}}}
	if err := Write(&buf, s, []*schedule.Session{ss, solo}, Options{Rows: RowsSpeaker, Raw: true}); err != nil {
		t.Fatal(err)
	}
	var got [][2]string
	for _, r := range readAll(t, buf.Bytes(), ',')[1:] {
		got = append(got, [2]string{r[ColSpeakers], r[ColAffiliations]})
	}
	wantRows := [][2]string{
		{"Doe; Jane", "ACME; R&D"}, {`Back\slash`, ""}, {"Ana", "-1; =2"},
		{"Solo; Han", `Rebels\Alliance`}, // a session's only speaker too
	}
	if diff := cmp.Diff(wantRows, got); diff != "" {
		t.Errorf("--rows speaker (speaker, affiliation) (-want +got):\n%s", diff)
	}
}

// TestEndColumn: end is always "YYYY-MM-DD HH:MM", on the day of date as on
// another day (past midnight, several days, or before the start with
// --force), so that a spreadsheet reads the column as date-times only
// (issue 10: "11:25" among "2024-05-02 01:00" broke end - start);
// start_iso/end_iso are unchanged.
func TestEndColumn(t *testing.T) {
	loc, err := schedule.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	at := func(d, h, m int) time.Time { return time.Date(2024, 5, d, h, m, 0, 0, loc) }
	tests := []struct {
		start, end time.Time
		want       []string // date, start, end, duration_min
	}{
		{at(1, 10, 0), at(1, 12, 0), []string{"2024-05-01", "10:00", "2024-05-01 12:00", "120"}},
		{at(1, 23, 0), at(2, 1, 0), []string{"2024-05-01", "23:00", "2024-05-02 01:00", "120"}},
		{at(1, 23, 0), at(2, 0, 0), []string{"2024-05-01", "23:00", "2024-05-02 00:00", "60"}},
		{at(1, 10, 0), at(3, 12, 0), []string{"2024-05-01", "10:00", "2024-05-03 12:00", "3000"}},
		{at(1, 0, 30), at(1, 23, 59), []string{"2024-05-01", "00:30", "2024-05-01 23:59", "1409"}},
		{at(2, 0, 30), at(1, 23, 30), []string{"2024-05-02", "00:30", "2024-05-01 23:30", "-60"}},
		{at(1, 9, 0), at(1, 9, 0), []string{"2024-05-01", "09:00", "2024-05-01 09:00", "0"}},
	}
	s := &schedule.Schedule{Location: loc}
	for _, tt := range tests {
		ss := &schedule.Session{ID: "s", Title: "T", Start: tt.start, End: tt.end}
		rec := Record(s, ss)
		got := []string{rec[ColDate], rec[ColStart], rec[ColEnd], rec[ColDurationMin]}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%v to %v: date, start, end, duration_min (-want +got):\n%s", tt.start, tt.end, diff)
		}
		if want := tt.end.Format(time.RFC3339); rec[ColEndISO] != want {
			t.Errorf("%v to %v: end_iso %q, want %q", tt.start, tt.end, rec[ColEndISO], want)
		}
	}
}
