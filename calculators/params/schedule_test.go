package params_test

import (
	"strings"
	"testing"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/calculators/params/values"
)

func date(t *testing.T, s string) params.Date {
	t.Helper()
	d, err := params.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestStale: a parameter that follows a national amount is stale once the
// build date reaches the next date that amount changes without a value for
// it; the minimum wage changes on 1 January and 1 July, the volunteer
// allowance (and so the participatiepremie, art 6 lid 7) each 1 January.
func TestStale(t *testing.T) {
	tb := parseReal(t)
	for _, tc := range []struct {
		date string
		want []string // name@missing date
	}{
		{"2025-12-31", nil},
		{"2026-01-01", []string{"participatiepremie.bedrag@2026-01-01", "participatiepremie.voortzetting_maximum@2026-01-01"}},
		{"2026-06-30", []string{"participatiepremie.bedrag@2026-01-01", "participatiepremie.voortzetting_maximum@2026-01-01"}},
		{"2026-07-01", []string{"minimumloon.per_uur@2026-07-01", "participatiepremie.bedrag@2026-01-01", "participatiepremie.voortzetting_maximum@2026-01-01"}},
		// A 2027 build names the first missing date, not 2027-01-01.
		{"2027-03-01", []string{"minimumloon.per_uur@2026-07-01", "participatiepremie.bedrag@2026-01-01", "participatiepremie.voortzetting_maximum@2026-01-01"}},
	} {
		var got []string
		for _, s := range tb.Stale(date(t, tc.date)) {
			got = append(got, s.Param.Name+"@"+s.Missing.String())
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("Stale(%s) = %v, want %v", tc.date, got, tc.want)
		}
	}
}

func TestFollowsNext(t *testing.T) {
	for _, tc := range []struct{ schedule, last, next string }{
		{values.ScheduleHalfYearly, "2026-01-01", "2026-07-01"},
		{values.ScheduleHalfYearly, "2026-06-30", "2026-07-01"},
		{values.ScheduleHalfYearly, "2026-07-01", "2027-01-01"},
		{values.ScheduleHalfYearly, "2026-12-31", "2027-01-01"},
		{values.ScheduleYearly, "2025-01-01", "2026-01-01"},
		{values.ScheduleYearly, "2024-07-01", "2025-01-01"},
	} {
		f := values.Follows{Schedule: tc.schedule}
		if got := f.Next(date(t, tc.last)).String(); got != tc.next {
			t.Errorf("%s after %s: %s, want %s", tc.schedule, tc.last, got, tc.next)
		}
	}
}

// TestChangesOn: what changes on a date, with the value before it; an
// indexation that left an amount as it was is a change that is Same.
func TestChangesOn(t *testing.T) {
	tb := parseReal(t)
	var got []string
	for _, c := range tb.ChangesOn(date(t, "2025-01-01")) {
		s := c.Param.Name + " " + values.Format(c.Value)
		if c.HasOld {
			s += " was " + values.Format(c.Old)
		}
		if c.Same() {
			s += " same"
		}
		got = append(got, s)
	}
	want := []string{"minimumloon.per_uur 14.06 was 13.68", "participatiepremie.bedrag 1050.00 was 1050.00 same", "participatiepremie.voortzetting_maximum 2100.00 was 2100.00 same"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("changes on 2025-01-01:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if cs := tb.ChangesOn(date(t, "2025-02-01")); len(cs) != 0 {
		t.Errorf("changes on a date without any: %v", cs)
	}
	ds := tb.ChangeDates()
	for i := 1; i < len(ds); i++ {
		if !ds[i-1].Before(ds[i]) {
			t.Fatalf("ChangeDates not sorted: %v", ds)
		}
	}
}

// TestRealFileReadings: the readings the ordinance leaves open are marked
// in the data, in both languages, and the parameters art 6 lid 7 indexes
// together are one group.
func TestRealFileReadings(t *testing.T) {
	tb := parseReal(t)
	for _, name := range []string{"uitstroompremie.inkomensgrens", "participatiepremie.voortzetting_maximum", "loonkostensubsidie_kwetsbaar.leeftijd"} {
		p, _ := tb.Param(name)
		if p.Reading.NL == "" || p.Reading.EN == "" {
			t.Errorf("%s is not marked as a reading", name)
		}
	}
	a, _ := tb.Param("participatiepremie.bedrag")
	b, _ := tb.Param("participatiepremie.voortzetting_maximum")
	if a.Group == "" || a.Group != b.Group {
		t.Errorf("groups %q and %q", a.Group, b.Group)
	}
	if m, _ := tb.Param("minimumloon.per_uur"); m.Follows == nil || m.Follows.Schedule != values.ScheduleHalfYearly {
		t.Errorf("minimumloon.per_uur follows %+v", m.Follows)
	}
}
