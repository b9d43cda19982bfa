// Command benchtool is scripts/bench's helper: it generates synthetic
// schedules (internal/gen) and runs the decode floor.
//
//	benchtool gen [-json] [-rooms R] [-tracks T] [-days D] [-speakers S] [-clashes C] N > file
//	benchtool floor {json | yaml} <input> <output-bytes>
//
// The floor decodes the input into plain structs with the library schedkit
// uses for it (encoding/json, go.yaml.in/yaml/v4) and nothing else, then
// writes the bytes of the given file (the output schedkit wrote) to stdout:
// what any program reading that input and writing that output must pay.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/schedkit/schedkit/internal/gen"
	"go.yaml.in/yaml/v4"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	switch os.Args[1] {
	case "gen":
		fs := flag.NewFlagSet("gen", flag.ExitOnError)
		var c gen.Config
		fs.BoolVar(&c.JSON, "json", false, "write JSON instead of YAML")
		fs.IntVar(&c.Rooms, "rooms", 0, "rooms (default N/100, at least 4)")
		fs.IntVar(&c.Tracks, "tracks", 0, "tracks (default rooms/2)")
		fs.IntVar(&c.Days, "days", 0, "days (default: twelve slots a room a day)")
		fs.IntVar(&c.Speaker, "speakers", 0, "speakers (default N/3)")
		fs.IntVar(&c.Abstract, "abstract", 0, "least bytes of an abstract (default 250; about 300 on average)")
		fs.IntVar(&c.Clashes, "clashes", 0, "sessions with a double-booked speaker (default N/1000, -1 none)")
		fs.Parse(os.Args[2:])
		if fs.NArg() != 1 {
			usage()
		}
		n, err := strconv.Atoi(fs.Arg(0))
		if err != nil || n <= 0 {
			usage()
		}
		c.N = n
		if err := gen.Write(os.Stdout, c); err != nil {
			fail(err)
		}
	case "floor":
		if len(os.Args) != 5 {
			usage()
		}
		if err := floor(os.Args[2], os.Args[3], os.Args[4]); err != nil {
			fail(err)
		}
	default:
		usage()
	}
}

// The schedule as plain structs.
type (
	plainSchedule struct {
		Conference struct {
			Name, ID, Timezone, URL string
			Organizer               struct{ Name, Email string }
		}
		Tracks []struct {
			Name, ID, Room, Date string
			Sessions             []struct {
				ID, Title, Date, Start, End, Duration, Room, URL, Abstract, Type, Status string
				Speakers                                                                 []struct{ Name, Affiliation string }
				Tags                                                                     []string
			}
		}
	}
)

func floor(kind, in, out string) error {
	data, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var s plainSchedule
	switch kind {
	case "json":
		err = json.Unmarshal(data, &s)
	case "yaml":
		err = yaml.Unmarshal(data, &s)
	default:
		usage()
	}
	if err != nil {
		return err
	}
	n := 0
	for _, t := range s.Tracks {
		n += len(t.Sessions)
	}
	if n == 0 {
		return fmt.Errorf("%s: no sessions decoded", in)
	}
	f, err := os.Open(out)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(os.Stdout, 1<<16)
	if _, err := io.Copy(w, f); err != nil {
		return err
	}
	return w.Flush()
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: benchtool gen [-json] [-rooms R] [-tracks T] [-days D] [-speakers S] [-clashes C] N\n       benchtool floor {json | yaml} <input> <output-bytes>")
	os.Exit(2)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchtool:", err)
	os.Exit(1)
}
