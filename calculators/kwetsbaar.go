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
}

var kwetsbaarFields = []string{"date", "monthly_wage_costs", "months_without_paid_work",
	"has_start_qualification", "age", "single_parent"}

// KwetsbaarResult is the most the gemeente can give.
type KwetsbaarResult struct {
	Eligible bool
	// Category is "kwetsbaar", "uiterst_kwetsbaar" or "" when neither.
	Category string
	// MaxMonthly is the most per month: 50% of the wage costs (lid 4).
	MaxMonthly Money
	// MaxMonths is the longest duration: 12 or 24 months (lid 5).
	MaxMonths int
	// MaxTotal is MaxMonthly × MaxMonths.
	MaxTotal Money
	Reasons  []Reason
}

// Summary implements Result.
func (r *KwetsbaarResult) Summary() Summary {
	return Summary{Eligible: r.Eligible, Amount: r.MaxTotal, AmountLabel: "Hoogstens in totaal", Reasons: r.Reasons}
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

func (in KwetsbaarInput) check() []FieldError {
	var c checks
	c.date("date", in.Date)
	c.money("monthly_wage_costs", in.MonthlyWageCosts, true)
	c.count("months_without_paid_work", in.MonthsWithoutPaidWork, 1200)
	c.count("age", in.Age, 130)
	return c
}

func parseKwetsbaar(input []byte) (values.Date, func(values.Set) (Result, error), error) {
	d := newDecoder(input, kwetsbaarFields)
	var in KwetsbaarInput
	in.Date = d.date("date")
	in.MonthlyWageCosts = d.money("monthly_wage_costs", true)
	in.MonthsWithoutPaidWork = d.integer("months_without_paid_work", true)
	in.HasStartQualification = d.boolean("has_start_qualification", true)
	in.Age = d.integer("age", true)
	in.SingleParent = d.boolean("single_parent", true)
	if err := d.finish(in.check()); err != nil {
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
	if err := inputError(in.check(), kwetsbaarFields); err != nil {
		return nil, err
	}
	return kwetsbaar(in, set)
}

func kwetsbaar(in KwetsbaarInput, set values.Set) (*KwetsbaarResult, error) {
	r := newReader(set, in.Date)
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
	w := strconv.Itoa(withoutWork)
	reasons := []Reason{
		criterion(a, "a", "Je had "+w+" maanden of langer geen betaald werk voordat je begon.", "Je had korter dan "+w+" maanden geen betaald werk voordat je begon."),
		criterion(b, "b", "Je hebt geen startkwalificatie.", "Je hebt een startkwalificatie."),
		criterion(c, "c", "Je bent ouder dan "+strconv.Itoa(ageLimit)+" jaar.", "Je bent niet ouder dan "+strconv.Itoa(ageLimit)+" jaar."),
		criterion(d, "d", "Je bent alleenstaande ouder.", "Je bent geen alleenstaande ouder."),
	}
	res := &KwetsbaarResult{MaxMonthly: Money(decimal.Zero), MaxTotal: Money(decimal.Zero)}
	if !(a || b || c || d) {
		res.Reasons = append(reasons, Reason{Article: "11", Paragraph: "2",
			Text: "Geen van de punten a tot en met d geldt voor je. Je bent dus niet kwetsbaar en deze loonkostensubsidie is niet mogelijk."})
		return res, nil
	}
	res.Eligible = true
	const gber = " De verordening zegt niet wat uiterst kwetsbaar is. De toelichting volgt de Europese regels voor staatssteun (Verordening (EU) 651/2014, artikel 2 punt 99)."
	switch {
	case in.MonthsWithoutPaidWork >= severe:
		res.Category, res.MaxMonths = CategoryUiterstKwetsbaar, monthsUK
		reasons = append(reasons, Reason{Article: "11", Paragraph: "toelichting",
			Text: "Je bent uiterst kwetsbaar, want je had " + strconv.Itoa(severe) + " maanden of langer geen betaald werk." + gber})
	case in.MonthsWithoutPaidWork >= severeWith && (b || c || d):
		res.Category, res.MaxMonths = CategoryUiterstKwetsbaar, monthsUK
		reasons = append(reasons, Reason{Article: "11", Paragraph: "toelichting",
			Text: "Je bent uiterst kwetsbaar, want je had " + strconv.Itoa(severeWith) + " maanden of langer geen betaald werk en ook punt b, c of d geldt voor je." + gber})
	default:
		res.Category, res.MaxMonths = CategoryKwetsbaar, monthsK
		reasons = append(reasons,
			Reason{Article: "11", Paragraph: "2", Text: "Minstens één van de punten a tot en met d geldt voor je. Je bent dus kwetsbaar."},
			Reason{Article: "11", Paragraph: "toelichting",
				Text: "Je bent niet uiterst kwetsbaar. Daarvoor moet je " + strconv.Itoa(severe) + " maanden geen betaald werk hebben gehad, of " + strconv.Itoa(severeWith) + " maanden en ook punt b, c of d." + gber})
	}
	res.MaxMonthly = cents(in.MonthlyWageCosts.dec().Mul(pct), hundred)
	res.MaxTotal = Money(res.MaxMonthly.dec().Mul(decimal.NewFromInt(int64(res.MaxMonths))))
	kind := "een kwetsbare"
	if res.Category == CategoryUiterstKwetsbaar {
		kind = "een uiterst kwetsbare"
	}
	res.Reasons = append(reasons,
		Reason{Article: "11", Paragraph: "4",
			Text: "De subsidie is hoogstens " + number(pct) + "% van de loonkosten. Dat is " + euro(res.MaxMonthly) + " per maand."},
		Reason{Article: "11", Paragraph: "5",
			Text: "De subsidie duurt hoogstens " + strconv.Itoa(res.MaxMonths) + " maanden voor " + kind + " werknemer. Samen is dat hoogstens " + euro(res.MaxTotal) + "."},
		Reason{Article: "11", Paragraph: "6",
			Text: "Let op: de gemeente geeft deze subsidie alleen als de werkgever je zonder subsidie niet zou aannemen en geen andere regeling genoeg helpt."},
	)
	return res, nil
}

// criterion is the reason for one of the points a to d of artikel 11 lid 2.
func criterion(applies bool, point, yes, no string) Reason {
	text := no + " Punt " + point + " geldt dus niet."
	if applies {
		text = yes + " Punt " + point + " geldt dus."
	}
	return Reason{Article: "11", Paragraph: "2", Text: text}
}
