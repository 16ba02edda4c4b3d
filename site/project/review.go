package project

import (
	"io/fs"

	"github.com/regelgids/regelgids/site/readability"
)

// Files the readability review reads from a content folder.
const (
	ThresholdsFile = "leesbaarheid.yaml"
	JargonFile     = "woorden/jargon.txt"
	CommonFile     = "woorden/gewone-woorden.txt"
)

// ReviewLists are the word lists and thresholds the review uses.
type ReviewLists struct {
	Thresholds *readability.Thresholds
	Jargon     []string
	// Common is only for Dutch: the list is of Dutch words.
	Common map[string]bool
}

// loadReviewLists reads the thresholds and word lists. Each is optional:
// without thresholds every text is scored and none is judged.
func loadReviewLists(content fs.FS) (*ReviewLists, error) {
	l := &ReviewLists{Thresholds: &readability.Thresholds{}, Common: map[string]bool{}}
	raw, ok, err := readOptional(content, ThresholdsFile)
	if err != nil {
		return nil, err
	}
	if ok {
		if l.Thresholds, err = readability.ParseThresholds(ThresholdsFile, raw); err != nil {
			return nil, err
		}
	}
	if raw, _, err = readOptional(content, JargonFile); err != nil {
		return nil, err
	}
	l.Jargon = readability.ParseWords(raw)
	if raw, _, err = readOptional(content, CommonFile); err != nil {
		return nil, err
	}
	words := readability.ParseWords(raw)
	l.Common = make(map[string]bool, len(words)) // some thousands: made at its size
	for _, w := range words {
		l.Common[w] = true
	}
	return l, nil
}
