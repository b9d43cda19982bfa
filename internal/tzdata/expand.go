package tzdata

import (
	"bytes"
	"encoding/binary"
	"time"
)

// The zone files of the embedded database are "slim" (zic -b slim): their
// table of transitions stops where a POSIX TZ rule (the file's footer, such
// as "CET-1CEST,M3.5.0,M10.5.0/3") can say the rest. The time package then
// works out every instant past the table from that rule, parsing the rule
// anew on each lookup: for the schedules of these years that was 10% of
// the CPU of "schedkit export ics" (time.tzset, from time.Date and from
// each formatted time). expand writes the table out up to expandUntil, so
// that such lookups are a binary search in the table; the footer still
// serves the instants after it.

// expandUntil is where the expanded table stops: 2200-01-01T00:00:00Z.
const expandUntil = 7258118400

// footer returns the POSIX TZ rule that ends a TZif file of version 2 or
// later ("" when there is none).
func footer(data []byte) string {
	if len(data) < 2 || data[len(data)-1] != '\n' {
		return ""
	}
	i := bytes.LastIndexByte(data[:len(data)-1], '\n')
	if i < 0 {
		return ""
	}
	return string(data[i+1 : len(data)-1])
}

// expand returns a TZif (version 2) file of the zone of loc with every
// transition up to expandUntil in its table, and rule as its footer. The
// zones it gives are loc's at every instant: the same name, offset and
// daylight flag (TestExpandSameZones).
func expand(loc *time.Location, rule string) []byte {
	type zone struct {
		name   string
		offset int
		dst    bool
	}
	zoneAt := func(t time.Time) zone {
		name, off := t.Zone()
		return zone{name, off, t.IsDST()}
	}
	// Zone 0 is the zone before the first transition and is used by no
	// transition, so that the time package takes it for the instants
	// before the table (time.lookupFirstZone).
	t := time.Unix(-1<<40, 0).In(loc)
	zones := []zone{zoneAt(t)}
	index := map[zone]int{}
	var when []int64
	var idx []byte
	for last := zones[0]; ; {
		_, end := t.ZoneBounds()
		if end.IsZero() || end.Unix() > expandUntil {
			break
		}
		if !end.After(t) {
			// Past the table, ZoneBounds ends the zone that spans a
			// new year at 00:00 UTC on 31 December of a leap year,
			// where nothing changes, and gives that end again until
			// 1 January. The time package works the rule out a UTC
			// year at a time (time.tzset), so the zone after the
			// year's last transition holds to the next 1 January
			// 00:00 UTC: go there. (Stepping an hour at a time took
			// 2 ms for America/New_York, on every run.)
			u := t.UTC()
			end = time.Date(u.Year()+1, time.January, 1, 0, 0, 0, 0, time.UTC)
		}
		t = end.In(loc)
		z := zoneAt(t)
		if z == last {
			continue // no change: no transition
		}
		last = z
		i, ok := index[z]
		if !ok {
			i = len(zones)
			if i > 255 {
				return nil // more zones than TZif can index; keep the slim one
			}
			zones = append(zones, z)
			index[z] = i
		}
		when = append(when, t.Unix())
		idx = append(idx, byte(i))
	}

	var chars []byte
	abbr := map[string]int{}
	for _, z := range zones {
		if _, ok := abbr[z.name]; !ok {
			abbr[z.name] = len(chars)
			chars = append(chars, z.name...)
			chars = append(chars, 0)
		}
	}
	if len(chars) > 255 {
		return nil
	}

	var b bytes.Buffer
	header := func(ntime, nzone, nchar int) {
		b.WriteString("TZif2")
		b.Write(make([]byte, 15))
		// isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
		for _, n := range []int{0, 0, 0, ntime, nzone, nchar} {
			b.Write(binary.BigEndian.AppendUint32(nil, uint32(n)))
		}
	}
	// The version 1 (32-bit) block, which readers of version 2 skip:
	// one zone and no transitions.
	header(0, 1, 1)
	b.Write([]byte{0, 0, 0, 0, 0, 0, 0})
	header(len(when), len(zones), len(chars))
	for _, w := range when {
		b.Write(binary.BigEndian.AppendUint64(nil, uint64(w)))
	}
	b.Write(idx)
	for _, z := range zones {
		b.Write(binary.BigEndian.AppendUint32(nil, uint32(int32(z.offset))))
		dst := byte(0)
		if z.dst {
			dst = 1
		}
		b.Write([]byte{dst, byte(abbr[z.name])})
	}
	b.Write(chars)
	b.WriteString("\n" + rule + "\n")
	return b.Bytes()
}
