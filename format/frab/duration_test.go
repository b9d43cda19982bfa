package frab

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestParseDuration(t *testing.T) {
	type result struct {
		D, Alt    time.Duration
		Ambiguous bool
		Err       bool
	}
	tests := []struct {
		in   string
		want result
	}{
		{"00:30", result{D: 30 * time.Minute}},
		{"0:30", result{D: 30 * time.Minute}},
		{" 01:15 ", result{D: 75 * time.Minute}},
		{"12:59", result{D: 12*time.Hour + 59*time.Minute}},
		{"100:00", result{D: 100 * time.Hour}},
		{"00:30:00", result{D: 30 * time.Minute, Alt: 30 * time.Hour}}, // D:HH:MM would be 30 hours: no such hour
		{"01:00:00", result{D: time.Hour, Alt: 24 * time.Hour, Ambiguous: true}},
		{"0:01:30", result{D: time.Minute + 30*time.Second, Alt: time.Hour + 30*time.Minute, Ambiguous: true}},
		{"00:00:00", result{}},
		{"1:60", result{Err: true}},
		{"0:10:60", result{Err: true}},
		{"90", result{Err: true}},
		{"1h30m", result{Err: true}},
		{"", result{Err: true}},
	}
	for _, tc := range tests {
		d, amb, alt, err := parseDuration(tc.in)
		if diff := cmp.Diff(tc.want, result{d, alt, amb, err != nil}); diff != "" {
			t.Errorf("parseDuration(%q) (-want +got):\n%s", tc.in, diff)
		}
	}
}

// TestFormatDuration: the writers' HH:MM, which the readers read back to
// the minute.
func TestFormatDuration(t *testing.T) {
	tests := []struct {
		in   time.Duration
		want string
	}{
		{0, "00:00"},
		{5 * time.Minute, "00:05"},
		{50 * time.Minute, "00:50"},
		{90 * time.Minute, "01:30"},
		{25 * time.Hour, "25:00"},
		{123*time.Hour + 4*time.Minute, "123:04"},
		{10*time.Minute + 59*time.Second, "00:10"}, // seconds dropped
	}
	for _, tc := range tests {
		got := FormatDuration(tc.in)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("FormatDuration(%v) (-want +got):\n%s", tc.in, diff)
		}
		back, amb, _, err := parseDuration(got)
		if diff := cmp.Diff(tc.in.Truncate(time.Minute), back); diff != "" || amb || err != nil {
			t.Errorf("parseDuration(%q) = %v, ambiguous %v, %v; want %v (-want +got):\n%s", got, back, amb, err, tc.in.Truncate(time.Minute), diff)
		}
	}
}
