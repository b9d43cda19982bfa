package schedule

// RoomOrder ranks the rooms of s in the order people expect to see them,
// as frab apps and printed programs show them: the rooms of the registry
// (Rooms) in its order, each alias ranked with its room (the first room
// to claim a NameKey keeps it, as in Normalize), then the other rooms of
// the sessions in order of first appearance in the file (Sessions is in
// source order). Keys are NameKeys; the key of a session without a room,
// "", ranks like a room outside the registry. Ranks are increasing, not
// necessarily consecutive.
func (s *Schedule) RoomOrder() map[string]int {
	order := map[string]int{}
	for i, r := range s.Rooms {
		for _, name := range append([]string{r.Name}, r.Aliases...) {
			if k := NameKey(name); !ranked(order, k) {
				order[k] = i
			}
		}
	}
	next := len(s.Rooms)
	for _, ss := range s.Sessions {
		if k := NameKey(ss.Room); !ranked(order, k) {
			order[k] = next
			next++
		}
	}
	return order
}

func ranked(m map[string]int, k string) bool {
	_, ok := m[k]
	return ok
}
