package uuid

import "testing"

func TestV5(t *testing.T) {
	// RFC 9562 Appendix A.4 gives the v5 UUID of "www.example.com" in the
	// DNS namespace; the URL namespace differs from it in one byte.
	dns := URLNamespace
	dns[3] = 0x10
	if got, want := Format(V5(dns, "www.example.com")), "2ed6657d-e927-568b-95e1-2665a8aea6a2"; got != want {
		t.Errorf("V5(DNS, www.example.com) = %s, want %s", got, want)
	}
	if got := Format(URLNamespace); got != "6ba7b811-9dad-11d1-80b4-00c04fd430c8" {
		t.Errorf("URLNamespace = %s", got)
	}
}

func TestValid(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"2ed6657d-e927-568b-95e1-2665a8aea6a2", true},
		{"2ED6657D-E927-568B-95E1-2665A8AEA6A2", true},
		{"2ed6657d-e927-568b-95e1-2665a8aea6a", false},
		{"2ed6657de927-568b-95e1-2665a8aea6a2-", false},
		{"2ed6657d-e927-568b-95e1-2665a8aea6g2", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := Valid(tt.in); got != tt.want {
			t.Errorf("Valid(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
