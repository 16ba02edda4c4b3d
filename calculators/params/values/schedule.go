package values

import (
	"sort"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"

	"github.com/shopspring/decimal"
)

// Text is a short text in Dutch and in English, for a page in either.
type Text struct {
	NL, EN string
}

// IsZero reports whether the text is not given.
func (t Text) IsZero() bool { return t == Text{} }

// In returns the text for a language: "en" gives English, anything else
// Dutch.
func (t Text) In(lang string) string {
	if lang == "en" {
		return t.EN
	}
	return t.NL
}

// Schedules of a national amount that a parameter follows.
const (
	// ScheduleYearly: a new value each 1 January (the volunteer allowance).
	ScheduleYearly = "yearly"
	// ScheduleHalfYearly: a new value each 1 January and 1 July (the
	// statutory minimum wage).
	ScheduleHalfYearly = "half-yearly"
)

// Follows says that a parameter follows a national amount that changes on
// fixed dates, so a build past the next such date without a new value is
// out of date.
type Follows struct {
	// Amount names the national amount: "het wettelijk minimumloon".
	Amount Text
	// Schedule is ScheduleYearly or ScheduleHalfYearly.
	Schedule string
}

// Next returns the first date after d on which the schedule expects a new
// value.
func (f Follows) Next(d Date) Date {
	if f.Schedule == ScheduleHalfYearly && d.Month < 7 {
		return Date{d.Year, 7, 1}
	}
	return Date{d.Year + 1, 1, 1}
}

// Stale is a parameter that follows a national amount and has no value
// for a date on which that amount changed, on or before the build date.
type Stale struct {
	Param   Param
	Last    Date // the From of the newest known value
	Missing Date // the first date a new value was expected
}

// Stale lists the parameters that follow a national amount whose next
// change, after their newest value, is on or before d: the site built for
// d would show an old amount as if it were current.
func (t *Table) Stale(d Date) []Stale {
	var out []Stale
	for _, p := range t.params {
		if p.Follows == nil {
			continue
		}
		last := p.Values[len(p.Values)-1].From
		if next := p.Follows.Next(last); !d.Before(next) {
			out = append(out, Stale{Param: p, Last: last, Missing: next})
		}
	}
	return out
}

// Change is a parameter that takes a new value on a date.
type Change struct {
	Param Param
	From  Date
	Value decimal.Decimal
	// Old is the value before From; HasOld is false for a first value.
	Old    decimal.Decimal
	HasOld bool
}

// Same reports whether the new value equals the old one: an indexation
// that left the amount as it was.
func (c Change) Same() bool { return c.HasOld && c.Old.Equal(c.Value) }

// ChangesOn returns the parameters that take a value from date d, sorted
// by name.
func (t *Table) ChangesOn(d Date) []Change {
	var out []Change
	for _, p := range t.params {
		for i, v := range p.Values {
			if v.From != d {
				continue
			}
			c := Change{Param: p, From: d, Value: v.Value}
			if i > 0 {
				c.Old, c.HasOld = p.Values[i-1].Value, true
			}
			out = append(out, c)
		}
	}
	return out
}

// ChangeDates returns every date on which some parameter takes a value,
// oldest first.
func (t *Table) ChangeDates() []Date {
	seen := map[Date]bool{}
	var ds []Date
	for _, p := range t.params {
		for _, v := range p.Values {
			if !seen[v.From] {
				seen[v.From] = true
				ds = append(ds, v.From)
			}
		}
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].Before(ds[j]) })
	return ds
}

func (t Text) json() []byte {
	var w jsonlite.Writer
	w.String("nl", t.NL)
	w.String("en", t.EN)
	return w.Bytes()
}
