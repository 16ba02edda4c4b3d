package calculators

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// participatiepremieRule is the premium for someone on a participatieplaats:
// an amount after every completed period on the place, for someone of the
// minimum age or older on algemene bijstand who cooperated enough.
var participatiepremieRule = &Rule{
	Name: "participatiepremie",
	Fields: []Field{
		// The day the premium is computed for.
		{Name: "date", Kind: KindDate},
		// The age in years on that day.
		{Name: "age", Kind: KindInt, Max: maxAge},
		{Name: "receives_algemene_bijstand", Kind: KindBool},
		// Completed months on the participatieplaats.
		{Name: "months_in_placement", Kind: KindInt, Max: maxMonths},
		// The gemeente granted the one extension.
		{Name: "extended", Kind: KindBool, Need: Optional},
		// After the extension the place went on at another employer. It
		// counts only where the ordinance allows a further period there
		// (participatieplaats.andere_werkgever); elsewhere it is not asked.
		{Name: "other_employer", Kind: KindBool, Need: Optional, Param: "participatieplaats.andere_werkgever"},
		// The gemeente finds the person cooperated enough to improve the
		// chance of paid work.
		{Name: "sufficient_cooperation", Kind: KindBool},
		// The person moved on to another voorziening during the placement
		// and the gemeente decided to continue the premium (it "kan
		// besluiten").
		{Name: "continuation_granted", Kind: KindBool, Need: Optional, Param: "participatiepremie.voortzetting_maximum"},
		// Completed months in that other voorziening; they count only when
		// continuation_granted.
		{Name: "continuation_months", Kind: KindInt, Need: Optional, Max: maxMonths, Param: "participatiepremie.voortzetting_maximum"},
	},
	// amount: the total, periods × per_period plus continuation_amount;
	// periods: the completed periods on the placement that count (months
	// beyond the allowed duration do not); per_period: the premium per
	// period in force on the date; continuation_amount: the premium over
	// the months in another voorziening, at most its maximum.
	Outputs:   []Output{{"amount", KindMoney}, {"periods", KindInt}, {"per_period", KindMoney}, {"continuation_amount", KindMoney}},
	Main:      "amount",
	MainLabel: Text{"Premie", "Bonus"},
	Reasons: []ReasonKey{
		{"target_group", "who can have a participatieplaats: the minimum age and algemene bijstand"},
		{"duration", "how long a participatieplaats lasts, its one extension, and a further period only at another employer where the ordinance has one"},
		{"premium", "the premium after every completed period, for sufficient cooperation"},
		{"continuation", "the premium may continue after moving on to another voorziening, up to a maximum"},
	},
	Params: []string{"participatieplaats.minimumleeftijd", "participatieplaats.duur", "participatieplaats.verlenging",
		"participatiepremie.periode", "participatiepremie.bedrag"},
	// andere_werkgever: the months the place may last after the extension,
	// only at another employer (absent: no such period). voortzetting_maximum:
	// the premium may continue after moving on to another voorziening, up to
	// this total (absent: it does not continue).
	Optional: []string{"participatieplaats.andere_werkgever", "participatiepremie.voortzetting_maximum"},
	Examples: participatieExamples,
	compute:  participatiepremie,
}

func participatiepremie(c *calc) error {
	minAge := c.p.int("participatieplaats.minimumleeftijd")
	duration := c.p.int("participatieplaats.duur")
	extension := c.p.int("participatieplaats.verlenging")
	period := c.p.int("participatiepremie.periode")
	per := c.p.value("participatiepremie.bedrag")
	further := c.p.optional("participatieplaats.andere_werkgever").Value.IntPart()
	contMax := c.p.optional("participatiepremie.voortzetting_maximum")
	if err := c.p.err(); err != nil {
		return err
	}
	if period <= 0 {
		return &ParamError{Missing: []string{"participatiepremie.periode (moet meer dan 0 zijn)"}}
	}
	in, res := c.in, c.res
	res.set("per_period", Money(per.Value))
	age, p := strconv.Itoa(minAge), strconv.Itoa(period)
	var no, yes []Reason
	if in.Int("age") < minAge {
		no = append(no, c.cite("target_group",
			"U bent jonger dan "+age+" jaar. Een participatieplaats is voor inwoners van "+age+" jaar of ouder.",
			"You are younger than "+age+". A participatieplaats (participation placement) is for residents aged "+age+" or older."))
	}
	if !in.Bool("receives_algemene_bijstand") {
		no = append(no, c.cite("target_group",
			"U krijgt geen algemene bijstand. Een participatieplaats is voor inwoners met algemene bijstand.",
			"You do not get algemene bijstand (social assistance). A participatieplaats (participation placement) is for residents on social assistance."))
	}
	if !in.Bool("sufficient_cooperation") {
		no = append(no, c.cite("premium",
			"De gemeente vindt dat u niet genoeg heeft meegewerkt aan betere kansen op betaald werk. Dan krijgt u geen premie.",
			"The municipality finds that you did not cooperate enough to improve your job chances. Then you get no participatiepremie (participation bonus)."))
	}
	if len(no) > 0 {
		res.Reasons = no
		return nil
	}

	months, allowed := in.Int("months_in_placement"), duration
	extended := in.Bool("extended") && extension > 0
	if extended {
		allowed += extension
	}
	// A further period only at another employer, after the extension.
	other := extended && further > 0 && in.Bool("other_employer")
	if other {
		allowed += int(further)
	}
	if months > allowed {
		months = allowed
		a := strconv.Itoa(allowed)
		f := strconv.FormatInt(further, 10)
		switch {
		case other:
			yes = append(yes, c.cite("duration",
				"Een participatieplaats duurt met de verlenging en de "+f+" maanden bij een andere werkgever hoogstens "+a+" maanden. De maanden daarna tellen niet mee voor de premie.",
				"With the extension and the "+f+" months at another employer, a participatieplaats (participation placement) lasts at most "+a+" months. The months after that do not count for the bonus."))
		case extended && further > 0:
			yes = append(yes, c.cite("duration",
				"Een participatieplaats duurt met de verlenging hoogstens "+a+" maanden. Daarna kan hij nog "+f+" maanden duren, maar alleen bij een andere werkgever. Uw plaats ging niet verder bij een andere werkgever. Daarom tellen alleen de eerste "+a+" maanden mee.",
				"With the extension, a participatieplaats (participation placement) lasts at most "+a+" months. After that it can go on for "+f+" months, but only at another employer. Your place did not go on at another employer. So only the first "+a+" months count."))
		case extended:
			yes = append(yes, c.cite("duration",
				"Een participatieplaats duurt met de verlenging hoogstens "+a+" maanden. De maanden daarna tellen niet mee voor de premie.",
				"With the extension, a participatieplaats (participation placement) lasts at most "+a+" months. The months after that do not count for the bonus."))
		case extension == 0:
			yes = append(yes, c.cite("duration",
				"Een participatieplaats duurt hoogstens "+a+" maanden. De maanden daarna tellen niet mee voor de premie.",
				"A participatieplaats (participation placement) lasts at most "+a+" months. The months after that do not count for the bonus."))
		default:
			d, e := strconv.Itoa(duration), strconv.Itoa(duration+extension)
			yes = append(yes, c.cite("duration",
				"Een participatieplaats duurt hoogstens "+d+" maanden. De gemeente kan hem één keer verlengen tot "+e+" maanden. Uw plaats is niet verlengd. Daarom tellen alleen de eerste "+a+" maanden mee.",
				"A participatieplaats (participation placement) lasts at most "+d+" months. The municipality can extend it once, to "+e+" months. Your place was not extended. So only the first "+a+" months count."))
		}
	}
	periods := months / period
	res.set("periods", periods)
	placement := per.Value.Mul(decimal.NewFromInt(int64(periods)))
	if periods > 0 {
		yes = append(yes, c.cite("premium",
			"U heeft "+c.times(periods, period)+" op uw participatieplaats gewerkt. U krijgt "+c.euro(Money(per.Value))+" per "+p+" maanden ("+c.year(per)+"). Samen is dat "+c.euro(Money(placement))+".",
			"You have worked "+c.times(periods, period)+" at your participatieplaats (participation placement). You get "+c.euro(Money(per.Value))+" per "+p+" months ("+c.year(per)+"). Together that is "+c.euro(Money(placement))+"."))
	}

	continuation := decimal.Zero
	switch contMonths := in.Int("continuation_months"); {
	case contMax.Value.IsZero() && (in.Bool("continuation_granted") || contMonths > 0):
		yes = append(yes, c.cite("continuation",
			"U bent naar een andere voorziening gegaan. De premie loopt dan niet door. Daarom tellen de maanden daar niet mee.",
			"You moved on to another provision (voorziening). The bonus does not continue then. So the months there do not count."))
	case in.Bool("continuation_granted"):
		n := contMonths / period
		continuation = decimal.Min(per.Value.Mul(decimal.NewFromInt(int64(n))), contMax.Value)
		moved := c.t("U bent naar een andere voorziening gegaan. De gemeente laat de premie doorlopen.",
			"You moved on to another provision (voorziening). The municipality lets the bonus continue.")
		text := moved + c.t(" U zit daar nog geen "+p+" maanden.", " You have been there for less than "+p+" months.")
		if n > 0 {
			text = moved + c.t(
				" U zit daar "+c.times(n, period)+". Daarvoor krijgt u "+c.euro(Money(continuation))+". Dat is hoogstens "+c.euro(Money(contMax.Value))+" ("+c.year(contMax)+").",
				" You have been there for "+c.times(n, period)+". For that you get "+c.euro(Money(continuation))+". That is at most "+c.euro(Money(contMax.Value))+" ("+c.year(contMax)+").")
		}
		yes = append(yes, c.citeText("continuation", text))
	case contMonths > 0:
		yes = append(yes, c.cite("continuation",
			"U bent naar een andere voorziening gegaan. De gemeente kan dan besluiten de premie te laten doorlopen. Dat heeft de gemeente niet besloten. Daarom tellen de maanden daar niet mee.",
			"You moved on to another provision (voorziening). The municipality can then decide to let the bonus continue. The municipality has not done so. So the months there do not count."))
	}
	res.set("continuation_amount", cents(continuation, one))
	amount := cents(placement.Add(continuation), one)
	res.set("amount", amount)
	res.Eligible = amount.dec().Sign() > 0
	if !res.Eligible {
		yes = append(yes, c.cite("premium",
			"U krijgt de premie na iedere "+p+" maanden. Er is nog geen periode van "+p+" maanden voorbij waarvoor u een premie krijgt.",
			"You get the bonus after every "+p+" months. No period of "+p+" months has ended yet that earns you a bonus."))
	}
	res.Reasons = yes
	return nil
}
