package schedule

import (
	"crypto/sha1"
	"fmt"
)

// guidNamespace is the UUID namespace of derived session GUIDs: the RFC 9562
// URL namespace 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
var guidNamespace = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// DerivedGUID returns the GUID of a session that has none: the name-based
// UUID version 5 (RFC 9562 §5.5, SHA-1) in the URL namespace of the name
// "urn:schedkit:" + conferenceID + ":" + sessionID. It is stable as long as
// the conference id and the session id are, so every export of a schedule
// gives a session the same GUID.
func DerivedGUID(conferenceID, sessionID string) string {
	h := sha1.New()
	h.Write(guidNamespace[:])
	h.Write([]byte("urn:schedkit:" + conferenceID + ":" + sessionID))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 9562 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// GUIDOf returns the session's GUID, or the derived one when it has none.
func (sc *Schedule) GUIDOf(s *Session) string {
	if s.GUID != "" {
		return s.GUID
	}
	return DerivedGUID(sc.Conference.ID, s.ID)
}
