package schedule

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/internal/tzdata"
)

func TestChooseZone(t *testing.T) {
	tests := []struct {
		file, flag     string
		zone, conflict string
	}{
		{"", "", "", ""},
		{"", "Europe/Paris", "Europe/Paris", ""},
		{"Europe/Berlin", "", "Europe/Berlin", ""},
		{"Europe/Berlin", "Europe/Berlin", "Europe/Berlin", ""},
		{"Europe/Berlin", "Europe/Paris", "Europe/Berlin", "--timezone Europe/Paris contradicts the file's timezone Europe/Berlin; using Europe/Berlin"},
	}
	for _, tt := range tests {
		zone, conflict := ChooseZone(tt.file, tt.flag, "the file's timezone")
		if diff := cmp.Diff([2]string{tt.zone, tt.conflict}, [2]string{zone, conflict}); diff != "" {
			t.Errorf("ChooseZone(%q, %q) (-want +got):\n%s", tt.file, tt.flag, diff)
		}
	}
}

// TestWallProblem: the message of each kind of wall time, in a zone that
// springs forward and falls back (Berlin) and one that goes back by 30
// minutes (Lord Howe).
func TestWallProblem(t *testing.T) {
	tests := []struct {
		d          Date
		min        int
		zone       string
		rule, want string
	}{
		{Date{2024, 3, 31}, 2*60 + 30, "Europe/Berlin", "dst-gap",
			"2024-03-31 02:30 does not exist in Europe/Berlin: clocks jump from 02:00 CET to 03:00 CEST"},
		{Date{2024, 10, 27}, 2*60 + 30, "Europe/Berlin", "dst-ambiguous",
			"2024-10-27 02:30 occurs twice in Europe/Berlin (clocks go back from 03:00 CEST to 02:00 CET); read as the first occurrence, 02:30 CEST (UTC+02:00), not 02:30 CET (UTC+01:00)"},
		{Date{2024, 4, 7}, 1*60 + 45, "Australia/Lord_Howe", "dst-ambiguous",
			"2024-04-07 01:45 occurs twice in Australia/Lord_Howe (clocks go back from 02:00 +11 to 01:30 +1030); read as the first occurrence, 01:45 +11 (UTC+11:00), not 01:45 +1030 (UTC+10:30)"},
		{Date{2024, 10, 27}, 4 * 60, "Europe/Berlin", "", ""},
	}
	for _, tt := range tests {
		loc, err := LoadLocation(tt.zone)
		if err != nil {
			t.Fatal(err)
		}
		at, kind := ResolveWall(tt.d, tt.min, loc)
		rule, msg := WallProblem(at, kind, tt.d, tt.min, loc)
		if diff := cmp.Diff([2]string{tt.rule, tt.want}, [2]string{rule, msg}); diff != "" {
			t.Errorf("%s %s in %s (-want +got):\n%s", tt.d, FormatClock(tt.min), tt.zone, diff)
		}
	}
}

// TestFormatDuration: the one form of durations in messages and in the
// YAML schedkit writes, which ParseDuration reads back.
func TestFormatDuration(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{0, "0m"},
		{50 * time.Minute, "50m"},
		{90 * time.Minute, "1h30m"},
		{65 * time.Minute, "1h5m"},
		{4 * time.Hour, "4h"},
		{26 * time.Hour, "26h"}, // no day unit
		{24*time.Hour + time.Minute, "24h1m"},
		{10*time.Minute + 30*time.Second, "10m30s"},
		{45 * time.Second, "45s"},
		{time.Hour + 5*time.Second, "1h5s"},
		{1500 * time.Millisecond, "1s"}, // fractions dropped
		{999 * time.Millisecond, "0m"},
		{-90 * time.Minute, "-1h30m"},
	}
	for _, tc := range tests {
		got := FormatDuration(tc.in)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("FormatDuration(%v) (-want +got):\n%s", tc.in, diff)
		}
		if tc.in < 0 {
			continue // ParseDuration takes no negative durations
		}
		back, err := ParseDuration(got)
		if err != nil || back != tc.in.Truncate(time.Second) {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", got, back, err, tc.in.Truncate(time.Second))
		}
	}
}

// TestLoadLocationUnknown: an unknown zone's message suggests the closest
// name of the tz database (issue 10.9a), or an example when none is close;
// the error is still tzdata.ErrUnknown.
func TestLoadLocationUnknown(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Europe/Berln", `unknown time zone "Europe/Berln" (did you mean Europe/Berlin?)`},
		{"america/new_york", `unknown time zone "america/new_york" (did you mean America/New_York?)`},
		{"Asia/Kolkatta", `unknown time zone "Asia/Kolkatta" (did you mean Asia/Kolkata?)`},
		{"Mars/Base", `unknown time zone "Mars/Base" (use an IANA name such as Europe/Berlin)`},
		{"Local", `"Local" is not an IANA time zone name`},
	}
	for _, tc := range tests {
		_, err := LoadLocation(tc.name)
		got := "<nil>"
		if err != nil {
			got = err.Error()
		}
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("LoadLocation(%q) error (-want +got):\n%s", tc.name, diff)
		}
		if tc.name != "Local" && !errors.Is(err, tzdata.ErrUnknown) {
			t.Errorf("LoadLocation(%q): %v is not tzdata.ErrUnknown", tc.name, err)
		}
	}
}
