package schedule

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRoomOrder(t *testing.T) {
	sessions := func(rooms ...string) []*Session {
		var ss []*Session
		for _, r := range rooms {
			ss = append(ss, &Session{Room: r})
		}
		return ss
	}
	tests := []struct {
		name string
		s    *Schedule
		want map[string]int
	}{
		{"no registry: file order, one rank per NameKey", &Schedule{Sessions: sessions("Hall B", "Hall A", "hall  b", "", "Hall C")},
			map[string]int{"hall b": 0, "hall a": 1, "": 2, "hall c": 3}},
		{"registry order, aliases with their room, unused rooms too, others after", &Schedule{
			Rooms:    []Room{{Name: "Hall C"}, {Name: "Hall A", Aliases: []string{"Aula"}}, {Name: "Hall B"}},
			Sessions: sessions("Hall B", "Annex", "Aula", "Hall A", "Basement")},
			map[string]int{"hall c": 0, "hall a": 1, "aula": 1, "hall b": 2, "annex": 3, "basement": 4}},
		{"a name claimed twice ranks with its first room", &Schedule{
			Rooms:    []Room{{Name: "Main", Aliases: []string{"Big"}}, {Name: "Side", Aliases: []string{"big"}}},
			Sessions: sessions("Big")},
			map[string]int{"main": 0, "big": 0, "side": 1}},
		{"empty", &Schedule{}, map[string]int{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, tt.s.RoomOrder()); diff != "" {
				t.Errorf("ranks (-want +got):\n%s", diff)
			}
		})
	}
}
