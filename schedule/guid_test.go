package schedule

import "testing"

// The expected values come from Python's uuid.uuid5(uuid.NAMESPACE_URL,
// "urn:schedkit:<conference>:<session>"), an independent implementation.
func TestDerivedGUID(t *testing.T) {
	tests := []struct{ conf, session, want string }{
		{"c", "s", "5f12a5cd-e281-5d6a-b93d-80623b124bcf"},
		{"minicon-2026", "102", "e38fbebe-660f-5eb0-951f-c7a51b05f2f7"}, // testdata/frab/mini.schedule.xml
	}
	for _, tc := range tests {
		if got := DerivedGUID(tc.conf, tc.session); got != tc.want {
			t.Errorf("DerivedGUID(%q, %q) = %s, want %s", tc.conf, tc.session, got, tc.want)
		}
	}
	s := &Schedule{Conference: Conference{ID: "c"}}
	if got := s.GUIDOf(&Session{ID: "s"}); got != "5f12a5cd-e281-5d6a-b93d-80623b124bcf" {
		t.Errorf("GUIDOf without a guid = %s", got)
	}
	if got := s.GUIDOf(&Session{ID: "s", GUID: "x"}); got != "x" {
		t.Errorf("GUIDOf keeps the guid: got %s", got)
	}
}
