package readability

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Options tell Analyze what kind of text it reads and what the page around
// it explains.
type Options struct {
	// Kind is "guide", "glossary", "article" or "explanation"; the
	// thresholds say which kinds must pass (law is only scored).
	Kind string
	// Thresholds decide the verdict; nil scores the text without one.
	Thresholds *Thresholds
	// Jargon are terms a B1 reader needs explained ("ambtshalve",
	// "beschut werk"), in lower case.
	Jargon []string
	// Explained are terms the page marks as glossary terms or explains
	// elsewhere; jargon among them is not reported.
	Explained []string
	// Common are everyday words in lower case; nil leaves the share of
	// uncommon words out.
	Common map[string]bool
}

// Report is the outcome of Analyze.
type Report struct {
	Lang      string     `json:"lang"`
	Kind      string     `json:"kind"`
	Sentences []Sentence `json:"sentences"`
	Metrics   Metrics    `json:"metrics"`
	Problems  []Problem  `json:"problems"`
	// Graded is false when no threshold applies to this kind of text:
	// it was scored, not judged.
	Graded bool `json:"graded"`
	// Pass is true when no threshold is broken.
	Pass bool `json:"pass"`
}

// Sentence is one sentence, heading or list item with what was found in it.
type Sentence struct {
	Text      string `json:"text"`
	Words     int    `json:"words"`
	Syllables int    `json:"syllables"`
	// LongWords have four or more syllables (numbers and abbreviations
	// not included).
	LongWords []string `json:"long_words,omitempty"`
	// Passive is the passive form found ("wordt toegekend"), or "".
	Passive string `json:"passive,omitempty"`
	// Jargon is jargon used here for the first time on the page and not
	// explained on it.
	Jargon []string `json:"jargon,omitempty"`
	// Uncommon are words outside the list of common words.
	Uncommon []string `json:"uncommon,omitempty"`
}

// Metrics are the scores of a whole text. Values are rounded to one
// decimal; scores that do not exist for the language (or for an empty
// text) are left out of the JSON.
type Metrics struct {
	Words            int     `json:"words"`
	Sentences        int     `json:"sentences"`
	Syllables        int     `json:"syllables"`
	AvgSentenceWords float64 `json:"avg_sentence_words"`
	MaxSentenceWords int     `json:"max_sentence_words"`
	SyllablesPerWord float64 `json:"syllables_per_word"`
	// LongWordsShare is the percentage of words with four or more
	// syllables.
	LongWordsShare    float64 `json:"long_words_share"`
	PassiveSentences  int     `json:"passive_sentences"`
	UnexplainedJargon int     `json:"unexplained_jargon"`
	// UncommonWordsShare is the percentage of words (not numbers, names
	// or abbreviations) outside the common-word list.
	UncommonWordsShare *float64 `json:"uncommon_words_share,omitempty"`
	FleschDouma        *float64 `json:"flesch_douma,omitempty"`
	Brouwer            *float64 `json:"brouwer,omitempty"`
	FleschReadingEase  *float64 `json:"flesch_reading_ease,omitempty"`
	FleschKincaidGrade *float64 `json:"flesch_kincaid_grade,omitempty"`
}

// Problem is one broken threshold. Sentence is "" when the whole text is
// meant; Reason is in the language of the text.
type Problem struct {
	Sentence string `json:"sentence,omitempty"`
	Reason   string `json:"reason"`
	Metric   string `json:"metric"`
}

// Analyze scores text in lang ("nl" or "en"; anything else is read as
// Dutch) and judges it against opts.Thresholds for opts.Kind. Text is plain:
// paragraphs separated by a blank line, list items starting with "- ".
func Analyze(text, lang string, opts Options) *Report {
	if lang != "en" {
		lang = "nl"
	}
	r := &Report{Lang: lang, Kind: opts.Kind, Sentences: []Sentence{}, Problems: []Problem{}}
	syllables := dutchMemo.get
	if lang == "en" {
		syllables = englishMemo.get
	}
	jargon := jargonFor(opts.Jargon, opts.Explained)
	var sentWords [][]string
	m := &r.Metrics
	long, commonCounted, uncommon := 0, 0, 0
	for _, text := range Split(text) {
		words, breaks := tokens(text)
		if len(words) == 0 {
			continue
		}
		s := Sentence{Text: text, Words: len(words)}
		for i, w := range words {
			n := syllables(w)
			s.Syllables += n
			plain := isPlainWord(w)
			if n >= 4 && plain {
				s.LongWords = append(s.LongWords, w)
			}
			if opts.Common != nil && plain && !(i > 0 && unicode.IsUpper(firstRune(w))) {
				commonCounted++
				if !isCommon(strings.ToLower(w), opts.Common) {
					uncommon++
					s.Uncommon = append(s.Uncommon, w)
				}
			}
		}
		if lang == "en" {
			s.Passive = englishPassive(words)
		} else {
			s.Passive = dutchPassive(words, breaks)
		}
		long += len(s.LongWords)
		m.Words += s.Words
		m.Syllables += s.Syllables
		m.MaxSentenceWords = max(m.MaxSentenceWords, s.Words)
		if s.Passive != "" {
			m.PassiveSentences++
		}
		r.Sentences = append(r.Sentences, s)
		sentWords = append(sentWords, words)
	}
	for i, terms := range jargon.unexplained(r.Sentences, sentWords, lang) {
		r.Sentences[i].Jargon = terms
		m.UnexplainedJargon += len(terms)
	}
	m.Sentences = len(r.Sentences)
	if m.Words > 0 {
		wps := float64(m.Words) / float64(m.Sentences)
		spw := float64(m.Syllables) / float64(m.Words)
		m.AvgSentenceWords = round1(wps)
		m.SyllablesPerWord = round2(spw)
		m.LongWordsShare = round1(100 * float64(long) / float64(m.Words))
		if lang == "nl" {
			m.FleschDouma = ptr(round1(206.84 - 0.77*100*spw - 0.93*wps))
			m.Brouwer = ptr(round1(195 - 2*wps - 67*spw))
		} else {
			m.FleschReadingEase = ptr(round1(206.835 - 1.015*wps - 84.6*spw))
			m.FleschKincaidGrade = ptr(round1(0.39*wps + 11.8*spw - 15.59))
		}
	}
	if opts.Common != nil && commonCounted > 0 {
		m.UncommonWordsShare = ptr(round1(100 * float64(uncommon) / float64(commonCounted)))
	}
	rules := opts.Thresholds.For(lang, opts.Kind)
	r.Graded = len(rules) > 0
	for _, rule := range rules {
		r.Problems = append(r.Problems, r.check(rule)...)
	}
	r.Pass = len(r.Problems) == 0
	return r
}

// check returns the problems that break one rule.
func (r *Report) check(rule Rule) []Problem {
	m := r.Metrics
	nl := r.Lang == "nl"
	var out []Problem
	add := func(sentence, reason string) {
		out = append(out, Problem{Sentence: sentence, Reason: reason, Metric: rule.Metric})
	}
	switch rule.Metric {
	case "sentence_words":
		for _, s := range r.Sentences {
			if rule.Max != nil && float64(s.Words) > *rule.Max {
				add(s.Text, pick(nl, fmt.Sprintf("zin van %d woorden; hoogstens %s", s.Words, num(*rule.Max, nl)),
					fmt.Sprintf("sentence of %d words; at most %s", s.Words, num(*rule.Max, nl))))
			}
		}
		return out
	case "passive_sentences":
		if rule.Max != nil && float64(m.PassiveSentences) > *rule.Max {
			for _, s := range r.Sentences {
				if s.Passive != "" {
					add(s.Text, pick(nl, "lijdende vorm: "+s.Passive, "passive voice: "+s.Passive))
				}
			}
		}
		return out
	case "unexplained_jargon":
		if rule.Max != nil && float64(m.UnexplainedJargon) > *rule.Max {
			for _, s := range r.Sentences {
				for _, j := range s.Jargon {
					add(s.Text, pick(nl, "moeilijk woord: "+j+", niet uitgelegd", "hard word: "+j+", not explained"))
				}
			}
		}
		return out
	}
	if m.Words < rule.MinWords {
		return nil
	}
	var value *float64
	switch rule.Metric {
	case "avg_sentence_words":
		value = &m.AvgSentenceWords
	case "long_words_share":
		value = &m.LongWordsShare
	case "uncommon_words_share":
		value = m.UncommonWordsShare
	case "flesch_douma":
		value = m.FleschDouma
	case "brouwer":
		value = m.Brouwer
	case "flesch_reading_ease":
		value = m.FleschReadingEase
	case "flesch_kincaid_grade":
		value = m.FleschKincaidGrade
	}
	if value == nil {
		return nil
	}
	v := *value
	name := metricLabel(rule.Metric, nl)
	if rule.Min != nil && v < *rule.Min {
		add("", pick(nl, fmt.Sprintf("%s %s; minstens %s", name, num(v, nl), num(*rule.Min, nl)),
			fmt.Sprintf("%s %s; at least %s", name, num(v, nl), num(*rule.Min, nl))))
	}
	if rule.Max != nil && v > *rule.Max {
		add("", pick(nl, fmt.Sprintf("%s %s; hoogstens %s", name, num(v, nl), num(*rule.Max, nl)),
			fmt.Sprintf("%s %s; at most %s", name, num(v, nl), num(*rule.Max, nl))))
	}
	return out
}

func metricLabel(metric string, nl bool) string {
	labels := map[string][2]string{
		"avg_sentence_words":   {"gemiddeld aantal woorden per zin", "average words per sentence"},
		"long_words_share":     {"percentage lange woorden (4 of meer lettergrepen)", "percentage of long words (4 or more syllables)"},
		"uncommon_words_share": {"percentage woorden buiten de lijst van gewone woorden", "percentage of words outside the common-word list"},
		"flesch_douma":         {"Flesch-Douma", "Flesch-Douma"},
		"brouwer":              {"Leesindex Brouwer", "Brouwer reading index"},
		"flesch_reading_ease":  {"Flesch Reading Ease", "Flesch Reading Ease"},
		"flesch_kincaid_grade": {"Flesch-Kincaid-niveau", "Flesch-Kincaid grade"},
	}
	l := labels[metric]
	return pick(nl, l[0], l[1])
}

func pick(nl bool, dutch, english string) string {
	if nl {
		return dutch
	}
	return english
}

// num formats a number with one decimal at most, with a decimal comma in
// Dutch: "17,5", "60".
func num(v float64, nl bool) string {
	s := strconv.FormatFloat(round1(v), 'f', -1, 64)
	if nl {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }
func round2(v float64) float64 { return math.Round(v*100) / 100 }
func ptr(v float64) *float64   { return &v }

// tokens returns the words of a sentence and, for each word, whether a
// clause boundary (comma, colon, semicolon, bracket, dash) follows it.
func tokens(sentence string) ([]string, []bool) {
	idx := wordSpans(sentence)
	words := make([]string, 0, len(idx))
	var ends []int
	for _, loc := range idx {
		w := strings.TrimRight(sentence[loc[0]:loc[1]], ".,'’/")
		if w == "" || w == "-" {
			continue
		}
		words = append(words, w)
		ends = append(ends, loc[0]+len(w))
	}
	breaks := make([]bool, len(words))
	for i := range words {
		gapEnd := len(sentence)
		if i+1 < len(words) {
			gapEnd = strings.Index(sentence[ends[i]:], words[i+1]) + ends[i]
			if gapEnd < ends[i] {
				gapEnd = ends[i]
			}
		}
		breaks[i] = strings.ContainsAny(sentence[ends[i]:gapEnd], ",;:()–—")
	}
	return words, breaks
}

// isPlainWord reports whether w is a word to judge for length and
// commonness: letters only (hyphens allowed), not an abbreviation in
// capitals.
func isPlainWord(w string) bool {
	if isAcronym(w) {
		return false
	}
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == '-' || r == '\'' || r == '’':
		default:
			return false
		}
	}
	return letters >= 2
}

// isCommon looks a word up with the inflections a frequency list may lack
// ("aanvraagt" → "aanvraag"): plural -en/-s, -e, -t.
func isCommon(w string, common map[string]bool) bool {
	if common[w] {
		return true
	}
	for _, suf := range []string{"en", "s", "'s", "e", "t", "n"} {
		if strings.HasSuffix(w, suf) && common[strings.TrimSuffix(w, suf)] {
			return true
		}
	}
	// A hyphenated word is common when its parts are.
	if strings.Contains(w, "-") {
		for _, part := range strings.Split(w, "-") {
			if part != "" && !isCommon(part, common) {
				return false
			}
		}
		return true
	}
	return false
}

// ParseWords reads a word list: one word or term a line, blank lines and
// lines starting with "#" skipped, trimmed and in lower case.
func ParseWords(data []byte) []string {
	var out []string
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, strings.ToLower(line))
	}
	return out
}
