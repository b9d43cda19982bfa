package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/schedkit/schedkit/format"
	"github.com/schedkit/schedkit/format/ics"
	"github.com/schedkit/schedkit/internal/atomicfile"
	"github.com/schedkit/schedkit/schedule"
	"github.com/urfave/cli/v2"
)

func (e *env) exportICSCommand() *cli.Command {
	return &cli.Command{
		Name:  "ics",
		Usage: "write iCalendar feeds (RFC 5545) to publish for calendar apps",
		UsageText: `schedkit export ics [--track ID]... [--room NAME]... [--speaker NAME]... [--session ID]... [-o FILE] <file>
schedkit export ics --split {track | room | speaker} --out-dir DIR [flags] <file>`,
		Description: `Writes one feed (stdout or -o FILE), or with --split one feed per track,
room or speaker plus all.ics in --out-dir. Feeds use CRLF, fold long lines,
carry local times with a VTIMEZONE from the tz database (UTC for a time that
occurs twice at a DST change), and give every session the same UID in every
feed and every format.

Without --state the output depends on the input only: DTSTAMP and
LAST-MODIFIED are $SOURCE_DATE_EPOCH when set, else the earliest session
start, and SEQUENCE is 0.

--state FILE remembers what subscribers last saw. An event whose session
changed since the last export, as schedkit diff would report it, gets
SEQUENCE+1 and LAST-MODIFIED set to the export time ($SOURCE_DATE_EPOCH
when set, else now); a session gone from the schedule is published as
STATUS:CANCELLED. The state file is created when missing. With -o or
--split it is written together with the feeds: when any of them cannot be
written, none is changed.

The state records the conference id; a state of another conference is
refused (exit 2) unless --allow-conference-change says the id changed on
purpose: the old conference's events are then published as cancelled.`,
		Flags: append(exportFlags(true),
			&cli.StringFlag{Name: "state", Usage: "keep SEQUENCE and LAST-MODIFIED across exports in `FILE` (JSON)"},
			&cli.BoolFlag{Name: "allow-conference-change", Usage: "accept a --state written for another conference id (its events are published as cancelled)"},
			&cli.StringFlag{Name: "refresh", Value: schedule.FormatDuration(ics.DefaultRefresh), DefaultText: schedule.FormatDuration(ics.DefaultRefresh), Usage: "polling interval `DURATION` suggested to subscribers (REFRESH-INTERVAL, X-PUBLISHED-TTL), such as 30m, 6h or 1d"},
		),
		Action: e.exportICS,
	}
}

func (e *env) exportICS(c *cli.Context) error {
	refresh, err := parseRefresh(c.String("refresh"))
	if err != nil {
		return usageErrorf("--refresh %s", err)
	}
	epoch, err := sourceDateEpoch(e.getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		return usageErrorf("%v", err)
	}
	statePath := c.String("state")
	var st *ics.State
	if statePath != "" {
		if st, err = readState(statePath); err != nil {
			return troublef("--state %s: %v", statePath, err)
		}
	}
	var (
		stamp time.Time
		revs  map[*schedule.Session]ics.Revision
	)
	job := exportJob{
		ext: ".ics",
		prepare: func(s *schedule.Schedule) error {
			if st == nil {
				stamp = feedStamp(epoch, s)
				return nil
			}
			if st.Conference != "" && st.Conference != s.Conference.ID && !c.Bool("allow-conference-change") {
				return troublef("--state %s was written for conference %q, not %q: pass the state file of this schedule, or --allow-conference-change if the conference id changed on purpose (the events of %q are then published as cancelled)",
					statePath, st.Conference, s.Conference.ID, st.Conference)
			}
			now := epoch
			if now.IsZero() {
				now = e.now()
			}
			var gone []*schedule.Session
			revs, gone = st.Update(s, now)
			// Cancelled events join the schedule so that filters and
			// --split see them, in the tracks they had (kept, for --track,
			// when the whole track is gone).
			s.Sessions = append(s.Sessions, gone...)
			for _, x := range gone {
				if x.Track != nil && !slices.Contains(s.Tracks, x.Track) {
					s.AddTrack(x.Track)
				}
			}
			return nil
		},
		encode: func(w io.Writer, s *schedule.Schedule, g format.Group) error {
			name := s.Conference.Name
			if g.By != "" {
				name += " – " + g.Name
			}
			return ics.Encode(w, s, g.Sessions, ics.Options{
				Version: version(), Name: name, Refresh: refresh, Stamp: stamp, Revisions: revs,
			})
		},
	}
	if st != nil {
		// Written with the feeds in one batch: a feed that cannot be
		// written leaves the state as it was, and a state that cannot be
		// written leaves the feeds.
		job.extra = func(*schedule.Schedule) []atomicfile.File {
			return []atomicfile.File{{Path: statePath, Write: func(w io.Writer) error {
				data, err := st.Marshal()
				if err != nil {
					return err
				}
				_, err = w.Write(data)
				return err
			}}}
		}
	}
	return e.runExport(c, job)
}

// feedStamp is the DTSTAMP and LAST-MODIFIED of events without --state:
// $SOURCE_DATE_EPOCH (epoch, zero when unset), else ics.DefaultStamp. The
// timetable page's .ics download uses it too.
func feedStamp(epoch time.Time, s *schedule.Schedule) time.Time {
	if epoch.IsZero() {
		return ics.DefaultStamp(s)
	}
	return epoch
}

// sourceDateEpoch parses $SOURCE_DATE_EPOCH (reproducible-builds.org): a
// decimal count of seconds since 1970 UTC. Empty gives the zero time.
func sourceDateEpoch(v string) (time.Time, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 || n > 253402300799 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a Unix time in seconds", v)
	}
	return time.Unix(n, 0).UTC(), nil
}

// readState reads a state file; a missing file is an empty state. It
// reads at most ics.MaxState+1 bytes and refuses what is not a regular
// file (/dev/zero, a pipe, a directory), which would never end or be
// replaced by the next write.
func readState(path string) (*ics.State, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &ics.State{}, nil
	}
	if err != nil {
		return nil, unwrapPath(err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, unwrapPath(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s); a state file is a JSON file schedkit writes", fileKind(fi.Mode()))
	}
	if fi.Size() > ics.MaxState {
		return nil, fmt.Errorf("larger than %d MiB; not a schedkit state file", ics.MaxState>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, ics.MaxState+1))
	if err != nil {
		return nil, unwrapPath(err)
	}
	return ics.ParseState(data)
}

// unwrapPath drops the operation and path of an *fs.PathError: the
// message names the file already.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// fileKind names the type of a file that is not a regular one.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "mode " + m.String()
}

// parseRefresh parses --refresh: a Go duration ("30m", "6h") with an
// optional leading number of days ("1d", "1d12h"), in whole seconds and at
// least a minute.
func parseRefresh(s string) (time.Duration, error) {
	var days time.Duration
	if n, rest, ok := strings.Cut(s, "d"); ok {
		d, err := strconv.Atoi(n)
		if err != nil || d < 0 || d > 366 {
			return 0, fmt.Errorf("%q: days are a whole number up to 366, as in 1d or 1d12h", s)
		}
		days, s = time.Duration(d)*24*time.Hour, rest
	}
	var d time.Duration
	if s != "" {
		var err error
		if d, err = time.ParseDuration(s); err != nil || d < 0 {
			return 0, fmt.Errorf("%q is not a duration such as 30m, 6h, 1d or 1d12h", s)
		}
	}
	if d += days; d < time.Minute || d%time.Second != 0 {
		return 0, fmt.Errorf("%v: use whole seconds, at least 1m", d)
	}
	return d, nil
}
