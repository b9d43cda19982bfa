// Package uuid makes and checks the UUIDs of RFC 9562 that schedkit needs:
// name-based version 5 UUIDs (derived GUIDs, calendar UIDs) and the
// 8-4-4-4-12 text form.
package uuid

import (
	"crypto/sha1"
	"strings"
)

// URLNamespace is the RFC 9562 name space ID for URLs,
// 6ba7b811-9dad-11d1-80b4-00c04fd430c8 (RFC 9562 §6.6). It must not be
// changed: every derived GUID and calendar UID depends on it.
var URLNamespace = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// V5 returns the name-based UUID version 5 (RFC 9562 §5.5, SHA-1) of
// name in the name space space.
func V5(space [16]byte, name string) [16]byte {
	return V5Of(append(space[:], name...))
}

// V5Of is V5 of the name space and name given as one slice: the 16 bytes
// of the space followed by the name. It allocates nothing, for callers
// that make many UUIDs with one buffer.
func V5Of(spaceAndName []byte) [16]byte {
	sum := sha1.Sum(spaceAndName)
	var u [16]byte
	copy(u[:], sum[:])
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 9562 variant
	return u
}

// Format writes u in the 8-4-4-4-12 form of RFC 9562 §4, with
// lower-case hex digits.
func Format(u [16]byte) string {
	return string(AppendFormat(nil, u))
}

// AppendFormat appends u as Format writes it.
func AppendFormat(b []byte, u [16]byte) []byte {
	const hex = "0123456789abcdef"
	for i, c := range u {
		if i == 4 || i == 6 || i == 8 || i == 10 {
			b = append(b, '-')
		}
		b = append(b, hex[c>>4], hex[c&0xf])
	}
	return b
}

// Valid reports whether s is a UUID in the 8-4-4-4-12 hex form of
// RFC 9562 §4, in either case. Version and variant bits are not checked.
func Valid(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, r := range s {
		switch i {
		case 8, 13, 18, 23:
			if r != '-' {
				return false
			}
		default:
			if !strings.ContainsRune("0123456789abcdefABCDEF", r) {
				return false
			}
		}
	}
	return true
}
