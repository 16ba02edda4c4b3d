package calculators

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Values of the output "category" of loonkostensubsidie-kwetsbaar.
const (
	CategoryKwetsbaar        = "kwetsbaar"
	CategoryUiterstKwetsbaar = "uiterst_kwetsbaar"
)

// kwetsbaarRule is the loonkostensubsidie for kwetsbare inwoners: which
// criteria (points a to d) apply, whether the worker is kwetsbaar or uiterst
// kwetsbaar, and the most per month and in total.
var kwetsbaarRule = &Rule{
	Name: "loonkostensubsidie-kwetsbaar",
	Fields: []Field{
		// The day the work starts.
		{Name: "date", Kind: KindDate},
		// What the worker costs the employer per month.
		{Name: "monthly_wage_costs", Kind: KindMoney, Positive: true, Max: maxPerMonth, Per: PerMonth},
		// Months without paid work just before starting.
		{Name: "months_without_paid_work", Kind: KindInt, Max: maxMonths},
		// Has a startkwalificatie (a havo, vwo or mbo-2 diploma or higher).
		{Name: "has_start_qualification", Kind: KindBool},
		// The age in years on the date.
		{Name: "age", Kind: KindInt, Max: maxAge},
		// Is an alleenstaande ouder.
		{Name: "single_parent", Kind: KindBool},
		// Finished full-time education less than two years ago and had no
		// regular paid job since; optional. Only the European definition
		// counts it (see kwetsbaar).
		{Name: "recent_school_leaver", Kind: KindBool, Need: Optional},
	},
	// category: "kwetsbaar", "uiterst_kwetsbaar" or "" when neither;
	// max_monthly: the most per month, a percentage of the wage costs;
	// max_months: the longest duration; max_total: the percentage of the
	// wage costs × max_months, computed exactly and rounded once, so it can
	// differ by some cents from max_monthly × max_months.
	Outputs:   []Output{{"category", KindText}, {"max_monthly", KindMoney}, {"max_months", KindInt}, {"max_total", KindMoney}},
	Main:      "max_total",
	MainLabel: Text{"Hoogstens in totaal", "At most in total"},
	Reasons: []ReasonKey{
		{"criteria", "the points a to d that make a worker kwetsbaar (one reason per point)"},
		{"severe", "when a worker is uiterst kwetsbaar, a term the ordinance takes from the European state-aid rules"},
		{"percentage", "the most per month, as a percentage of the wage costs"},
		{"duration", "the longest duration, for kwetsbaar and for uiterst kwetsbaar"},
		{"conditions", "the conditions: no hiring without the subsidy, and no other scheme that helps enough"},
	},
	Params: []string{"loonkostensubsidie_kwetsbaar.zonder_werk", "loonkostensubsidie_kwetsbaar.leeftijd",
		"loonkostensubsidie_kwetsbaar.uiterst_zonder_werk", "loonkostensubsidie_kwetsbaar.uiterst_zonder_werk_met_kenmerk",
		"loonkostensubsidie_kwetsbaar.max_percentage", "loonkostensubsidie_kwetsbaar.duur_kwetsbaar",
		"loonkostensubsidie_kwetsbaar.duur_uiterst_kwetsbaar",
		"loonkostensubsidie_kwetsbaar.eu_jongere_van", "loonkostensubsidie_kwetsbaar.eu_jongere_tot"},
	Examples: kwetsbaarExamples,
	compute:  kwetsbaar,
}

// kwetsbaar computes the loonkostensubsidie for kwetsbare inwoners.
//
// The ordinance does not define "uiterst kwetsbaar". Its toelichting says
// the article follows the terms of the European state-aid rules, that is
// Commission Regulation (EU) No 651/2014 (General Block Exemption
// Regulation, OJ L 187, 26.6.2014), whose article 32 allows wage subsidies
// of 50% for 12 months for a "disadvantaged worker" (article 2 point 4) and
// 24 months for a "severely disadvantaged worker" (article 2 point 99). The
// criteria a to d of the ordinance are points 4(a), (c), (d) and (e) of
// that definition. Point 99 reads: not in regular paid employment for at
// least 24 months, or for at least 12 months while belonging to one of the
// categories (b) to (g) of point 4. Of those categories the ordinance
// adopted only (c), (d) and (e), its own b, c and d, so those are the ones
// counted here. That is a reading: point 4 also counts (b), a person
// between 15 and 24, and in (c) a person within two years after full-time
// education without a first regular paid job. Where counting those would
// make the worker uiterst kwetsbaar (24 months) and the reading gives 12,
// the result keeps 12 but says so, with both outcomes.
func kwetsbaar(c *calc) error {
	r, in, res := c.p, c.in, c.res
	withoutWork := r.int("loonkostensubsidie_kwetsbaar.zonder_werk")
	ageLimit := r.int("loonkostensubsidie_kwetsbaar.leeftijd")
	severe := r.int("loonkostensubsidie_kwetsbaar.uiterst_zonder_werk")
	severeWith := r.int("loonkostensubsidie_kwetsbaar.uiterst_zonder_werk_met_kenmerk")
	pct := r.dec("loonkostensubsidie_kwetsbaar.max_percentage")
	monthsK := r.int("loonkostensubsidie_kwetsbaar.duur_kwetsbaar")
	monthsUK := r.int("loonkostensubsidie_kwetsbaar.duur_uiterst_kwetsbaar")
	if err := r.err(); err != nil {
		return err
	}
	months := in.Int("months_without_paid_work")
	pa := months >= withoutWork
	pb := !in.Bool("has_start_qualification")
	pc := in.Int("age") > ageLimit
	pd := in.Bool("single_parent")
	youngFrom := r.int("loonkostensubsidie_kwetsbaar.eu_jongere_van")
	youngTo := r.int("loonkostensubsidie_kwetsbaar.eu_jongere_tot")
	workerAge := in.Int("age")
	young := workerAge >= youngFrom && workerAge <= youngTo
	schoolLeaver := in.Bool("recent_school_leaver")
	w, age := strconv.Itoa(withoutWork), strconv.Itoa(ageLimit)
	s, sw := strconv.Itoa(severe), strconv.Itoa(severeWith)
	reasons := []Reason{
		c.criterion(pa, "a",
			c.t("De werknemer had "+w+" maanden of langer geen betaald werk voordat het werk begon.", "The employee had no paid work for "+w+" months or longer before the work started."),
			c.t("De werknemer had korter dan "+w+" maanden geen betaald werk voordat het werk begon.", "The employee had no paid work for less than "+w+" months before the work started.")),
		c.criterion(pb, "b",
			c.t("De werknemer heeft geen startkwalificatie.", "The employee has no startkwalificatie (basic qualification)."),
			c.t("De werknemer heeft een startkwalificatie.", "The employee has a startkwalificatie (basic qualification).")),
		c.criterion(pc, "c",
			c.t("De werknemer is ouder dan "+age+" jaar.", "The employee is older than "+age+"."),
			c.t("De werknemer is niet ouder dan "+age+" jaar.", "The employee is not older than "+age+".")),
		c.criterion(pd, "d",
			c.t("De werknemer is alleenstaande ouder.", "The employee is a single parent (alleenstaande ouder)."),
			c.t("De werknemer is geen alleenstaande ouder.", "The employee is not a single parent (alleenstaande ouder).")),
	}
	if !(pa || pb || pc || pd) {
		res.Reasons = append(reasons, c.cite("criteria",
			"Geen van de punten a tot en met d geldt voor de werknemer. De werknemer is dus niet kwetsbaar. Dan kan de werkgever deze loonkostensubsidie niet krijgen.",
			"None of the points a to d applies to the employee. So the employee is not kwetsbaar (vulnerable). Then the employer cannot get this loonkostensubsidie (wage cost subsidy)."))
		return nil
	}
	res.Eligible = true
	gber := c.t(" De verordening zegt niet wat uiterst kwetsbaar is. De toelichting volgt de Europese regels voor staatssteun (Verordening (EU) 651/2014, artikel 2 punt 99).",
		" The ordinance does not say what very vulnerable means. Its notes (toelichting) follow the European state aid rules (Regulation (EU) 651/2014, article 2 point 99).")
	category, maxMonths := CategoryKwetsbaar, monthsK
	switch {
	case months >= severe:
		category, maxMonths = CategoryUiterstKwetsbaar, monthsUK
		reasons = append(reasons, c.citeText("severe", c.t(
			"De werknemer is uiterst kwetsbaar. De werknemer had "+s+" maanden of langer geen betaald werk.",
			"The employee is uiterst kwetsbaar (very vulnerable). The employee had no paid work for "+s+" months or longer.")+gber))
	case months >= severeWith && (pb || pc || pd):
		category, maxMonths = CategoryUiterstKwetsbaar, monthsUK
		reasons = append(reasons, c.citeText("severe", c.t(
			"De werknemer is uiterst kwetsbaar. De werknemer had "+sw+" maanden of langer geen betaald werk. En ook punt b, c of d geldt voor de werknemer.",
			"The employee is uiterst kwetsbaar (very vulnerable). The employee had no paid work for "+sw+" months or longer. And point b, c or d also applies to the employee.")+gber))
	default:
		reasons = append(reasons,
			c.cite("criteria",
				"Minstens één van de punten a tot en met d geldt voor de werknemer. De werknemer is dus kwetsbaar.",
				"At least one of the points a to d applies to the employee. So the employee is kwetsbaar (vulnerable)."),
			c.citeText("severe", c.t(
				"De werknemer is niet uiterst kwetsbaar. Daarvoor moet de werknemer "+s+" maanden geen betaald werk hebben gehad. Of "+sw+" maanden, en dan moet ook punt b, c of d gelden.",
				"The employee is not uiterst kwetsbaar (very vulnerable). For that the employee needs "+s+" months without paid work. Or "+sw+" months, and point b, c or d must also apply.")+gber))
		if months >= severeWith && (young || schoolLeaver) {
			reasons = append(reasons, c.euReading(young, youngFrom, youngTo, in.Money("monthly_wage_costs"), pct, monthsK, monthsUK))
		}
	}
	// Both from the exact product, each rounded once: the total is not the
	// rounded monthly amount times the months, which would multiply its
	// rounding (1000.01 × 50% = 500.005 a month, 24 months: 12000.12, not
	// 500.01 × 24 = 12000.24).
	exactMonthly := in.Money("monthly_wage_costs").dec().Mul(pct)
	maxMonthly := cents(exactMonthly, hundred)
	maxTotal := cents(exactMonthly.Mul(decimal.NewFromInt(int64(maxMonths))), hundred)
	res.set("category", category)
	res.set("max_monthly", maxMonthly)
	res.set("max_months", maxMonths)
	res.set("max_total", maxTotal)
	n := strconv.Itoa(maxMonths)
	kind := c.t("een kwetsbare", "a vulnerable")
	if category == CategoryUiterstKwetsbaar {
		kind = c.t("een uiterst kwetsbare", "a very vulnerable")
	}
	res.Reasons = append(reasons,
		c.cite("percentage",
			"De subsidie is hoogstens "+c.number(pct)+"% van de loonkosten. Dat is "+c.euro(maxMonthly)+" per maand.",
			"The subsidy is at most "+c.number(pct)+"% of the wage costs. That is "+c.euro(maxMonthly)+" a month."),
		c.cite("duration",
			"De subsidie duurt hoogstens "+n+" maanden voor "+kind+" werknemer. Samen is dat hoogstens "+c.euro(maxTotal)+".",
			"The subsidy lasts at most "+n+" months for "+kind+" employee. Together that is at most "+c.euro(maxTotal)+"."),
		c.cite("conditions",
			"Let op: de gemeente geeft deze subsidie alleen onder twee voorwaarden. De werkgever zou de werknemer zonder subsidie niet aannemen. En geen andere regeling helpt genoeg.",
			"Note: the gemeente (municipality) gives this subsidy only on two conditions. The employer would not hire the employee without it. And no other scheme helps enough."),
	)
	return nil
}

// euReading is the reason that names the other reading where the European
// definition would make the worker uiterst kwetsbaar and the calculator's
// reading does not: a young worker, or a recent school-leaver, without work
// for the shorter period but not the longer one.
func (c *calc) euReading(young bool, from, to int, wageCosts Money, pct decimal.Decimal, monthsK, monthsUK int) Reason {
	who := c.t("jongeren van "+strconv.Itoa(from)+" tot en met "+strconv.Itoa(to)+" jaar", "young people aged "+strconv.Itoa(from)+" to "+strconv.Itoa(to))
	if !young {
		who = c.t("wie in de laatste 2 jaar van school kwam, zonder vaste baan daarna", "people who left school in the last 2 years, without a regular job since")
	}
	total := func(months int) string {
		return c.euro(cents(wageCosts.dec().Mul(pct).Mul(decimal.NewFromInt(int64(months))), hundred))
	}
	n, k := strconv.Itoa(monthsUK), strconv.Itoa(monthsK)
	return c.citeText("severe", c.t(
		"Let op, dit hangt af van een lezing. De Europese regel telt ook mee: "+who+". Volgens die regel is de werknemer uiterst kwetsbaar. Dan duurt de subsidie hoogstens "+n+" maanden: samen hoogstens "+total(monthsUK)+". De rekenhulp volgt de verordening. Die noemt alleen de punten b, c en d. Daarom rekent de rekenhulp met "+k+" maanden: samen hoogstens "+total(monthsK)+". Vraag de gemeente welke lezing zij volgt.",
		"Note, this depends on a reading. The European rule also counts: "+who+". By that rule the employee is uiterst kwetsbaar (very vulnerable). Then the subsidy lasts at most "+n+" months: at most "+total(monthsUK)+" together. The calculator follows the ordinance. It names only the points b, c and d. So the calculator uses "+k+" months: at most "+total(monthsK)+" together. Ask the gemeente (municipality) which reading it follows."))
}

// criterion is the reason for one of the points a to d that make a worker
// kwetsbaar.
func (c *calc) criterion(applies bool, point, yes, no string) Reason {
	text := no + c.t(" Punt "+point+" geldt dus niet.", " So point "+point+" does not apply.")
	if applies {
		text = yes + c.t(" Punt "+point+" geldt dus.", " So point "+point+" applies.")
	}
	return c.citeText("criteria", text)
}
