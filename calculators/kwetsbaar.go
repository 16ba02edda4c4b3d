package calculators

import (
	"strconv"

	"github.com/regelgids/regelgids/calculators/internal/jsonlite"
	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/shopspring/decimal"
)

// Values of KwetsbaarResult.Category.
const (
	CategoryKwetsbaar        = "kwetsbaar"
	CategoryUiterstKwetsbaar = "uiterst_kwetsbaar"
)

// KwetsbaarInput is the situation of a worker for the loonkostensubsidie for
// kwetsbare inwoners (artikel 11).
type KwetsbaarInput struct {
	// Date is the day the work starts. Required.
	Date values.Date `json:"date"`
	// MonthlyWageCosts is what the worker costs the employer per month.
	// Required, more than 0.
	MonthlyWageCosts Money `json:"monthly_wage_costs"`
	// MonthsWithoutPaidWork is how many months the worker had no paid work
	// just before starting. Required.
	MonthsWithoutPaidWork int `json:"months_without_paid_work"`
	// HasStartQualification is true when the worker has a startkwalificatie
	// (a havo, vwo or mbo-2 diploma or higher). Required.
	HasStartQualification bool `json:"has_start_qualification"`
	// Age is the age in years on Date. Required.
	Age int `json:"age"`
	// SingleParent is true when the worker is an alleenstaande ouder.
	// Required.
	SingleParent bool `json:"single_parent"`
	// Lang is the language of the reasons, the label and the error
	// messages: "nl" (Dutch) or "en" (English). Optional, default "nl".
	Lang string `json:"lang,omitempty"`
}

var kwetsbaarFields = []string{"date", "monthly_wage_costs", "months_without_paid_work",
	"has_start_qualification", "age", "single_parent", langField}

// KwetsbaarResult is the most the gemeente can give.
type KwetsbaarResult struct {
	Eligible bool
	// Category is "kwetsbaar", "uiterst_kwetsbaar" or "" when neither.
	Category string
	// MaxMonthly is the most per month: 50% of the wage costs (lid 4).
	MaxMonthly Money
	// MaxMonths is the longest duration: 12 or 24 months (lid 5).
	MaxMonths int
	// MaxTotal is 50% of the wage costs × MaxMonths, computed exactly and
	// rounded once; it can differ by some cents from MaxMonthly × MaxMonths.
	MaxTotal Money
	Reasons  []Reason
	lang     lang
}

// Summary implements Result.
func (r *KwetsbaarResult) Summary() Summary {
	return Summary{Eligible: r.Eligible, Amount: r.MaxTotal, AmountLabel: r.lang.t("Hoogstens in totaal", "At most in total"), Reasons: r.Reasons}
}

// MarshalJSON implements Result: {"eligible", "category", "max_monthly",
// "max_months", "max_total", "reasons"}.
func (r *KwetsbaarResult) MarshalJSON() ([]byte, error) {
	var w jsonlite.Writer
	w.Bool("eligible", r.Eligible)
	w.String("category", r.Category)
	w.Raw("max_monthly", r.MaxMonthly.raw())
	w.Int("max_months", r.MaxMonths)
	w.Raw("max_total", r.MaxTotal.raw())
	w.Raw("reasons", reasonsJSON(r.Reasons))
	return w.Bytes(), nil
}

func (in KwetsbaarInput) check() *checks {
	c := newChecks(in.Lang)
	c.date("date", in.Date)
	c.money("monthly_wage_costs", in.MonthlyWageCosts, true, maxPerMonth, perMonth)
	c.count("months_without_paid_work", in.MonthsWithoutPaidWork, 1200)
	c.count("age", in.Age, 130)
	return c
}

func parseKwetsbaar(input []byte, last values.Date) (values.Date, func(values.Set) (Result, error), error) {
	d := newDecoder(input, kwetsbaarFields, last)
	in := KwetsbaarInput{Lang: d.lang}
	in.Date = d.date("date")
	in.MonthlyWageCosts = d.money("monthly_wage_costs", true)
	in.MonthsWithoutPaidWork = d.integer("months_without_paid_work", true)
	in.HasStartQualification = d.boolean("has_start_qualification", true)
	in.Age = d.integer("age", true)
	in.SingleParent = d.boolean("single_parent", true)
	if err := d.finish(in.check().errs); err != nil {
		return values.Date{}, nil, err
	}
	return in.Date, runner(in, kwetsbaar), nil
}

// Kwetsbaar computes the loonkostensubsidie for kwetsbare inwoners of
// artikel 11: which criteria of lid 2 apply, whether the worker is
// kwetsbaar or uiterst kwetsbaar, and the most per month and in total.
//
// The ordinance does not define "uiterst kwetsbaar". Its toelichting says
// the article follows the terms of the European state-aid rules, that is
// Commission Regulation (EU) No 651/2014 (General Block Exemption
// Regulation, OJ L 187, 26.6.2014), whose article 32 allows wage subsidies
// of 50% for 12 months for a "disadvantaged worker" (article 2 point 4) and
// 24 months for a "severely disadvantaged worker" (article 2 point 99). The
// criteria of lid 2 are points 4(a), (c), (d) and (e) of that definition.
// Point 99 reads: not in regular paid employment for at least 24 months, or
// for at least 12 months while belonging to one of the categories (b) to (g)
// of point 4. Of those categories the ordinance adopted only (c), (d) and
// (e), its own b, c and d, so those are the ones counted here.
func Kwetsbaar(in KwetsbaarInput, set values.Set) (*KwetsbaarResult, error) {
	if c := in.check(); len(c.errs) > 0 {
		return nil, inputError(c.errs, kwetsbaarFields, c.l)
	}
	return kwetsbaar(in, set)
}

func kwetsbaar(in KwetsbaarInput, set values.Set) (*KwetsbaarResult, error) {
	l := langOf(in.Lang)
	r := newReader(set, in.Date, l)
	withoutWork := r.int("loonkostensubsidie_kwetsbaar.zonder_werk")
	ageLimit := r.int("loonkostensubsidie_kwetsbaar.leeftijd")
	severe := r.int("loonkostensubsidie_kwetsbaar.uiterst_zonder_werk")
	severeWith := r.int("loonkostensubsidie_kwetsbaar.uiterst_zonder_werk_met_kenmerk")
	pct := r.dec("loonkostensubsidie_kwetsbaar.max_percentage")
	monthsK := r.int("loonkostensubsidie_kwetsbaar.duur_kwetsbaar")
	monthsUK := r.int("loonkostensubsidie_kwetsbaar.duur_uiterst_kwetsbaar")
	if err := r.err(); err != nil {
		return nil, err
	}
	a := in.MonthsWithoutPaidWork >= withoutWork
	b := !in.HasStartQualification
	c := in.Age > ageLimit
	d := in.SingleParent
	w, age := strconv.Itoa(withoutWork), strconv.Itoa(ageLimit)
	s, sw := strconv.Itoa(severe), strconv.Itoa(severeWith)
	reasons := []Reason{
		l.criterion(a, "a",
			l.t("U had "+w+" maanden of langer geen betaald werk voordat u begon.", "You had no paid work for "+w+" months or longer before you started."),
			l.t("U had korter dan "+w+" maanden geen betaald werk voordat u begon.", "You had no paid work for less than "+w+" months before you started.")),
		l.criterion(b, "b",
			l.t("U heeft geen startkwalificatie.", "You have no startkwalificatie (basic qualification)."),
			l.t("U heeft een startkwalificatie.", "You have a startkwalificatie (basic qualification).")),
		l.criterion(c, "c",
			l.t("U bent ouder dan "+age+" jaar.", "You are older than "+age+"."),
			l.t("U bent niet ouder dan "+age+" jaar.", "You are not older than "+age+".")),
		l.criterion(d, "d",
			l.t("U bent alleenstaande ouder.", "You are a single parent (alleenstaande ouder)."),
			l.t("U bent geen alleenstaande ouder.", "You are not a single parent (alleenstaande ouder).")),
	}
	res := &KwetsbaarResult{MaxMonthly: Money(decimal.Zero), MaxTotal: Money(decimal.Zero), lang: l}
	if !(a || b || c || d) {
		res.Reasons = append(reasons, l.reason("11", "2",
			"Geen van de punten a tot en met d geldt voor u. U bent dus niet kwetsbaar. Deze loonkostensubsidie is dan niet mogelijk.",
			"None of the points a to d applies to you. So you are not kwetsbaar (vulnerable). This loonkostensubsidie (wage cost subsidy) is then not possible."))
		return res, nil
	}
	res.Eligible = true
	gber := l.t(" De verordening zegt niet wat uiterst kwetsbaar is. De toelichting volgt de Europese regels voor staatssteun (Verordening (EU) 651/2014, artikel 2 punt 99).",
		" The ordinance does not say what very vulnerable means. Its notes (toelichting) follow the European state aid rules (Regulation (EU) 651/2014, article 2 point 99).")
	switch {
	case in.MonthsWithoutPaidWork >= severe:
		res.Category, res.MaxMonths = CategoryUiterstKwetsbaar, monthsUK
		reasons = append(reasons, Reason{Article: "11", Paragraph: "toelichting", Text: l.t(
			"U bent uiterst kwetsbaar. U had "+s+" maanden of langer geen betaald werk.",
			"You are uiterst kwetsbaar (very vulnerable). You had no paid work for "+s+" months or longer.") + gber})
	case in.MonthsWithoutPaidWork >= severeWith && (b || c || d):
		res.Category, res.MaxMonths = CategoryUiterstKwetsbaar, monthsUK
		reasons = append(reasons, Reason{Article: "11", Paragraph: "toelichting", Text: l.t(
			"U bent uiterst kwetsbaar. U had "+sw+" maanden of langer geen betaald werk. En ook punt b, c of d geldt voor u.",
			"You are uiterst kwetsbaar (very vulnerable). You had no paid work for "+sw+" months or longer. And point b, c or d also applies to you.") + gber})
	default:
		res.Category, res.MaxMonths = CategoryKwetsbaar, monthsK
		reasons = append(reasons,
			l.reason("11", "2",
				"Minstens één van de punten a tot en met d geldt voor u. U bent dus kwetsbaar.",
				"At least one of the points a to d applies to you. So you are kwetsbaar (vulnerable)."),
			Reason{Article: "11", Paragraph: "toelichting", Text: l.t(
				"U bent niet uiterst kwetsbaar. Daarvoor moet u "+s+" maanden geen betaald werk hebben gehad. Of "+sw+" maanden, en dan moet ook punt b, c of d gelden.",
				"You are not uiterst kwetsbaar (very vulnerable). For that you need "+s+" months without paid work. Or "+sw+" months, and point b, c or d must also apply.") + gber})
	}
	// Both from the exact product, each rounded once: the total is not the
	// rounded monthly amount times the months, which would multiply its
	// rounding (1000.01 × 50% = 500.005 a month, 24 months: 12000.12, not
	// 500.01 × 24 = 12000.24).
	exactMonthly := in.MonthlyWageCosts.dec().Mul(pct)
	res.MaxMonthly = cents(exactMonthly, hundred)
	res.MaxTotal = cents(exactMonthly.Mul(decimal.NewFromInt(int64(res.MaxMonths))), hundred)
	n := strconv.Itoa(res.MaxMonths)
	kind := l.t("een kwetsbare", "a vulnerable")
	if res.Category == CategoryUiterstKwetsbaar {
		kind = l.t("een uiterst kwetsbare", "a very vulnerable")
	}
	res.Reasons = append(reasons,
		l.reason("11", "4",
			"De subsidie is hoogstens "+l.number(pct)+"% van de loonkosten. Dat is "+l.euro(res.MaxMonthly)+" per maand.",
			"The subsidy is at most "+l.number(pct)+"% of the wage costs. That is "+l.euro(res.MaxMonthly)+" a month."),
		l.reason("11", "5",
			"De subsidie duurt hoogstens "+n+" maanden voor "+kind+" werknemer. Samen is dat hoogstens "+l.euro(res.MaxTotal)+".",
			"The subsidy lasts at most "+n+" months for "+kind+" worker. Together that is at most "+l.euro(res.MaxTotal)+"."),
		l.reason("11", "6",
			"Let op: de gemeente geeft deze subsidie alleen onder twee voorwaarden. De werkgever zou u zonder subsidie niet aannemen. En geen andere regeling helpt genoeg.",
			"Note: the gemeente (municipality) gives this subsidy only on two conditions. The employer would not hire you without it. And no other scheme helps enough."),
	)
	return res, nil
}

// criterion is the reason for one of the points a to d of artikel 11 lid 2.
func (l lang) criterion(applies bool, point, yes, no string) Reason {
	text := no + l.t(" Punt "+point+" geldt dus niet.", " So point "+point+" does not apply.")
	if applies {
		text = yes + l.t(" Punt "+point+" geldt dus.", " So point "+point+" applies.")
	}
	return Reason{Article: "11", Paragraph: "2", Text: text}
}
