package calculators

import (
	"strconv"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/shopspring/decimal"
)

// ParticipatiepremieInput is the situation of someone on a participatieplaats
// (artikel 6).
type ParticipatiepremieInput struct {
	// Date is the day the premium is computed for. Required.
	Date values.Date `json:"date"`
	// Age is the age in years on Date. Required.
	Age int `json:"age"`
	// ReceivesAlgemeneBijstand is true when the person receives algemene
	// bijstand (lid 1). Required.
	ReceivesAlgemeneBijstand bool `json:"receives_algemene_bijstand"`
	// MonthsInPlacement is the number of completed months on the
	// participatieplaats. Required.
	MonthsInPlacement int `json:"months_in_placement"`
	// Extended is true when the gemeente granted the one extension of
	// 12 months (lid 3). Optional, default false.
	Extended bool `json:"extended"`
	// SufficientCooperation is true when the gemeente finds the person
	// cooperated enough to improve the chance of paid work (lid 5).
	// Required.
	SufficientCooperation bool `json:"sufficient_cooperation"`
	// ContinuationGranted is true when the person moved on to another
	// voorziening during the placement and the gemeente decided to continue
	// the premium (lid 6: the gemeente "kan besluiten"). Optional, default
	// false.
	ContinuationGranted bool `json:"continuation_granted"`
	// ContinuationMonths is the number of completed months in that other
	// voorziening. They count only when ContinuationGranted is true, and the
	// premium over them is capped by lid 6. Optional, default 0.
	ContinuationMonths int `json:"continuation_months"`
}

var participatieFields = []string{"date", "age", "receives_algemene_bijstand", "months_in_placement",
	"extended", "sufficient_cooperation", "continuation_granted", "continuation_months"}

// ParticipatiepremieResult is the premium due for the completed periods.
type ParticipatiepremieResult struct {
	Eligible bool
	// Amount is the total premium: Periods × PerPeriod plus
	// ContinuationAmount.
	Amount Money
	// Periods is the number of completed 6-month periods on the placement
	// that count; months beyond the allowed duration do not.
	Periods int
	// PerPeriod is the premium per 6 months in force on the date.
	PerPeriod Money
	// ContinuationAmount is the premium over the months in another
	// voorziening after moving on (lid 6), at most the continuation maximum.
	ContinuationAmount Money
	Reasons            []Reason
}

// Summary implements Result.
func (r *ParticipatiepremieResult) Summary() Summary {
	return Summary{Eligible: r.Eligible, Amount: r.Amount, AmountLabel: "Premie", Reasons: r.Reasons}
}

// MarshalJSON implements Result: {"eligible", "amount", "periods",
// "per_period", "continuation_amount", "reasons"}.
func (r *ParticipatiepremieResult) MarshalJSON() ([]byte, error) {
	var w jsonlite.Writer
	w.Bool("eligible", r.Eligible)
	w.Raw("amount", r.Amount.raw())
	w.Int("periods", r.Periods)
	w.Raw("per_period", r.PerPeriod.raw())
	w.Raw("continuation_amount", r.ContinuationAmount.raw())
	w.Raw("reasons", reasonsJSON(r.Reasons))
	return w.Bytes(), nil
}

func (in ParticipatiepremieInput) check() []FieldError {
	var c checks
	c.date("date", in.Date)
	c.count("age", in.Age, 130)
	c.count("months_in_placement", in.MonthsInPlacement, 1200)
	c.count("continuation_months", in.ContinuationMonths, 1200)
	return c
}

func parseParticipatiepremie(input []byte) (values.Date, func(values.Set) (Result, error), error) {
	d := newDecoder(input, participatieFields)
	var in ParticipatiepremieInput
	in.Date = d.date("date")
	in.Age = d.integer("age", true)
	in.ReceivesAlgemeneBijstand = d.boolean("receives_algemene_bijstand", true)
	in.MonthsInPlacement = d.integer("months_in_placement", true)
	in.Extended = d.boolean("extended", false)
	in.SufficientCooperation = d.boolean("sufficient_cooperation", true)
	in.ContinuationGranted = d.boolean("continuation_granted", false)
	in.ContinuationMonths = d.integer("continuation_months", false)
	if err := d.finish(in.check()); err != nil {
		return values.Date{}, nil, err
	}
	return in.Date, runner(in, participatiepremie), nil
}

// Participatiepremie computes the premium of artikel 6 lid 5 and 6: an
// amount after every completed 6 months on a participatieplaats, for
// someone of 27 or older on algemene bijstand who cooperated enough.
func Participatiepremie(in ParticipatiepremieInput, set values.Set) (*ParticipatiepremieResult, error) {
	if err := inputError(in.check(), participatieFields); err != nil {
		return nil, err
	}
	return participatiepremie(in, set)
}

func participatiepremie(in ParticipatiepremieInput, set values.Set) (*ParticipatiepremieResult, error) {
	r := newReader(set, in.Date)
	minAge := r.int("participatieplaats.minimumleeftijd")
	duration := r.int("participatieplaats.duur")
	extension := r.int("participatieplaats.verlenging")
	period := r.int("participatiepremie.periode")
	per := r.value("participatiepremie.bedrag")
	contMax := r.value("participatiepremie.voortzetting_maximum")
	if err := r.err(); err != nil {
		return nil, err
	}
	if period <= 0 {
		return nil, &ParamError{Missing: []string{"participatiepremie.periode (moet meer dan 0 zijn)"}}
	}
	res := &ParticipatiepremieResult{PerPeriod: Money(per.Value), Amount: Money(decimal.Zero), ContinuationAmount: Money(decimal.Zero)}
	var no, yes []Reason
	if in.Age < minAge {
		no = append(no, Reason{Article: "6", Paragraph: "1",
			Text: "Je bent jonger dan " + strconv.Itoa(minAge) + " jaar. Een participatieplaats is voor inwoners van " + strconv.Itoa(minAge) + " jaar of ouder."})
	}
	if !in.ReceivesAlgemeneBijstand {
		no = append(no, Reason{Article: "6", Paragraph: "1",
			Text: "Je krijgt geen algemene bijstand. Een participatieplaats is voor inwoners met algemene bijstand."})
	}
	if !in.SufficientCooperation {
		no = append(no, Reason{Article: "6", Paragraph: "5",
			Text: "De gemeente vindt dat je niet genoeg hebt meegewerkt aan betere kansen op betaald werk. Dan krijg je geen premie."})
	}
	if len(no) > 0 {
		res.Reasons = no
		return res, nil
	}

	months, allowed := in.MonthsInPlacement, duration
	if in.Extended {
		allowed += extension
	}
	if months > allowed {
		months = allowed
		text := "Een participatieplaats duurt hoogstens " + strconv.Itoa(duration) + " maanden, of " + strconv.Itoa(duration+extension) + " maanden als de gemeente hem één keer verlengt. Je plaats is niet verlengd. Daarom tellen alleen de eerste " + strconv.Itoa(allowed) + " maanden mee."
		if in.Extended {
			text = "Een participatieplaats duurt met de verlenging hoogstens " + strconv.Itoa(allowed) + " maanden. De maanden daarna tellen niet mee voor de premie."
		}
		yes = append(yes, Reason{Article: "6", Paragraph: "3", Text: text})
	}
	res.Periods = months / period
	placement := per.Value.Mul(decimal.NewFromInt(int64(res.Periods)))
	if res.Periods > 0 {
		yes = append(yes, Reason{Article: "6", Paragraph: "5",
			Text: "Je hebt " + times(res.Periods) + " " + strconv.Itoa(period) + " maanden op je participatieplaats gewerkt. Je krijgt " + euro(Money(per.Value)) + " per " + strconv.Itoa(period) + " maanden (" + year(per) + "). Samen is dat " + euro(Money(placement)) + "."})
	}

	continuation := decimal.Zero
	switch {
	case in.ContinuationGranted:
		n := in.ContinuationMonths / period
		continuation = decimal.Min(per.Value.Mul(decimal.NewFromInt(int64(n))), contMax.Value)
		text := "De gemeente laat de premie doorlopen nu je naar een andere voorziening bent gegaan. Je zit daar nog geen " + strconv.Itoa(period) + " maanden."
		if n > 0 {
			text = "De gemeente laat de premie doorlopen nu je naar een andere voorziening bent gegaan. Je zit daar " + times(n) + " " + strconv.Itoa(period) + " maanden. Daarvoor krijg je " + euro(Money(continuation)) + ". Dat is hoogstens " + euro(Money(contMax.Value)) + " (" + year(contMax) + ")."
		}
		yes = append(yes, Reason{Article: "6", Paragraph: "6", Text: text})
	case in.ContinuationMonths > 0:
		yes = append(yes, Reason{Article: "6", Paragraph: "6",
			Text: "Als je naar een andere voorziening gaat, kan de gemeente besluiten de premie te laten doorlopen. Dat heeft de gemeente niet besloten. Daarom tellen de maanden daar niet mee."})
	}
	res.ContinuationAmount = cents(continuation, one)
	res.Amount = cents(placement.Add(continuation), one)
	res.Eligible = res.Amount.dec().Sign() > 0
	if !res.Eligible {
		yes = append(yes, Reason{Article: "6", Paragraph: "5",
			Text: "Je krijgt de premie na iedere " + strconv.Itoa(period) + " maanden. Er is nog geen periode van " + strconv.Itoa(period) + " maanden voorbij waarvoor je een premie krijgt."})
	}
	res.Reasons = yes
	return res, nil
}

// times writes a count the way the reasons use it: "1 keer", "2 keer".
func times(n int) string { return strconv.Itoa(n) + " keer" }
