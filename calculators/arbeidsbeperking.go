package calculators

import (
	"strconv"

	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/shopspring/decimal"
)

// arbeidsbeperkingRule is the statutory loonkostensubsidie for a worker
// with an arbeidsbeperking (Participatiewet artikel 10d), per month.
var arbeidsbeperkingRule = &Rule{
	Name: "loonkostensubsidie-arbeidsbeperking",
	Fields: []Field{
		// The day the subsidy is computed for.
		{Name: "date", Kind: KindDate},
		// The worker's age in years on the date, optional: under 21 the
		// minimum wage is the minimumjeugdloon, a percentage per age. Left
		// out (or 0), the adult minimum wage is used and a reason says so.
		{Name: "age", Kind: KindInt, Need: Optional, Max: maxAge},
		// The agreed working time, a JSON number such as 24 or 24.5.
		{Name: "hours_per_week", Kind: KindNumber, Positive: true, Max: maxHoursPerWeek},
		// The loonwaarde that the gemeente determined: the share, from "0"
		// to "100", of the wage for the job that the worker's output is
		// worth.
		{Name: "loonwaarde_percent", Kind: KindPercent, Max: maxPercent},
		// The wage per hour that applies to the job, without holiday pay;
		// at least the minimum wage.
		{Name: "hourly_wage", Kind: KindMoney, Positive: true, Max: maxPerHour, Per: PerHour},
	},
	// monthly_amount: the subsidy per month including the allowance for
	// employer costs, "0.00" when not eligible; max_monthly: the statutory
	// maximum per month for these hours (70% of the minimum wage with
	// holiday pay, plus the allowance); minimum_wage_per_hour: the
	// statutory minimum wage per hour used, for the worker's age.
	Outputs:   []Output{{"monthly_amount", KindMoney}, {"max_monthly", KindMoney}, {"minimum_wage_per_hour", KindMoney}},
	Main:      "monthly_amount",
	MainLabel: Text{"Per maand", "Per month"},
	Reasons: []ReasonKey{
		{"eligibility", "the subsidy is for someone who, by an arbeidsbeperking, cannot earn the minimum wage"},
	},
	Params: []string{"minimumloon.per_uur", "minimumvakantiebijslag", "loonkostensubsidie.maximum_percentage", "loonkostensubsidie.werkgeverslasten",
		youthParam(15), youthParam(16), youthParam(17), youthParam(18), youthParam(19), youthParam(20)},
	Examples: arbeidsbeperkingExamples,
	compute:  arbeidsbeperking,
}

var (
	weeksPerYear  = decimal.NewFromInt(52)
	monthsPerYear = decimal.NewFromInt(12)
)

// Ages of the minimumjeugdloon: from adultAge the worker has the full
// minimum wage; under youngestAge the law gives no minimum wage at all.
const (
	adultAge    = 21
	youngestAge = 15
)

// youthParam is the parameter with the minimumjeugdloon of an age, as a
// percentage of the adult minimum wage.
func youthParam(age int) string { return "minimumjeugdloon.leeftijd_" + strconv.Itoa(age) }

// minimumWage is the statutory minimum wage per hour that applies to a
// worker of age (0: not given), with the reason that explains it, if any.
// Under 21 it is the minimumjeugdloon: a percentage of the adult hourly
// minimum wage, rounded to whole cents as the published hourly amounts
// are (80% of € 14,71 = € 11,768: € 11,77).
func minimumWage(c *calc, age int, adult values.SetValue) (Money, *Reason, error) {
	wml := Money(adult.Value)
	adultText := c.euro(wml) + c.t(" per uur (", " an hour (") + c.year(adult) + ")"
	const wml7 = "Wet minimumloon en minimumvakantiebijslag"
	switch {
	case age == 0:
		return wml, &Reason{Law: wml7, Article: "7", Text: c.t(
			"De leeftijd van de werknemer is niet ingevuld. Daarom rekenen we met het minimumloon voor werknemers van 21 jaar en ouder: "+adultText+". Is de werknemer jonger dan 21 jaar? Vul dan de leeftijd in. Het minimumloon is dan lager.",
			"The employee's age is not filled in. So we use the minimum wage for employees aged 21 and older: "+adultText+". Is the employee younger than 21? Then fill in the age. The minimum wage is then lower.")}, nil
	case age < youngestAge:
		return Money{}, nil, &InputError{lang: c.lang, Fields: []FieldError{{Field: "age", Message: c.t(
			"onder 15 jaar geldt geen wettelijk minimumloon; vul een leeftijd van 15 jaar of ouder in, of laat het leeg",
			"there is no statutory minimum wage under 15; fill in an age of 15 or older, or leave it empty")}}}
	case age >= adultAge:
		return wml, nil, nil
	}
	pct := c.p.dec(youthParam(age))
	youth := cents(adult.Value.Mul(pct), hundred)
	n := strconv.Itoa(age)
	return youth, &Reason{Law: "Besluit minimumjeugdloonregeling", Article: "2", Paragraph: "1", Text: c.t(
		"De werknemer is "+n+" jaar. Dan is het minimumloon "+c.number(pct)+"% van het minimumloon voor 21 jaar en ouder. Dat is "+c.number(pct)+"% van "+adultText+": "+c.euro(youth)+" per uur.",
		"The employee is "+n+". Then the minimum wage is "+c.number(pct)+"% of the minimum wage for those aged 21 and older. That is "+c.number(pct)+"% of "+adultText+": "+c.euro(youth)+" an hour.")}, nil
}

// arbeidsbeperking computes the statutory loonkostensubsidie of the
// ordinance, which follows Participatiewet artikel 10d. In the text of that
// article (checked in its version of 1 January 2015, where it is lid 4) the subsidy
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
func arbeidsbeperking(c *calc) error {
	r, in, res, l := c.p, c.in, c.res, c
	wml := r.value("minimumloon.per_uur")
	vb := r.dec("minimumvakantiebijslag")
	capPct := r.dec("loonkostensubsidie.maximum_percentage")
	costs := r.dec("loonkostensubsidie.werkgeverslasten")
	if err := r.err(); err != nil {
		return err
	}
	minimum, ageReason, err := minimumWage(c, in.Int("age"), wml)
	if err == nil {
		err = r.err() // the percentage of the age read in minimumWage
	}
	if err != nil {
		return err
	}
	hours := in.Decimal("hours_per_week")
	lwPct := in.Decimal("loonwaarde_percent")
	hourly := in.Money("hourly_wage")
	wage := hourly.dec()

	withVB := one.Add(vb.Shift(-2))
	withCosts := one.Add(costs.Shift(-2))
	base := minimum.dec().Mul(withVB)                // minimum wage with holiday pay, per hour
	loonwaarde := wage.Mul(lwPct).Shift(-2)          // loonwaarde per hour, without holiday pay
	diff := base.Sub(loonwaarde.Mul(withVB))         // per hour
	limit := base.Mul(capPct).Shift(-2)              // per hour
	perMonth := hours.Mul(weeksPerYear)              // × hours per month × 12
	maxMonthly := limit.Mul(withCosts).Mul(perMonth) // × 12
	res.set("max_monthly", cents(maxMonthly, monthsPerYear))
	res.set("minimum_wage_per_hour", minimum)
	wage2, wmlText := l.euro(hourly), l.euro(minimum)+l.t(" per uur (", " an hour (")+l.year(wml)+")"
	// The reason for the minimum wage of the worker's age comes first.
	var first []Reason
	if ageReason != nil {
		first = []Reason{*ageReason}
	}
	if wage.LessThan(minimum.dec()) {
		res.Reasons = append(first, c.cite("eligibility",
			"Het uurloon is "+wage2+". Dat is lager dan het minimumloon van "+wmlText+". De werkgever moet minstens het minimumloon betalen. De subsidie vult alleen het verschil met de loonwaarde aan.",
			"The hourly wage is "+wage2+". That is lower than the minimum wage of "+wmlText+". The employer must pay at least the minimum wage. The subsidy only makes up the difference with the loonwaarde (wage value)."))
		return nil
	}
	lw := l.number(lwPct) + l.t("% van het uurloon van ", "% of the hourly wage of ") + wage2 + ": " + l.euro(cents(loonwaarde, one)) + l.t(" per uur.", " an hour.")
	if diff.Sign() <= 0 {
		res.Reasons = append(first, c.cite("eligibility",
			"De loonwaarde van de werknemer is "+lw+" Daarmee verdient de werknemer zelf al het minimumloon van "+wmlText+". Dan krijgt de werkgever geen loonkostensubsidie.",
			"The employee's loonwaarde (wage value) is "+lw+" With that the employee already earns the minimum wage of "+wmlText+". Then the employer gets no loonkostensubsidie (wage cost subsidy)."))
		return nil
	}
	subsidy := decimal.Min(diff, limit)
	res.Eligible = true
	monthly := cents(subsidy.Mul(withCosts).Mul(perMonth), monthsPerYear)
	res.set("monthly_amount", monthly)
	vbText := l.t("Tel bij het minimumloon en bij de loonwaarde "+l.number(vb)+"% vakantiebijslag op.",
		"Add "+l.number(vb)+"% holiday pay to the minimum wage and to the wage value.")
	diffText := vbText + l.t(" De subsidie is het verschil: "+l.euro(cents(diff, one))+" per uur.",
		" The subsidy is the difference: "+l.euro(cents(diff, one))+" an hour.")
	if diff.GreaterThan(limit) {
		pct, lim := l.number(capPct), l.euro(cents(limit, one))
		diffText = vbText + l.t(
			" Het verschil is dan meer dan "+pct+"% van het minimumloon met vakantiebijslag. Daarom is de subsidie hoogstens "+lim+" per uur.",
			" The difference is then more than "+pct+"% of the minimum wage with holiday pay. So the subsidy is at most "+lim+" an hour.")
	}
	res.Reasons = append(first,
		c.cite("eligibility",
			"De loonwaarde van de werknemer is "+lw+" Dat is minder dan het minimumloon van "+wmlText+". Door de arbeidsbeperking kan de werknemer dus niet het minimumloon verdienen.",
			"The employee's loonwaarde (wage value) is "+lw+" That is less than the minimum wage of "+wmlText+". So because of the arbeidsbeperking (work disability) the employee cannot earn the minimum wage."),
		Reason{Law: "Participatiewet", Article: "10d", Text: diffText},
		Reason{Law: "Regeling loonkostensubsidie Participatiewet 2021", Article: "1", Text: l.t(
			"Daar komt "+l.number(costs)+"% bij voor werkgeverslasten.",
			"On top of that comes "+l.number(costs)+"% for employer costs (werkgeverslasten).")},
		Reason{Law: "Participatiewet", Article: "10d", Text: l.t(
			"De werknemer werkt "+l.number(hours)+" uur per week. Een maand heeft gemiddeld 52 / 12 weken. De subsidie is dan "+l.euro(monthly)+" per maand. Het wettelijke maximum bij deze uren is "+l.euro(res.Money("max_monthly"))+" per maand.",
			"The employee works "+l.number(hours)+" hours a week. A month has 52 / 12 weeks on average. The subsidy is then "+l.euro(monthly)+" a month. The legal maximum for these hours is "+l.euro(res.Money("max_monthly"))+" a month.")},
	)
	return nil
}
