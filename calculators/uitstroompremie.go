package calculators

import (
	"strconv"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/shopspring/decimal"
)

// Values of UitstroompremieInput.Exit.
const (
	ExitFull    = "full"
	ExitPartial = "partial"
)

// UitstroompremieInput is the situation of someone who starts paid work
// after a long time on a benefit (artikel 17).
type UitstroompremieInput struct {
	// Date is the day the paid work starts. Required.
	Date values.Date `json:"date"`
	// Age is the age in years on Date. Required.
	Age int `json:"age"`
	// MonthsOnBenefit is how many months in a row, up to Date, the person
	// received a benefit: algemene bijstand, IOAW or IOAZ (artikel 1 onder
	// e). Required.
	MonthsOnBenefit int `json:"months_on_benefit"`
	// Exit is "full" when the work ends the benefit (lid 1) and "partial"
	// when part of the benefit remains next to the income (lid 2). Required.
	Exit string `json:"exit"`
	// MonthlyIncome is the income from the work per month. Required when
	// Exit is "partial", ignored otherwise.
	MonthlyIncome Money `json:"monthly_income"`
	// AlreadyReceived is the uitstroompremie the person received before,
	// such as "300.00" after an earlier partial exit. Optional, default "0".
	AlreadyReceived Money `json:"already_received"`
	// LoonkostensubsidieTargetGroup is true when the person belongs to the
	// doelgroep loonkostensubsidie (artikel 31 lid 2 onder j
	// Participatiewet); only then can someone under 27 get the premium.
	// Optional, default false.
	LoonkostensubsidieTargetGroup bool `json:"loonkostensubsidie_target_group"`
	// SelfEmployedBbz is true when the person starts as self-employed with
	// support under the Besluit bijstandsverlening zelfstandigen 2004
	// (lid 5). Optional, default false.
	SelfEmployedBbz bool `json:"self_employed_bbz"`
}

var uitstroomFields = []string{"date", "age", "months_on_benefit", "exit", "monthly_income",
	"already_received", "loonkostensubsidie_target_group", "self_employed_bbz"}

// UitstroompremieResult is the premium due now.
type UitstroompremieResult struct {
	Eligible bool
	// Amount is the premium due now, after the maximum of lid 3; "0.00"
	// when not eligible.
	Amount  Money
	Reasons []Reason
}

// Summary implements Result.
func (r *UitstroompremieResult) Summary() Summary {
	return Summary{Eligible: r.Eligible, Amount: r.Amount, AmountLabel: "Premie", Reasons: r.Reasons}
}

// MarshalJSON implements Result: {"eligible", "amount", "reasons"}.
func (r *UitstroompremieResult) MarshalJSON() ([]byte, error) {
	var w jsonlite.Writer
	w.Bool("eligible", r.Eligible)
	w.Raw("amount", r.Amount.raw())
	w.Raw("reasons", reasonsJSON(r.Reasons))
	return w.Bytes(), nil
}

func (in UitstroompremieInput) check() []FieldError {
	var c checks
	c.date("date", in.Date)
	c.count("age", in.Age, 130)
	c.count("months_on_benefit", in.MonthsOnBenefit, 1200)
	if in.Exit != ExitFull && in.Exit != ExitPartial {
		c.add("exit", "moet \"full\" of \"partial\" zijn")
	}
	c.money("monthly_income", in.MonthlyIncome, false)
	c.money("already_received", in.AlreadyReceived, false)
	return c
}

func parseUitstroompremie(input []byte) (values.Date, func(values.Set) (Result, error), error) {
	d := newDecoder(input, uitstroomFields)
	var in UitstroompremieInput
	in.Date = d.date("date")
	in.Age = d.integer("age", true)
	in.MonthsOnBenefit = d.integer("months_on_benefit", true)
	in.Exit = d.choice("exit", ExitFull, ExitPartial)
	in.MonthlyIncome = d.money("monthly_income", in.Exit == ExitPartial)
	in.AlreadyReceived = d.money("already_received", false)
	in.LoonkostensubsidieTargetGroup = d.boolean("loonkostensubsidie_target_group", false)
	in.SelfEmployedBbz = d.boolean("self_employed_bbz", false)
	if err := d.finish(in.check()); err != nil {
		return values.Date{}, nil, err
	}
	return in.Date, runner(in, uitstroompremie), nil
}

// Uitstroompremie computes the uitstroompremie of artikel 17: € 600 for
// leaving the benefit for paid work, € 300 for earning at least € 700 a month
// next to it, after 3 years on a benefit in a row, at most € 600 in total.
func Uitstroompremie(in UitstroompremieInput, set values.Set) (*UitstroompremieResult, error) {
	if err := inputError(in.check(), uitstroomFields); err != nil {
		return nil, err
	}
	return uitstroompremie(in, set)
}

func uitstroompremie(in UitstroompremieInput, set values.Set) (*UitstroompremieResult, error) {
	r := newReader(set, in.Date)
	full := r.money("uitstroompremie.volledig")
	partial := r.money("uitstroompremie.gedeeltelijk")
	threshold := r.money("uitstroompremie.inkomensgrens")
	maximum := r.money("uitstroompremie.maximum")
	years := r.int("uitstroompremie.periode")
	minAge := r.int("uitstroompremie.minimumleeftijd")
	if err := r.err(); err != nil {
		return nil, err
	}
	var no, yes []Reason
	if in.SelfEmployedBbz {
		no = append(no, Reason{Article: "17", Paragraph: "5",
			Text: "Je gaat aan het werk als zelfstandige met hulp uit het Besluit bijstandsverlening zelfstandigen (Bbz 2004). Dan krijg je geen uitstroompremie."})
	}
	if in.Age < minAge {
		if in.LoonkostensubsidieTargetGroup {
			yes = append(yes, Reason{Article: "17", Paragraph: "toelichting",
				Text: "Je bent jonger dan " + strconv.Itoa(minAge) + " jaar, maar je hoort bij de doelgroep loonkostensubsidie. Daarom kun je de premie toch krijgen."})
		} else {
			no = append(no, Reason{Article: "17", Paragraph: "toelichting",
				Text: "Je bent jonger dan " + strconv.Itoa(minAge) + " jaar en je hoort niet bij de doelgroep loonkostensubsidie. Dan krijg je geen uitstroompremie."})
		}
	}
	lid, premium := "1", full
	if in.Exit == ExitPartial {
		lid, premium = "2", partial
	}
	if in.MonthsOnBenefit < years*12 {
		no = append(no, Reason{Article: "17", Paragraph: lid,
			Text: "Je hebt minder dan " + strconv.Itoa(years) + " jaar aaneengesloten een uitkering gehad."})
	} else {
		yes = append(yes, Reason{Article: "17", Paragraph: lid,
			Text: "Je hebt " + strconv.Itoa(years) + " jaar of langer aaneengesloten een uitkering gehad."})
	}
	if in.Exit == ExitFull {
		yes = append(yes, Reason{Article: "17", Paragraph: "1",
			Text: "Je stopt helemaal met je uitkering doordat je betaald werk krijgt. De premie is dan " + euro(full) + "."})
	} else {
		if in.MonthlyIncome.dec().LessThan(threshold.dec()) {
			no = append(no, Reason{Article: "17", Paragraph: "2",
				Text: "Je verdient minder dan " + euro(threshold) + " per maand met je werk. Voor de premie als je een deel van je uitkering houdt, moet dat minstens " + euro(threshold) + " zijn."})
		} else {
			yes = append(yes, Reason{Article: "17", Paragraph: "2",
				Text: "Je verdient " + euro(threshold) + " of meer per maand met je werk en houdt een deel van je uitkering. De premie is dan " + euro(partial) + "."})
		}
		if in.AlreadyReceived.dec().Sign() > 0 {
			no = append(no, Reason{Article: "17", Paragraph: "2",
				Text: "Je kreeg al eerder een uitstroompremie. De premie als je een deel van je uitkering houdt, krijg je maar één keer."})
		}
	}
	remaining := maximum.dec().Sub(in.AlreadyReceived.dec())
	switch {
	case remaining.Sign() <= 0:
		no = append(no, Reason{Article: "17", Paragraph: "3",
			Text: "Je kreeg al " + euro(in.AlreadyReceived) + " aan uitstroompremie. Je krijgt in totaal nooit meer dan " + euro(maximum) + "."})
	case in.AlreadyReceived.dec().Sign() > 0 && remaining.LessThan(premium.dec()):
		yes = append(yes, Reason{Article: "17", Paragraph: "3",
			Text: "Je kreeg al " + euro(in.AlreadyReceived) + ". Je krijgt in totaal nooit meer dan " + euro(maximum) + ". Daarom krijg je nu nog " + euro(Money(remaining)) + "."})
	}
	if len(no) > 0 {
		return &UitstroompremieResult{Amount: Money(decimal.Zero), Reasons: no}, nil
	}
	return &UitstroompremieResult{
		Eligible: true,
		Amount:   cents(decimal.Min(premium.dec(), remaining), one),
		Reasons:  yes,
	}, nil
}
