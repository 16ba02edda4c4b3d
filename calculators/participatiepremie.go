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
	// Lang is the language of the reasons, the label and the error
	// messages: "nl" (Dutch) or "en" (English). Optional, default "nl".
	Lang string `json:"lang,omitempty"`
}

var participatieFields = []string{"date", "age", "receives_algemene_bijstand", "months_in_placement",
	"extended", "sufficient_cooperation", "continuation_granted", "continuation_months", langField}

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
	lang               lang
}

// Summary implements Result.
func (r *ParticipatiepremieResult) Summary() Summary {
	return Summary{Eligible: r.Eligible, Amount: r.Amount, AmountLabel: r.lang.t("Premie", "Premium"), Reasons: r.Reasons}
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

func (in ParticipatiepremieInput) check() *checks {
	c := newChecks(in.Lang)
	c.date("date", in.Date)
	c.count("age", in.Age, 130)
	c.count("months_in_placement", in.MonthsInPlacement, 1200)
	c.count("continuation_months", in.ContinuationMonths, 1200)
	return c
}

func parseParticipatiepremie(input []byte, last values.Date) (values.Date, func(values.Set) (Result, error), error) {
	d := newDecoder(input, participatieFields, last)
	in := ParticipatiepremieInput{Lang: d.lang}
	in.Date = d.date("date")
	in.Age = d.integer("age", true)
	in.ReceivesAlgemeneBijstand = d.boolean("receives_algemene_bijstand", true)
	in.MonthsInPlacement = d.integer("months_in_placement", true)
	in.Extended = d.boolean("extended", false)
	in.SufficientCooperation = d.boolean("sufficient_cooperation", true)
	in.ContinuationGranted = d.boolean("continuation_granted", false)
	in.ContinuationMonths = d.integer("continuation_months", false)
	if err := d.finish(in.check().errs); err != nil {
		return values.Date{}, nil, err
	}
	return in.Date, runner(in, participatiepremie), nil
}

// Participatiepremie computes the premium of artikel 6 lid 5 and 6: an
// amount after every completed 6 months on a participatieplaats, for
// someone of 27 or older on algemene bijstand who cooperated enough.
func Participatiepremie(in ParticipatiepremieInput, set values.Set) (*ParticipatiepremieResult, error) {
	if c := in.check(); len(c.errs) > 0 {
		return nil, inputError(c.errs, participatieFields, c.l)
	}
	return participatiepremie(in, set)
}

func participatiepremie(in ParticipatiepremieInput, set values.Set) (*ParticipatiepremieResult, error) {
	l := langOf(in.Lang)
	r := newReader(set, in.Date, l)
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
	res := &ParticipatiepremieResult{PerPeriod: Money(per.Value), Amount: Money(decimal.Zero), ContinuationAmount: Money(decimal.Zero), lang: l}
	age, p := strconv.Itoa(minAge), strconv.Itoa(period)
	var no, yes []Reason
	if in.Age < minAge {
		no = append(no, l.reason("6", "1",
			"U bent jonger dan "+age+" jaar. Een participatieplaats is voor inwoners van "+age+" jaar of ouder.",
			"You are younger than "+age+". A participatieplaats (participation place) is for residents aged "+age+" or older."))
	}
	if !in.ReceivesAlgemeneBijstand {
		no = append(no, l.reason("6", "1",
			"U krijgt geen algemene bijstand. Een participatieplaats is voor inwoners met algemene bijstand.",
			"You do not get algemene bijstand (social assistance). A participatieplaats (participation place) is for residents on social assistance."))
	}
	if !in.SufficientCooperation {
		no = append(no, l.reason("6", "5",
			"De gemeente vindt dat u niet genoeg heeft meegewerkt aan betere kansen op betaald werk. Dan krijgt u geen premie.",
			"The gemeente (municipality) finds that you did not cooperate enough to improve your job chances. Then you get no participatiepremie (participation premium)."))
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
		a := strconv.Itoa(allowed)
		if in.Extended {
			yes = append(yes, l.reason("6", "3",
				"Een participatieplaats duurt met de verlenging hoogstens "+a+" maanden. De maanden daarna tellen niet mee voor de premie.",
				"With the extension, a participatieplaats (participation place) lasts at most "+a+" months. The months after that do not count for the premium."))
		} else {
			d, e := strconv.Itoa(duration), strconv.Itoa(duration+extension)
			yes = append(yes, l.reason("6", "3",
				"Een participatieplaats duurt hoogstens "+d+" maanden. De gemeente kan hem één keer verlengen tot "+e+" maanden. Uw plaats is niet verlengd. Daarom tellen alleen de eerste "+a+" maanden mee.",
				"A participatieplaats (participation place) lasts at most "+d+" months. The gemeente (municipality) can extend it once, to "+e+" months. Your place was not extended. So only the first "+a+" months count."))
		}
	}
	res.Periods = months / period
	placement := per.Value.Mul(decimal.NewFromInt(int64(res.Periods)))
	if res.Periods > 0 {
		yes = append(yes, l.reason("6", "5",
			"U heeft "+l.times(res.Periods, period)+" op uw participatieplaats gewerkt. U krijgt "+l.euro(Money(per.Value))+" per "+p+" maanden ("+l.year(per)+"). Samen is dat "+l.euro(Money(placement))+".",
			"You have worked "+l.times(res.Periods, period)+" at your participatieplaats (participation place). You get "+l.euro(Money(per.Value))+" per "+p+" months ("+l.year(per)+"). Together that is "+l.euro(Money(placement))+"."))
	}

	continuation := decimal.Zero
	switch {
	case in.ContinuationGranted:
		n := in.ContinuationMonths / period
		continuation = decimal.Min(per.Value.Mul(decimal.NewFromInt(int64(n))), contMax.Value)
		moved := l.t("U bent naar een andere voorziening gegaan. De gemeente laat de premie doorlopen.",
			"You moved on to another voorziening (form of help). The gemeente (municipality) lets the premium continue.")
		text := moved + l.t(" U zit daar nog geen "+p+" maanden.", " You have been there for less than "+p+" months.")
		if n > 0 {
			text = moved + l.t(
				" U zit daar "+l.times(n, period)+". Daarvoor krijgt u "+l.euro(Money(continuation))+". Dat is hoogstens "+l.euro(Money(contMax.Value))+" ("+l.year(contMax)+").",
				" You have been there for "+l.times(n, period)+". For that you get "+l.euro(Money(continuation))+". That is at most "+l.euro(Money(contMax.Value))+" ("+l.year(contMax)+").")
		}
		yes = append(yes, Reason{Article: "6", Paragraph: "6", Text: text})
	case in.ContinuationMonths > 0:
		yes = append(yes, l.reason("6", "6",
			"U bent naar een andere voorziening gegaan. De gemeente kan dan besluiten de premie te laten doorlopen. Dat heeft de gemeente niet besloten. Daarom tellen de maanden daar niet mee.",
			"You moved on to another voorziening (form of help). The gemeente (municipality) can then decide to let the premium continue. The gemeente has not done so. So the months there do not count."))
	}
	res.ContinuationAmount = cents(continuation, one)
	res.Amount = cents(placement.Add(continuation), one)
	res.Eligible = res.Amount.dec().Sign() > 0
	if !res.Eligible {
		yes = append(yes, l.reason("6", "5",
			"U krijgt de premie na iedere "+p+" maanden. Er is nog geen periode van "+p+" maanden voorbij waarvoor u een premie krijgt.",
			"You get the premium after every "+p+" months. No period of "+p+" months has ended yet that earns you a premium."))
	}
	res.Reasons = yes
	return res, nil
}
