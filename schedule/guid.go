package schedule

import "github.com/schedkit/schedkit/internal/uuid"

// DerivedGUID returns the GUID of a session that has none: the name-based
// UUID version 5 (RFC 9562 §5.5, SHA-1) in the URL namespace of the name
// "urn:schedkit:" + conferenceID + ":" + sessionID. It is stable as long as
// the conference id and the session id are, so every export of a schedule
// gives a session the same GUID.
func DerivedGUID(conferenceID, sessionID string) string {
	return uuid.Format(uuid.V5(uuid.URLNamespace, "urn:schedkit:"+conferenceID+":"+sessionID))
}

// GUIDOf returns the session's GUID, or the derived one when it has none.
func (sc *Schedule) GUIDOf(s *Session) string {
	if s.GUID != "" {
		return s.GUID
	}
	return DerivedGUID(sc.Conference.ID, s.ID)
}
