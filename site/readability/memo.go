package readability

import (
	"hash/maphash"
	"slices"
	"sync"
	"sync/atomic"
)

// A site's texts use a few thousand distinct words and one jargon list, but
// Analyze runs hundreds of times a build: syllables are counted once per
// word and the jargon matcher is made once per list, for the process. Both
// are pure functions of their input, so sharing them between builds and
// goroutines changes no result.

// memoLimit bounds each memo; beyond it words are counted again rather
// than kept, so a long-running serve cannot grow without end.
const memoLimit = 1 << 17

type syllableMemo struct {
	count func(string) int
	m     sync.Map // word → int
	n     atomic.Int64
}

func (s *syllableMemo) get(w string) int {
	if v, ok := s.m.Load(w); ok {
		return v.(int)
	}
	n := s.count(w)
	if s.n.Load() < memoLimit {
		if _, loaded := s.m.LoadOrStore(w, n); !loaded {
			s.n.Add(1)
		}
	}
	return n
}

var (
	dutchMemo   = &syllableMemo{count: DutchSyllables}
	englishMemo = &syllableMemo{count: EnglishSyllables}
)

// jargonMemo holds the matchers of the word lists seen, by a hash of the
// terms and the explained words; a hit is checked against the lists
// themselves, so a hash collision costs a rebuild, never a wrong answer.
var jargonMemo struct {
	sync.Mutex
	seed maphash.Seed
	sets map[uint64]*jargonEntry
}

type jargonEntry struct {
	terms, explained []string
	set              *jargonSet
}

func init() { jargonMemo.seed = maphash.MakeSeed() }

// jargonFor is newJargon, made once per pair of lists.
func jargonFor(terms, explained []string) *jargonSet {
	var h maphash.Hash
	h.SetSeed(jargonMemo.seed)
	for _, list := range [][]string{terms, explained} {
		for _, t := range list {
			h.WriteString(t)
			h.WriteByte(0)
		}
		h.WriteByte(1)
	}
	key := h.Sum64()
	jargonMemo.Lock()
	defer jargonMemo.Unlock()
	if e := jargonMemo.sets[key]; e != nil && slices.Equal(e.terms, terms) && slices.Equal(e.explained, explained) {
		return e.set
	}
	if jargonMemo.sets == nil || len(jargonMemo.sets) >= 64 {
		jargonMemo.sets = map[uint64]*jargonEntry{} // lists of past builds
	}
	e := &jargonEntry{terms: append([]string(nil), terms...), explained: append([]string(nil), explained...), set: newJargon(terms, explained)}
	jargonMemo.sets[key] = e
	return e.set
}
