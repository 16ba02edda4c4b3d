// Package params reads the dated amounts and numbers that the rules use
// (premiums, durations, percentages, the statutory minimum wage) from the
// YAML file parameters.yaml of a content folder, so that next year's amount
// is one appended line, not a code change.
//
// Parse reads the file into a Table; Table.At picks the values in force on
// one date as a Set, which marshals to JSON for the browser. The types live
// in package values, which has no YAML dependency; they are re-exported here
// so callers need only this package.
package params

import "github.com/regelgids/regelgids/calculators/params/values"

// Re-exported from package values.
type (
	Date     = values.Date
	Table    = values.Table
	Set      = values.Set
	SetValue = values.SetValue
	Param    = values.Param
	Value    = values.Value
	Source   = values.Source
)

// ParseDate parses a date in the form YYYY-MM-DD.
func ParseDate(s string) (Date, error) { return values.ParseDate(s) }

func quote(s string) string { return "\"" + s + "\"" }
