package schedule

// Normalize sets each session's Room to the canonical spelling of its
// room: of Load (and the other readers), Normalize and Validate, it is the
// one step that changes a loaded schedule. Loaders keep rooms as the file
// spells them, so that findings quote the file; exports, import, diff and
// the messages of Validate want one spelling per room. Run it once after
// loading and before Validate, which only reads; the CLI does so for every
// command.
//
// Spellings are one room when their NameKeys are (case, white space and
// Unicode form aside). The canonical spelling is the registry's name for
// one of a room's names or aliases (the first room to claim a NameKey
// keeps it), or, without a registry, the first spelling in the file. A
// room not in a non-empty registry is left as written: Validate reports
// it (unknown-room), as it does a registry name or alias that an earlier
// room claimed (bad-value).
//
// Normalize returns a room-variant warning for each spelling it changed,
// once per spelling, that is not itself a name or alias of the registry.
// On a schedule it has normalised, a second call changes nothing and
// reports nothing, except where a room's own name is claimed by an
// earlier room (a bad-value error) and sessions use that room's aliases:
// they get the room's name, which a second call takes to the earlier room.
func Normalize(s *Schedule) []Diagnostic {
	var diags []Diagnostic
	canon, exact := registry(s.Rooms, nil)
	reg := len(s.Rooms) > 0
	warned := map[string]bool{}    // variant spellings already reported
	first := map[string]*Session{} // NameKey → the session that set the canonical spelling
	keys := map[string]string{}    // spelling → NameKey: rooms are few, sessions many
	for _, ss := range s.Sessions {
		if ss.Room == "" {
			continue
		}
		key, ok := keys[ss.Room]
		if !ok {
			key = NameKey(ss.Room)
			keys[ss.Room] = key
		}
		c, ok := canon[key]
		switch {
		case !ok && reg:
			continue // unknown-room: Validate's
		case !ok:
			canon[key] = ss.Room
			exact[ss.Room] = true
			first[key] = ss
			continue
		}
		if !exact[ss.Room] && !warned[ss.Room] {
			warned[ss.Room] = true
			var d Diagnostic
			if f := first[key]; f != nil {
				d = Diag(RuleRoomVariant, ss.At("room"), "%s: room %q differs from %q of %s only in case, spacing or Unicode form; treated as one room", Who(ss), ss.Room, c, Who(f))
				d.Related = related(f, ss)
			} else {
				d = Diag(RuleRoomVariant, ss.At("room"), "%s: room %q differs from %q of rooms: only in case, spacing or Unicode form; treated as one room", Who(ss), ss.Room, c)
				d.Related = related(ss)
			}
			diags = append(diags, d)
		}
		ss.Room = c
	}
	return diags
}

// registry indexes the room registry: canon maps the NameKey of each
// name and alias to its room's name, the first room to claim a NameKey
// keeping it, and exact holds the names and aliases that so map to their
// own room. When conflict is not nil it gets a bad-value finding for each
// name or alias an earlier room has claimed.
func registry(rooms []Room, conflict func(Diagnostic)) (canon map[string]string, exact map[string]bool) {
	canon = map[string]string{} // NameKey → canonical name
	exact = map[string]bool{}   // spellings that need no room-variant warning
	for _, r := range rooms {
		for i, name := range append([]string{r.Name}, r.Aliases...) {
			key := NameKey(name)
			if other, taken := canon[key]; taken && other != r.Name {
				if conflict != nil {
					what := "name"
					if i > 0 {
						what = "alias"
					}
					conflict(Diag(RuleBadValue, r.Pos, "room %s %q of %q is also a name or alias of room %q; sessions there go to %q",
						what, name, r.Name, other, other))
				}
				continue
			}
			canon[key] = r.Name
			exact[name] = true
		}
	}
	return canon, exact
}
