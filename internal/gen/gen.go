// Package gen writes synthetic schedules in schedkit's format, YAML or
// JSON, for benchmarks: N sessions over R rooms, T tracks, D days and S
// speakers, with realistic text (titles, multi-paragraph non-ASCII
// abstracts of about 400 characters, one to three speakers) and a chosen
// number of clashes. The same Config gives the same bytes.
package gen

import (
	"bufio"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// Config says what to generate. Zero values get defaults from N.
type Config struct {
	N       int    // sessions
	Rooms   int    // R; default max(4, N/100)
	Tracks  int    // T; default Rooms (room r is in track r%T)
	Days    int    // D; default as many as twelve 50-minute slots a room a day need
	Speaker int    // S; default max(10, N/3), at least 3R
	Clashes int    // sessions given a speaker who talks in another room at the same time; default N/1000
	JSON    bool   // JSON instead of YAML
	Zone    string // default Europe/Berlin
	// Abstract is the least length of an abstract in bytes (it ends at a sentence, about 300 on average); default
	// 250 (see scripts/bench for why not 400).
	Abstract int
}

const slotsPerDay = 12 // 09:00–21:00, 50 minutes and a 10-minute changeover

func (c *Config) defaults() {
	if c.Rooms <= 0 {
		c.Rooms = max(4, c.N/100)
	}
	if c.Tracks <= 0 {
		c.Tracks = c.Rooms
	}
	if c.Days <= 0 {
		c.Days = max(1, (c.N+c.Rooms*slotsPerDay-1)/(c.Rooms*slotsPerDay))
	}
	if c.Speaker <= 0 {
		c.Speaker = max(10, c.N/3)
	}
	if c.Speaker < 3*c.Rooms {
		c.Speaker = 3 * c.Rooms // the speakers of one slot are all different
	}
	if c.Clashes < 0 {
		c.Clashes = 0
	} else if c.Clashes == 0 {
		c.Clashes = c.N / 1000
	}
	if c.Abstract <= 0 {
		c.Abstract = 250
	}
	if c.Zone == "" {
		c.Zone = "Europe/Berlin"
	}
}

var (
	firstNames = []string{"Ada", "Björn", "Chloé", "Dmitrij", "Émilie", "Fatima", "Günter", "Hiroshi", "Inés", "Jürgen", "Katarzyna", "Łukasz", "Mårten", "Nuño", "Øystein", "Paweł", "Renée", "Søren", "Tomás", "Zoë", "Wei", "Ayşe", "Ngozi", "Priya"}
	lastNames  = []string{"Müller", "García", "Nguyễn", "O'Brien", "Dvořák", "Ødegaard", "Kowalski", "Tanaka", "Schäfer", "Silva", "Łęcki", "Jansen", "Núñez", "Yılmaz", "Okafor", "Ивanova", "Chen", "Sørensen", "Papadopoulos", "Håkansson"}
	orgs       = []string{"Acme GmbH", "Université de Lyon", "Société Générale", "Nordic Ørsted Labs", "Free Software Foundation Europe", "Café Code Coöp", "Zürich Instruments", "Kraków Systems"}
	topics     = []string{"Rust", "Go", "Postgres", "Kubernetes", "WebAssembly", "eBPF", "Unicode", "Zig", "SQLite", "the JVM", "Nix", "LLVM", "CRDTs", "OpenStreetMap", "Matrix", "RISC-V"}
	verbs      = []string{"Scaling", "Debugging", "Rethinking", "Securing", "Profiling", "Teaching", "Shipping", "Taming"}
	tails      = []string{"in production", "without tears", "at 10× the load", "for the rest of us", "— lessons learned", "with naïve tools", "across time zones", "on a Raspberry Pi"}
	tagWords   = []string{"performance", "security", "community", "databases", "languages", "infra", "hardware", "i18n"}
	sentences  = []string{
		"We look at what really happens when the cache is cold and the pager goes off at 3 a.m.",
		"Ünïcödé text, right-to-left names and emoji 🎉 all arrive in the same field; we show how to keep them intact.",
		"The talk walks through a real migration, the numbers before and after, and the mistakes we made on the way.",
		"Attendees should know some SQL; no prior experience with the tooling is required.",
		"Les diapositives seront en anglais, les questions bienvenues en français ou en español.",
		"Expect live demos, a few graphs, and one slide with far too much text on it.",
		"Wir zeigen, wie man Messungen reproduzierbar macht – auch auf geteilten Maschinen.",
		"A short Q&A follows; bring your hardest edge cases, commas, semicolons; and backslashes \\ too.",
	}
)

// Write writes the schedule c describes to w.
func Write(w io.Writer, c Config) error {
	c.defaults()
	rng := rand.New(rand.NewPCG(uint64(c.N), 12))
	bw := bufio.NewWriterSize(w, 1<<16)
	start := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)

	// Sessions by track: session i is in room i%R, at slot (i/R)%12 of
	// day i/(R*12) (wrapping around after D days); room r is in track r%T.
	byTrack := make([][]int, c.Tracks)
	for i := range c.N {
		t := (i % c.Rooms) % c.Tracks
		byTrack[t] = append(byTrack[t], i)
	}
	// The k-th speaker of session i: the sessions of one slot have
	// different speakers (S >= 3R), which rotate from slot to slot.
	speakerOf := func(i, k int) int { return ((i/c.Rooms)*3*c.Rooms + (i%c.Rooms)*3 + k) % c.Speaker }
	clash := map[int]bool{}
	for len(clash) < min(c.Clashes, c.N/2) {
		clash[rng.IntN(c.N)] = true
	}

	// Conference and tracks in block style (YAML) or one field a line
	// (JSON); each session on one line, as a flow mapping: 100,000
	// sessions stay under the CLI's 64 MiB input limit.
	k := func(name string) string { // a key of a flow mapping
		if c.JSON {
			return quote(name) + ":"
		}
		return name + ":"
	}
	if c.JSON {
		fmt.Fprintf(bw, "{\n\"conference\": {\"name\": %s, \"id\": \"synth\", \"timezone\": %s, \"url\": \"https://example.org/synth\",\n  \"organizer\": {\"name\": \"Programme Team\", \"email\": \"program@example.org\"}},\n\"tracks\": [",
			quote(fmt.Sprintf("Synthetic Conf %d", c.N)), quote(c.Zone))
	} else {
		fmt.Fprintf(bw, "conference:\n  name: %s\n  id: synth\n  timezone: %s\n  url: https://example.org/synth\n  organizer: {name: Programme Team, email: program@example.org}\ntracks:",
			quote(fmt.Sprintf("Synthetic Conf %d", c.N)), c.Zone)
	}
	for t, ids := range byTrack {
		name := quote(fmt.Sprintf("Track %d: %s", t, topics[t%len(topics)]))
		if c.JSON {
			if t > 0 {
				bw.WriteString(",")
			}
			fmt.Fprintf(bw, "\n  {\"name\": %s, \"id\": \"t%d\", \"sessions\": [", name, t)
		} else {
			fmt.Fprintf(bw, "\n  - name: %s\n    id: t%d\n    sessions:", name, t)
		}
		for n, i := range ids {
			room, slot, day := i%c.Rooms, (i/c.Rooms)%slotsPerDay, i/(c.Rooms*slotsPerDay)
			day %= c.Days
			if c.JSON {
				if n > 0 {
					bw.WriteString(",")
				}
				bw.WriteString("\n    {")
			} else {
				bw.WriteString("\n      - {")
			}
			h := 9 + slot
			title := fmt.Sprintf("%s %s %s", verbs[rng.IntN(len(verbs))], topics[rng.IntN(len(topics))], tails[rng.IntN(len(tails))])
			fmt.Fprintf(bw, "%s %s, %s %s, %s \"%s\", %s \"%02d:00\", %s \"%02d:50\", %s \"Room %d\", %s [",
				k("id"), quote("s"+strconv.Itoa(i)), k("title"), quote(title), k("date"), start.AddDate(0, 0, day).Format("2006-01-02"),
				k("start"), h, k("end"), h, k("room"), room, k("speakers"))
			ns := 1 + rng.IntN(3)
			for j := range ns {
				sp := speakerOf(i, j)
				if j == 0 && clash[i] {
					// The speaker of the session in the next room at the
					// same time: a speaker-overlap finding.
					sp = speakerOf(i-room+(room+1)%c.Rooms, 0)
				}
				if j > 0 {
					bw.WriteString(", ")
				}
				fmt.Fprintf(bw, "{%s %s, %s %s}", k("name"), quote(speakerName(sp)), k("affiliation"), quote(orgs[sp%len(orgs)]))
			}
			fmt.Fprintf(bw, "], %s [%s, %s], %s %s}", k("tags"), quote(tagWords[i%len(tagWords)]), quote(tagWords[(i/7)%len(tagWords)]),
				k("abstract"), quote(abstract(rng, c.Abstract)))
		}
		if c.JSON {
			bw.WriteString("]}")
		}
	}
	if c.JSON {
		bw.WriteString("\n]}")
	}
	bw.WriteString("\n")
	return bw.Flush()
}

func speakerName(i int) string {
	return fmt.Sprintf("%s %s %d", firstNames[i%len(firstNames)], lastNames[(i/len(firstNames))%len(lastNames)], i)
}

// abstract is paragraphs of sentences, at least size bytes in all.
func abstract(rng *rand.Rand, size int) string {
	var b strings.Builder
	for b.Len() < size {
		if b.Len() > 0 {
			if rng.IntN(2) == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(sentences[rng.IntN(len(sentences))])
	}
	return b.String()
}

// quote writes s as a JSON string, which is also a YAML double-quoted one.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
