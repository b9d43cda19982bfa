package ics

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/schedkit/schedkit/schedule"
	"github.com/schedkit/schedkit/schedule/diff"
)

// cloneSchedule copies s deeply enough that editing a session, its lists
// or a track of the copy leaves s as it was.
func cloneSchedule(s *schedule.Schedule) *schedule.Schedule {
	c := *s
	tracks := map[*schedule.Track]*schedule.Track{}
	c.Tracks = nil
	for _, t := range s.Tracks {
		ct := *t
		ct.Sessions = nil
		tracks[t] = &ct
		c.Tracks = append(c.Tracks, &ct)
	}
	c.Sessions = make([]*schedule.Session, len(s.Sessions))
	for i, x := range s.Sessions {
		cx := *x
		cx.Speakers, cx.Tags, cx.Links, cx.Attachments = slices.Clone(x.Speakers), slices.Clone(x.Tags), slices.Clone(x.Links), slices.Clone(x.Attachments)
		if x.Track != nil {
			cx.Track = tracks[x.Track]
			cx.Track.Sessions = append(cx.Track.Sessions, &cx)
		}
		c.Sessions[i] = &cx
	}
	return &c
}

// pick returns one of vs.
func pick[T any](rng *rand.Rand, vs ...T) T { return vs[rng.IntN(len(vs))] }

// sessionEdits edit a random field of session x of s, by the name of the
// diff field they touch; many of them may leave the field as it was (the
// same value again, another spelling, another zone), which is no change.
var sessionEdits = map[string]func(rng *rand.Rand, s *schedule.Schedule, x *schedule.Session){
	"title": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		x.Title = pick(rng, x.Title, x.Title+" (updated)", "Title")
	},
	"subtitle": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		x.Subtitle = pick(rng, x.Subtitle, "", "A subtitle")
	},
	"track": func(rng *rand.Rand, s *schedule.Schedule, x *schedule.Session) {
		switch rng.IntN(3) {
		case 0: // to another track (or its own)
			t := pick(rng, s.Tracks...)
			x.Track.Sessions = slices.DeleteFunc(x.Track.Sessions, func(y *schedule.Session) bool { return y == x })
			x.Track = t
			t.Sessions = append(t.Sessions, x)
		case 1: // a new id for the whole track: a change of each of its sessions
			x.Track.ID = pick(rng, x.Track.ID, x.Track.ID+"-2")
		case 2: // to the placeholder of no track, whose name is not shown
			i := slices.IndexFunc(s.Tracks, schedule.IsNoTrack)
			if i < 0 {
				s.AddTrack(&schedule.Track{ID: schedule.NoTrackID, Name: schedule.NoTrackName})
				i = len(s.Tracks) - 1
			}
			x.Track.Sessions = slices.DeleteFunc(x.Track.Sessions, func(y *schedule.Session) bool { return y == x })
			x.Track = s.Tracks[i]
			x.Track.Sessions = append(x.Track.Sessions, x)
		}
	},
	"track name": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		// A new name of the whole track: a change of each of its
		// sessions (the feed shows the name in CATEGORIES).
		if x.Track != nil && !schedule.IsNoTrack(x.Track) {
			x.Track.Name = pick(rng, x.Track.Name, x.Track.Name+" (renamed)", "Track")
		}
	},
	"room": func(rng *rand.Rand, s *schedule.Schedule, x *schedule.Session) {
		other := pick(rng, s.Sessions...).Room
		// Respelled in case or spacing: no change.
		x.Room = pick(rng, "Elsewhere", other, strings.ToUpper(x.Room), " "+x.Room+" ")
	},
	"start": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		if t := x.Start.Add(pick(rng, 0, time.Second, -5*time.Minute, 10*time.Minute, -time.Hour)); t.Before(x.End) {
			x.Start = pick(rng, t, t.UTC()) // another zone: no change
		}
	},
	"end": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		if t := x.End.Add(pick(rng, 0, 30*time.Second, 5*time.Minute, -5*time.Minute, time.Hour)); t.After(x.Start) {
			x.End = t
		}
	},
	"type": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		x.Type = pick(rng, schedule.SessionTypes...)
	},
	"status": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		x.Status = pick(rng, schedule.SessionStatuses...)
	},
	"speakers": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		switch rng.IntN(6) {
		case 0:
			x.Speakers = append(x.Speakers, schedule.Person{Name: "Kim Doe"})
		case 1:
			if len(x.Speakers) > 0 {
				x.Speakers = x.Speakers[1:]
			}
		case 2:
			slices.Reverse(x.Speakers)
		case 3:
			if len(x.Speakers) > 0 {
				x.Speakers[0].Affiliation = pick(rng, x.Speakers[0].Affiliation, "Another Org")
			}
		case 4: // a speaker's id is not compared
			if len(x.Speakers) > 0 {
				x.Speakers[0].ID = pick(rng, "", "42", x.Speakers[0].ID+"x")
			}
		case 5:
			x.Speakers = pick(rng, nil, []schedule.Person{})
		}
	},
	"abstract": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		x.Abstract = pick(rng, x.Abstract, x.Abstract+" Updated.", "")
	},
	"url": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		x.URL = pick(rng, x.URL, "", "https://example.org/talk")
	},
	"language": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		x.Language = pick(rng, x.Language, "", "en", "de")
	},
	"tags": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		switch rng.IntN(4) {
		case 0:
			x.Tags = append(x.Tags, "new")
		case 1:
			slices.Reverse(x.Tags)
		case 2:
			x.Tags = pick(rng, nil, []string{}) // alike: no tags
		case 3:
			if len(x.Tags) > 0 {
				x.Tags = x.Tags[1:]
			}
		}
	},
	"description": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		// Shown by the event only without an abstract: drop the abstract
		// now and then, so that both cases come up.
		x.Description = pick(rng, x.Description, "", "A description", "Another description")
		if rng.IntN(3) == 0 {
			x.Abstract = ""
		}
	},
	"links": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		x.Links = pick(rng, x.Links, nil, []schedule.Link{{Title: "Slides", URL: "https://x.example/slides"}})
	},
	"attachments": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		x.Attachments = pick(rng, x.Attachments, nil, []schedule.Link{{Title: "Paper", URL: "https://x.example/paper.pdf"}})
	},
	"do_not_record": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		x.DoNotRecord = pick(rng, x.DoNotRecord, !x.DoNotRecord)
	},
	"recording_license": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		x.RecordingLicense = pick(rng, x.RecordingLicense, "", "CC BY 4.0")
	},
	"logo": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		x.Logo = pick(rng, x.Logo, "", "https://x.example/logo.png", "/relative/logo.png")
	},
	"feedback_url": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		x.FeedbackURL = pick(rng, x.FeedbackURL, "", "https://x.example/feedback")
	},
	"origin_url": func(rng *rand.Rand, _ *schedule.Schedule, x *schedule.Session) {
		x.OriginURL = pick(rng, x.OriginURL, "", "https://x.example/origin")
	},
	"guid": func(rng *rand.Rand, s *schedule.Schedule, x *schedule.Session) {
		// The derived guid written out is no change; dropping it neither.
		x.GUID = pick(rng, "", schedule.DerivedGUID(s.Conference.ID, x.ID), fmt.Sprintf("00000000-0000-4000-8000-%012d", rng.IntN(3)))
	},
}

// byID returns the session of id in s (the fixtures' ids are unique).
func byID(s *schedule.Schedule, id string) *schedule.Session {
	for _, x := range s.Sessions {
		if x.ID == id {
			return x
		}
	}
	return nil
}

// TestStateAgreesWithDiff is the property that ties the feeds to schedkit
// diff: over random edits of real-ish schedules, one export after the
// other with the state kept in its file between them, an event gets a
// higher SEQUENCE exactly when diff.Compare of the previous schedule and
// the new one reports its session changed in a field the event shows
// (diff.EventChanged of the pair; the description only for a session
// without an abstract). Every field diff compares is edited and reported
// changed; those no event shows bump nothing.
func TestStateAgreesWithDiff(t *testing.T) {
	var names []string
	for _, f := range diff.Fields() {
		names = append(names, f.Name)
		if sessionEdits[f.Name] == nil {
			t.Errorf("no edit of diff field %q: the state may not record it", f.Name)
		}
	}
	fixtures := []string{"../../testdata/qcon-ny-2019.yaml"}
	more, _ := filepath.Glob("../../testdata/ics/*.yaml")
	fixtures = append(fixtures, more...)
	for i, file := range fixtures {
		t.Run(filepath.Base(file), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(2024, uint64(i)))
			prev := load(t, file)
			st := &State{}
			now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
			st.Update(prev, now)
			reported := map[string]bool{} // fields diff reported changed at least once
			var changed, same int         // sessions seen changed and unchanged
			for round := range 300 {
				next := cloneSchedule(prev)
				for range 1 + rng.IntN(3) {
					name := pick(rng, names...)
					sessionEdits[name](rng, next, pick(rng, next.Sessions...))
				}
				res := diff.Compare(prev, next)
				if len(res.Added) > 0 || len(res.Removed) > 0 || len(res.Conference) > 0 {
					t.Fatalf("round %d: edits added, removed or changed the conference: %+v", round, res)
				}
				want := map[string]bool{}
				for _, c := range res.Changed {
					if diff.EventChanged(prev, byID(prev, c.ID), next, byID(next, c.ID)) {
						want[c.ID] = true
					}
					for _, f := range c.Fields {
						reported[f.Field] = true
					}
				}

				// Through the file, as between two runs of schedkit.
				before := map[string]int{}
				for uid, r := range st.Events {
					before[uid] = r.Sequence
				}
				data, err := st.Marshal()
				if err != nil {
					t.Fatal(err)
				}
				if st, err = ParseState(data); err != nil {
					t.Fatalf("round %d: %v", round, err)
				}
				now = now.Add(time.Hour)
				revs, gone := st.Update(next, now)
				if len(gone) > 0 {
					t.Fatalf("round %d: %d sessions gone", round, len(gone))
				}
				got := map[string]bool{}
				for _, x := range next.Sessions {
					r, ok := revs[x]
					if !ok {
						t.Fatalf("round %d: no revision of %s", round, x.ID)
					}
					if r.Sequence > before[r.UID] {
						got[x.ID] = true
						changed++
					} else {
						same++
					}
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Fatalf("round %d: sessions diff reports changed (-want) and SEQUENCEs bumped (+got):\n%s", round, diff)
				}
				prev = next
			}
			if changed == 0 || same == 0 {
				t.Errorf("%d changed and %d unchanged sessions: the edits test nothing", changed, same)
			}
			var seen []string
			for _, n := range names {
				if reported[n] {
					seen = append(seen, n)
				}
			}
			if diff := cmp.Diff(names, seen); diff != "" {
				t.Errorf("fields never changed by the edits (-want +got):\n%s", diff)
			}
		})
	}
}
