// Package suggest finds the plausible typo: the "did you mean" of unknown
// fields, rules, rooms, formats and commands.
package suggest

import (
	"strings"
	"unicode/utf8"
)

// The bounds of a suggestion, so that its cost does not grow with hostile
// input (160 KB of unknown rooms against a room registry took 12 s when
// every pair was compared in full): names longer than MaxLen runes get no
// suggestion and are not suggested, and only the first MaxCandidates
// candidates are compared. A typo is a few edits away, so the comparison
// stops as soon as a candidate cannot be close enough.
const (
	MaxLen        = 64
	MaxCandidates = 500
)

// Closest returns the candidate closest to s by edit distance, or "" when
// none is close enough to be a plausible typo: at most max(2, len(s)/3)
// edits, and fewer than len(s) (in bytes). Case does not count.
func Closest(s string, candidates []string) string {
	n := utf8.RuneCountInString(s)
	if n > MaxLen {
		return ""
	}
	limit := MaxEdits(s)
	if limit < 0 {
		return ""
	}
	a := []rune(strings.ToLower(s))
	best, bestD := "", limit+1
	for i, c := range candidates {
		if i == MaxCandidates {
			break
		}
		if utf8.RuneCountInString(c) > MaxLen {
			continue
		}
		if d := distanceUpTo(a, []rune(strings.ToLower(c)), bestD-1); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// MaxEdits is the most edits a suggestion for s may be from it:
// max(2, len(s)/3), and fewer than len(s) (in bytes); negative for "". A
// candidate whose length differs from s's by more cannot be suggested, so
// callers with long lists may leave it out before calling Closest.
func MaxEdits(s string) int {
	return min(max(2, len(s)/3), len(s)-1)
}

// distanceUpTo is the Levenshtein distance between a and b, in runes, when
// it is at most k; otherwise it is some number greater than k.
func distanceUpTo(a, b []rune, k int) int {
	if k < 0 || abs(len(a)-len(b)) > k {
		return k + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			low = min(low, cur[j])
		}
		if low > k {
			return k + 1 // every later row is at least as far
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// editDistance is the Levenshtein distance between a and b, in runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	return distanceUpTo(ra, rb, max(len(ra), len(rb)))
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
