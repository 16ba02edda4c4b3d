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
	// Lang is the language of the reasons, the label and the error
	// messages: "nl" (Dutch) or "en" (English). Optional, default "nl".
	Lang string `json:"lang,omitempty"`
}

var uitstroomFields = []string{"date", "age", "months_on_benefit", "exit", "monthly_income",
	"already_received", "loonkostensubsidie_target_group", "self_employed_bbz", langField}

// UitstroompremieResult is the premium due now.
type UitstroompremieResult struct {
	Eligible bool
	// Amount is the premium due now, after the maximum of lid 3; "0.00"
	// when not eligible.
	Amount  Money
	Reasons []Reason
	lang    lang
}

// Summary implements Result.
func (r *UitstroompremieResult) Summary() Summary {
	return Summary{Eligible: r.Eligible, Amount: r.Amount, AmountLabel: r.lang.t("Premie", "Bonus"), Reasons: r.Reasons}
}

// MarshalJSON implements Result: {"eligible", "amount", "reasons"}.
func (r *UitstroompremieResult) MarshalJSON() ([]byte, error) {
	var w jsonlite.Writer
	w.Bool("eligible", r.Eligible)
	w.Raw("amount", r.Amount.raw())
	w.Raw("reasons", reasonsJSON(r.Reasons))
	return w.Bytes(), nil
}

func (in UitstroompremieInput) check() *checks {
	c := newChecks(in.Lang)
	c.date("date", in.Date)
	c.count("age", in.Age, 130)
	c.count("months_on_benefit", in.MonthsOnBenefit, 1200)
	if in.Exit != ExitFull && in.Exit != ExitPartial {
		c.add("exit", c.l.oneOf([]string{ExitFull, ExitPartial}))
	}
	c.money("monthly_income", in.MonthlyIncome, false, maxPerMonth, perMonth)
	c.money("already_received", in.AlreadyReceived, false, maxAmount, inTotal)
	return c
}

func parseUitstroompremie(input []byte, last values.Date) (values.Date, func(values.Set) (Result, error), error) {
	d := newDecoder(input, uitstroomFields, last)
	in := UitstroompremieInput{Lang: d.lang}
	in.Date = d.date("date")
	in.Age = d.integer("age", true)
	in.MonthsOnBenefit = d.integer("months_on_benefit", true)
	in.Exit = d.choice("exit", ExitFull, ExitPartial)
	in.MonthlyIncome = d.money("monthly_income", in.Exit == ExitPartial)
	in.AlreadyReceived = d.money("already_received", false)
	in.LoonkostensubsidieTargetGroup = d.boolean("loonkostensubsidie_target_group", false)
	in.SelfEmployedBbz = d.boolean("self_employed_bbz", false)
	if err := d.finish(in.check().errs); err != nil {
		return values.Date{}, nil, err
	}
	return in.Date, runner(in, uitstroompremie), nil
}

// Uitstroompremie computes the uitstroompremie of artikel 17: € 600 for
// leaving the benefit for paid work, € 300 for earning at least € 700 a month
// next to it, after 3 years on a benefit in a row, at most € 600 in total.
func Uitstroompremie(in UitstroompremieInput, set values.Set) (*UitstroompremieResult, error) {
	if c := in.check(); len(c.errs) > 0 {
		return nil, inputError(c.errs, uitstroomFields, c.l)
	}
	return uitstroompremie(in, set)
}

func uitstroompremie(in UitstroompremieInput, set values.Set) (*UitstroompremieResult, error) {
	l := langOf(in.Lang)
	r := newReader(set, in.Date, l)
	full := r.money("uitstroompremie.volledig")
	partial := r.money("uitstroompremie.gedeeltelijk")
	threshold := r.money("uitstroompremie.inkomensgrens")
	maximum := r.money("uitstroompremie.maximum")
	years := r.int("uitstroompremie.periode")
	minAge := r.int("uitstroompremie.minimumleeftijd")
	if err := r.err(); err != nil {
		return nil, err
	}
	age, y := strconv.Itoa(minAge), strconv.Itoa(years)
	var no, yes []Reason
	if in.SelfEmployedBbz {
		no = append(no, l.reason("17", "5",
			"U gaat aan het werk als zelfstandige. U krijgt daarbij hulp uit het Besluit bijstandsverlening zelfstandigen (Bbz 2004). Dan krijgt u geen uitstroompremie.",
			"You start work as self-employed. You get help from the Bbz 2004 (a scheme for the self-employed). Then you get no uitstroompremie (bonus for leaving your benefit)."))
	}
	if in.Age < minAge {
		if in.LoonkostensubsidieTargetGroup {
			yes = append(yes, l.reason("17", "toelichting",
				"U bent jonger dan "+age+" jaar. Maar u hoort bij de doelgroep loonkostensubsidie. Daarom kunt u de premie toch krijgen.",
				"You are younger than "+age+". But you are in the doelgroep loonkostensubsidie (target group for the wage cost subsidy). So you can still get the bonus."))
		} else {
			no = append(no, l.reason("17", "toelichting",
				"U bent jonger dan "+age+" jaar. U hoort niet bij de doelgroep loonkostensubsidie. Dan krijgt u geen uitstroompremie.",
				"You are younger than "+age+". You are not in the doelgroep loonkostensubsidie (target group for the wage cost subsidy). Then you get no uitstroompremie (bonus for leaving your benefit)."))
		}
	}
	lid, premium := "1", full
	if in.Exit == ExitPartial {
		lid, premium = "2", partial
	}
	if in.MonthsOnBenefit < years*12 {
		no = append(no, l.reason("17", lid,
			"U heeft minder dan "+y+" jaar aaneengesloten een uitkering gehad.",
			"You had an uitkering (benefit) for less than "+y+" years in a row."))
	} else {
		yes = append(yes, l.reason("17", lid,
			"U heeft "+y+" jaar of langer aaneengesloten een uitkering gehad.",
			"You had an uitkering (benefit) for "+y+" years or longer in a row."))
	}
	if in.Exit == ExitFull {
		yes = append(yes, l.reason("17", "1",
			"Uw uitkering stopt helemaal doordat u betaald werk krijgt. De premie is dan "+l.euro(full)+".",
			"Your benefit stops fully because you get paid work. The bonus is then "+l.euro(full)+"."))
	} else {
		if in.MonthlyIncome.dec().LessThan(threshold.dec()) {
			no = append(no, l.reason("17", "2",
				"U verdient minder dan "+l.euro(threshold)+" per maand met uw werk. U houdt een deel van uw uitkering. Voor de premie moet u dan minstens "+l.euro(threshold)+" per maand verdienen.",
				"You earn less than "+l.euro(threshold)+" a month from your work. You keep part of your benefit. For the bonus you must then earn at least "+l.euro(threshold)+" a month."))
		} else {
			yes = append(yes, l.reason("17", "2",
				"U verdient "+l.euro(threshold)+" of meer per maand met uw werk. U houdt een deel van uw uitkering. De premie is dan "+l.euro(partial)+".",
				"You earn "+l.euro(threshold)+" or more a month from your work. You keep part of your benefit. The bonus is then "+l.euro(partial)+"."))
		}
		if in.AlreadyReceived.dec().Sign() > 0 {
			no = append(no, l.reason("17", "2",
				"U kreeg al eerder een uitstroompremie. De premie als u een deel van uw uitkering houdt, krijgt u maar één keer.",
				"You already got an uitstroompremie (bonus for leaving your benefit) before. You get the bonus for keeping part of your benefit only once."))
		}
	}
	remaining := maximum.dec().Sub(in.AlreadyReceived.dec())
	switch {
	case remaining.Sign() <= 0:
		no = append(no, l.reason("17", "3",
			"U kreeg al "+l.euro(in.AlreadyReceived)+" aan uitstroompremie. U krijgt in totaal nooit meer dan "+l.euro(maximum)+".",
			"You already got "+l.euro(in.AlreadyReceived)+" in bonuses for leaving your benefit. In total you never get more than "+l.euro(maximum)+"."))
	case in.AlreadyReceived.dec().Sign() > 0 && remaining.LessThan(premium.dec()):
		yes = append(yes, l.reason("17", "3",
			"U kreeg al "+l.euro(in.AlreadyReceived)+". U krijgt in totaal nooit meer dan "+l.euro(maximum)+". Daarom krijgt u nu nog "+l.euro(Money(remaining))+".",
			"You already got "+l.euro(in.AlreadyReceived)+". In total you never get more than "+l.euro(maximum)+". So you now get "+l.euro(Money(remaining))+" more."))
	}
	if len(no) > 0 {
		return &UitstroompremieResult{Amount: Money(decimal.Zero), Reasons: no, lang: l}, nil
	}
	return &UitstroompremieResult{
		Eligible: true,
		Amount:   cents(decimal.Min(premium.dec(), remaining), one),
		Reasons:  yes,
		lang:     l,
	}, nil
}
