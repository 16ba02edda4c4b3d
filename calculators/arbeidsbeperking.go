package calculators

import (
	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/shopspring/decimal"
)

// Hours is a number of hours, which may have decimals (24.5). It marshals to
// JSON as a bare number.
type Hours decimal.Decimal

// MarshalJSON writes the hours as a JSON number.
func (h Hours) MarshalJSON() ([]byte, error) {
	return []byte(values.Format(decimal.Decimal(h))), nil
}

// ArbeidsbeperkingInput is the job of a worker with an arbeidsbeperking for
// the statutory loonkostensubsidie (artikel 12, Participatiewet artikel 10d).
type ArbeidsbeperkingInput struct {
	// Date is the day the subsidy is computed for. Required.
	Date values.Date `json:"date"`
	// HoursPerWeek is the agreed working time, a JSON number such as 24 or
	// 24.5. Required, more than 0 and at most 60.
	HoursPerWeek Hours `json:"hours_per_week"`
	// LoonwaardePercent is the loonwaarde that the gemeente determined: the
	// share, from "0" to "100", of the wage for the job that the worker's
	// output is worth. Required.
	LoonwaardePercent Percent `json:"loonwaarde_percent"`
	// HourlyWage is the wage per hour that applies to the job, without
	// holiday pay; at least the minimum wage. Required.
	HourlyWage Money `json:"hourly_wage"`
	// Lang is the language of the reasons, the label and the error
	// messages: "nl" (Dutch) or "en" (English). Optional, default "nl".
	Lang string `json:"lang,omitempty"`
}

var arbeidsbeperkingFields = []string{"date", "hours_per_week", "loonwaarde_percent", "hourly_wage", langField}

// ArbeidsbeperkingResult is the statutory loonkostensubsidie per month.
type ArbeidsbeperkingResult struct {
	Eligible bool
	// MonthlyAmount is the subsidy per month including the allowance for
	// employer costs; "0.00" when not eligible.
	MonthlyAmount Money
	// MaxMonthly is the statutory maximum per month for these hours: 70%
	// of the minimum wage with holiday pay, plus the employer-costs
	// allowance.
	MaxMonthly Money
	// MinimumWagePerHour is the statutory minimum wage per hour used.
	MinimumWagePerHour Money
	Reasons            []Reason
	lang               lang
}

// Summary implements Result.
func (r *ArbeidsbeperkingResult) Summary() Summary {
	return Summary{Eligible: r.Eligible, Amount: r.MonthlyAmount, AmountLabel: r.lang.t("Per maand", "Per month"), Reasons: r.Reasons}
}

// MarshalJSON implements Result: {"eligible", "monthly_amount",
// "max_monthly", "minimum_wage_per_hour", "reasons"}.
func (r *ArbeidsbeperkingResult) MarshalJSON() ([]byte, error) {
	var w jsonlite.Writer
	w.Bool("eligible", r.Eligible)
	w.Raw("monthly_amount", r.MonthlyAmount.raw())
	w.Raw("max_monthly", r.MaxMonthly.raw())
	w.Raw("minimum_wage_per_hour", r.MinimumWagePerHour.raw())
	w.Raw("reasons", reasonsJSON(r.Reasons))
	return w.Bytes(), nil
}

func (in ArbeidsbeperkingInput) check() *checks {
	c := newChecks(in.Lang)
	c.date("date", in.Date)
	switch h := decimal.Decimal(in.HoursPerWeek); {
	case h.Sign() <= 0:
		c.add("hours_per_week", c.l.msgPositive())
	case h.GreaterThan(decimal.NewFromInt(60)):
		c.add("hours_per_week", c.l.msgTooMuch(60))
	}
	if p := decimal.Decimal(in.LoonwaardePercent); p.Sign() < 0 || p.GreaterThan(hundred) {
		c.add("loonwaarde_percent", c.l.t("moet tussen 0 en 100 liggen", "must be between 0 and 100"))
	}
	c.money("hourly_wage", in.HourlyWage, true, maxPerHour, perHour)
	return c
}

func parseArbeidsbeperking(input []byte, last values.Date) (values.Date, func(values.Set) (Result, error), error) {
	d := newDecoder(input, arbeidsbeperkingFields, last)
	in := ArbeidsbeperkingInput{Lang: d.lang}
	in.Date = d.date("date")
	in.HoursPerWeek = Hours(d.number("hours_per_week"))
	in.LoonwaardePercent = d.percent("loonwaarde_percent")
	in.HourlyWage = d.money("hourly_wage", true)
	if err := d.finish(in.check().errs); err != nil {
		return values.Date{}, nil, err
	}
	return in.Date, runner(in, arbeidsbeperking), nil
}

// Arbeidsbeperking computes the statutory loonkostensubsidie of artikel 12,
// which follows Participatiewet artikel 10d. In the text of that article
// (checked in its version of 1 January 2015, where it is lid 4) the subsidy
// is "het verschil tussen het wettelijk minimumloon vermeerderd met de
// aanspraak op vakantiebijslag ... en de loonwaarde van die persoon
// vermeerderd met de ... naar rato van de loonwaarde rechtens geldende
// vakantiebijslag, maar is ten hoogste 70% van het totale bedrag van het
// wettelijk minimumloon en de aanspraak op vakantiebijslag ..., vermeerderd
// met een bij ministeriële regeling nader te bepalen vergoeding voor
// werkgeverslasten", reduced in proportion for part-time work. The
// loonwaarde is a percentage of the wage that applies to the job
// (Participatiewet artikel 6 lid 1 onder g), so per hour:
//
//	subsidy = min(WML × (1 + vb) − lw × wage × (1 + vb), 70% × WML × (1 + vb))
//	          × (1 + werkgeverslasten)
//
// with vb the statutory 8% holiday pay. The employer-costs allowance is a
// percentage of the subsidy (Regeling loonkostensubsidie Participatiewet
// 2021, artikel 1). Since 2024 the minimum wage is set per hour, so the
// hours worked replace the part-time reduction.
//
// A month has on average 52/12 weeks: a year of 52 weeks spread over 12
// months. The per-week amount is therefore multiplied by 52 and divided by
// 12, once, at the end (see cents), so the monthly amount is exact to the
// cent. Gemeenten that pay by actual hours per month will differ slightly
// from month to month.
func Arbeidsbeperking(in ArbeidsbeperkingInput, set values.Set) (*ArbeidsbeperkingResult, error) {
	if c := in.check(); len(c.errs) > 0 {
		return nil, inputError(c.errs, arbeidsbeperkingFields, c.l)
	}
	return arbeidsbeperking(in, set)
}

var (
	weeksPerYear  = decimal.NewFromInt(52)
	monthsPerYear = decimal.NewFromInt(12)
)

func arbeidsbeperking(in ArbeidsbeperkingInput, set values.Set) (*ArbeidsbeperkingResult, error) {
	l := langOf(in.Lang)
	r := newReader(set, in.Date, l)
	wml := r.value("minimumloon.per_uur")
	vb := r.dec("minimumvakantiebijslag")
	capPct := r.dec("loonkostensubsidie.maximum_percentage")
	costs := r.dec("loonkostensubsidie.werkgeverslasten")
	if err := r.err(); err != nil {
		return nil, err
	}
	hours := decimal.Decimal(in.HoursPerWeek)
	lwPct := decimal.Decimal(in.LoonwaardePercent)
	wage := in.HourlyWage.dec()

	withVB := one.Add(vb.Shift(-2))
	withCosts := one.Add(costs.Shift(-2))
	base := wml.Value.Mul(withVB)                    // minimum wage with holiday pay, per hour
	loonwaarde := wage.Mul(lwPct).Shift(-2)          // loonwaarde per hour, without holiday pay
	diff := base.Sub(loonwaarde.Mul(withVB))         // per hour
	limit := base.Mul(capPct).Shift(-2)              // per hour
	perMonth := hours.Mul(weeksPerYear)              // × hours per month × 12
	maxMonthly := limit.Mul(withCosts).Mul(perMonth) // × 12
	res := &ArbeidsbeperkingResult{
		MonthlyAmount:      Money(decimal.Zero),
		MaxMonthly:         cents(maxMonthly, monthsPerYear),
		MinimumWagePerHour: Money(wml.Value),
		lang:               l,
	}
	wage2, wmlText := l.euro(in.HourlyWage), l.euro(Money(wml.Value))+l.t(" per uur (", " an hour (")+l.year(wml)+")"
	if wage.LessThan(wml.Value) {
		res.Reasons = []Reason{l.reason("12", "1",
			"Het uurloon is "+wage2+". Dat is lager dan het minimumloon van "+wmlText+". De werkgever moet minstens het minimumloon betalen. De subsidie vult alleen het verschil met de loonwaarde aan.",
			"The hourly wage is "+wage2+". That is lower than the minimum wage of "+wmlText+". The employer must pay at least the minimum wage. The subsidy only makes up the difference with the loonwaarde (wage value).")}
		return res, nil
	}
	lw := l.number(lwPct) + l.t("% van het uurloon van ", "% of the hourly wage of ") + wage2 + ": " + l.euro(cents(loonwaarde, one)) + l.t(" per uur.", " an hour.")
	if diff.Sign() <= 0 {
		res.Reasons = []Reason{l.reason("12", "1",
			"Uw loonwaarde is "+lw+" Daarmee verdient u zelf al het minimumloon van "+wmlText+". Dan is er geen loonkostensubsidie.",
			"Your loonwaarde (wage value) is "+lw+" With that you already earn the minimum wage of "+wmlText+" yourself. Then there is no loonkostensubsidie (wage cost subsidy).")}
		return res, nil
	}
	subsidy := decimal.Min(diff, limit)
	res.Eligible = true
	res.MonthlyAmount = cents(subsidy.Mul(withCosts).Mul(perMonth), monthsPerYear)
	vbText := l.t("Tel bij het minimumloon en bij uw loonwaarde "+l.number(vb)+"% vakantiebijslag op.",
		"Add "+l.number(vb)+"% holiday pay to the minimum wage and to your wage value.")
	diffText := vbText + l.t(" De subsidie is het verschil: "+l.euro(cents(diff, one))+" per uur.",
		" The subsidy is the difference: "+l.euro(cents(diff, one))+" an hour.")
	if diff.GreaterThan(limit) {
		c, lim := l.number(capPct), l.euro(cents(limit, one))
		diffText = vbText + l.t(
			" Het verschil is dan meer dan "+c+"% van het minimumloon met vakantiebijslag. Daarom is de subsidie hoogstens "+lim+" per uur.",
			" The difference is then more than "+c+"% of the minimum wage with holiday pay. So the subsidy is at most "+lim+" an hour.")
	}
	res.Reasons = []Reason{
		l.reason("12", "1",
			"Uw loonwaarde is "+lw+" Dat is minder dan het minimumloon van "+wmlText+". U kunt door uw arbeidsbeperking dus niet het minimumloon verdienen.",
			"Your loonwaarde (wage value) is "+lw+" That is less than the minimum wage of "+wmlText+". So because of your arbeidsbeperking (work disability) you cannot earn the minimum wage."),
		{Law: "Participatiewet", Article: "10d", Text: diffText},
		{Law: "Regeling loonkostensubsidie Participatiewet 2021", Article: "1", Text: l.t(
			"Daar komt "+l.number(costs)+"% bij voor werkgeverslasten.",
			"On top of that comes "+l.number(costs)+"% for employer costs (werkgeverslasten).")},
		{Law: "Participatiewet", Article: "10d", Text: l.t(
			"U werkt "+l.number(hours)+" uur per week. Een maand heeft gemiddeld 52 / 12 weken. De subsidie is dan "+l.euro(res.MonthlyAmount)+" per maand. Het wettelijke maximum bij deze uren is "+l.euro(res.MaxMonthly)+" per maand.",
			"You work "+l.number(hours)+" hours a week. A month has 52 / 12 weeks on average. The subsidy is then "+l.euro(res.MonthlyAmount)+" a month. The legal maximum for these hours is "+l.euro(res.MaxMonthly)+" a month.")},
	}
	return res, nil
}
