package calculators

import (
	"strconv"

	"github.com/shopspring/decimal"
)

// Values of the uitstroompremie's field "exit".
const (
	ExitFull    = "full"
	ExitPartial = "partial"
)

// uitstroompremieRule is the uitstroompremie: a premium for someone who
// leaves a benefit for paid work after a long time on it, in full (the
// benefit ends) or in part (part of it remains next to the income).
var uitstroompremieRule = &Rule{
	Name: "uitstroompremie",
	Fields: []Field{
		// The day the paid work starts.
		{Name: "date", Kind: KindDate},
		// The age in years on that day.
		{Name: "age", Kind: KindInt, Max: maxAge},
		// Months in a row, up to the date, on a benefit: algemene bijstand,
		// IOAW or IOAZ.
		{Name: "months_on_benefit", Kind: KindInt, Max: maxMonths},
		// "full" when the work ends the benefit, "partial" when part of it
		// remains next to the income.
		{Name: "exit", Kind: KindChoice, Choices: []string{ExitFull, ExitPartial}},
		// The income from the work per month.
		{Name: "monthly_income", Kind: KindMoney, Need: RequiredWhen, When: Condition{"exit", ExitPartial}, Max: maxPerMonth, Per: PerMonth},
		// Uitstroompremie received before, such as "300.00" after an
		// earlier partial exit.
		{Name: "already_received", Kind: KindMoney, Need: Optional, Max: maxAmount},
		// Belongs to the doelgroep loonkostensubsidie (artikel 31 lid 2 onder
		// j Participatiewet); only then can someone under the minimum age
		// get the premium.
		{Name: "loonkostensubsidie_target_group", Kind: KindBool, Need: Optional},
		// Starts as self-employed with support under the Besluit
		// bijstandsverlening zelfstandigen 2004.
		{Name: "self_employed_bbz", Kind: KindBool, Need: Optional},
	},
	// amount: the premium due now, after the maximum; "0.00" when not
	// eligible.
	Outputs:   []Output{{"amount", KindMoney}},
	Main:      "amount",
	MainLabel: Text{"Premie", "Bonus"},
	Reasons: []ReasonKey{
		{"bbz", "no premium for starting as self-employed with Bbz 2004 support"},
		{"minimum_age", "under the minimum age, a premium only for the doelgroep loonkostensubsidie"},
		{"full_exit", "the premium when the work ends the benefit, after years on it in a row"},
		{"partial_exit", "the premium, once, when part of the benefit remains and the income reaches the threshold"},
		{"maximum", "the most in premiums in total"},
	},
	Params: []string{"uitstroompremie.volledig", "uitstroompremie.gedeeltelijk", "uitstroompremie.inkomensgrens",
		"uitstroompremie.maximum", "uitstroompremie.periode", "uitstroompremie.minimumleeftijd"},
	Examples: uitstroomExamples,
	compute:  uitstroompremie,
}

// uitstroompremie computes the premium: for a full exit or a partial one
// with enough income, after years on a benefit in a row, up to the maximum
// in total.
func uitstroompremie(c *calc) error {
	full := c.p.money("uitstroompremie.volledig")
	partial := c.p.money("uitstroompremie.gedeeltelijk")
	threshold := c.p.money("uitstroompremie.inkomensgrens")
	maximum := c.p.money("uitstroompremie.maximum")
	years := c.p.int("uitstroompremie.periode")
	minAge := c.p.int("uitstroompremie.minimumleeftijd")
	if err := c.p.err(); err != nil {
		return err
	}
	in := c.in
	exit, received := in.Choice("exit"), in.Money("already_received")
	age, y := strconv.Itoa(minAge), strconv.Itoa(years)
	var no, yes []Reason
	if in.Bool("self_employed_bbz") {
		no = append(no, c.cite("bbz",
			"U gaat aan het werk als zelfstandige. U krijgt daarbij hulp uit het Besluit bijstandsverlening zelfstandigen (Bbz 2004). Dan krijgt u geen uitstroompremie.",
			"You start work as self-employed. You get help from the Bbz 2004 (a scheme for the self-employed). Then you get no uitstroompremie (exit bonus)."))
	}
	if in.Int("age") < minAge {
		if in.Bool("loonkostensubsidie_target_group") {
			yes = append(yes, c.cite("minimum_age",
				"U bent jonger dan "+age+" jaar. Maar u hoort bij de doelgroep loonkostensubsidie. Daarom kunt u de premie toch krijgen.",
				"You are younger than "+age+". But you are in the doelgroep loonkostensubsidie (target group for wage cost subsidy). So you can still get the bonus."))
		} else {
			no = append(no, c.cite("minimum_age",
				"U bent jonger dan "+age+" jaar. U hoort niet bij de doelgroep loonkostensubsidie. Dan krijgt u geen uitstroompremie.",
				"You are younger than "+age+". You are not in the doelgroep loonkostensubsidie (target group for wage cost subsidy). Then you get no uitstroompremie (exit bonus)."))
		}
	}
	key, premium := "full_exit", full
	if exit == ExitPartial {
		key, premium = "partial_exit", partial
	}
	if in.Int("months_on_benefit") < years*12 {
		no = append(no, c.cite(key,
			"U heeft minder dan "+y+" jaar aaneengesloten een uitkering gehad.",
			"You had an uitkering (benefit) for less than "+y+" years in a row."))
	} else {
		yes = append(yes, c.cite(key,
			"U heeft "+y+" jaar of langer aaneengesloten een uitkering gehad.",
			"You had an uitkering (benefit) for "+y+" years or longer in a row."))
	}
	if exit == ExitFull {
		yes = append(yes, c.cite("full_exit",
			"Uw uitkering stopt helemaal doordat u betaald werk krijgt. De premie is dan "+c.euro(full)+".",
			"Your benefit stops fully because you get paid work. The bonus is then "+c.euro(full)+"."))
	} else {
		if in.Money("monthly_income").dec().LessThan(threshold.dec()) {
			no = append(no, c.cite("partial_exit",
				"U verdient minder dan "+c.euro(threshold)+" per maand met uw werk. U houdt een deel van uw uitkering. Voor de premie moet u dan minstens "+c.euro(threshold)+" per maand verdienen.",
				"You earn less than "+c.euro(threshold)+" a month from your work. You keep part of your benefit. For the bonus you must then earn at least "+c.euro(threshold)+" a month."))
		} else {
			yes = append(yes, c.cite("partial_exit",
				"U verdient "+c.euro(threshold)+" of meer per maand met uw werk. U houdt een deel van uw uitkering. De premie is dan "+c.euro(partial)+".",
				"You earn "+c.euro(threshold)+" or more a month from your work. You keep part of your benefit. The bonus is then "+c.euro(partial)+"."))
		}
		if received.dec().Sign() > 0 {
			no = append(no, c.cite("partial_exit",
				"U kreeg al eerder een uitstroompremie. De premie als u een deel van uw uitkering houdt, krijgt u maar één keer.",
				"You already got an uitstroompremie (exit bonus) before. You get the bonus for keeping part of your benefit only once."))
		}
	}
	remaining := maximum.dec().Sub(received.dec())
	switch {
	case remaining.Sign() <= 0:
		no = append(no, c.cite("maximum",
			"U kreeg al "+c.euro(received)+" aan uitstroompremie. U krijgt in totaal nooit meer dan "+c.euro(maximum)+".",
			"You already got "+c.euro(received)+" in bonuses for leaving your benefit. In total you never get more than "+c.euro(maximum)+"."))
	case received.dec().Sign() > 0 && remaining.LessThan(premium.dec()):
		yes = append(yes, c.cite("maximum",
			"U kreeg al "+c.euro(received)+". U krijgt in totaal nooit meer dan "+c.euro(maximum)+". Daarom krijgt u nu nog "+c.euro(Money(remaining))+".",
			"You already got "+c.euro(received)+". In total you never get more than "+c.euro(maximum)+". So you now get "+c.euro(Money(remaining))+" more."))
	}
	if len(no) > 0 {
		c.res.Reasons = no
		return nil
	}
	c.res.Eligible = true
	c.res.set("amount", cents(decimal.Min(premium.dec(), remaining), one))
	c.res.Reasons = yes
	return nil
}
