//go:build js && wasm

package main

import (
	"encoding/json"
	"os"
	"reflect"
	"syscall/js"
	"testing"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/internal/testbinding"
	"github.com/regelgids/regelgids/calculators/params"
)

// TestRegisteredFunction calls globalThis.regelgidsCalc, as a page does, on
// every case of ../testdata/cases.json and compares it with RunJSON.
func TestRegisteredFunction(t *testing.T) {
	register()
	casesJSON, err := os.ReadFile("../testdata/cases.json")
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../../content/eemsdelta/parameters.yaml")
	if err != nil {
		t.Fatal(err)
	}
	tb, err := params.Parse("parameters.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Cases []struct {
			Name       string          `json:"name"`
			Calculator string          `json:"calculator"`
			Input      json.RawMessage `json:"input"`
			Expected   map[string]any  `json:"expected"`
			Error      *struct {
				Fields   []string `json:"fields"`
				Messages []string `json:"messages"`
			} `json:"error"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(casesJSON, &doc); err != nil {
		t.Fatal(err)
	}
	binding := testbinding.Load(t, "../../content/eemsdelta")
	bindingJSON, _ := binding.MarshalJSON()
	calc := js.Global().Get("regelgidsCalc")
	for _, c := range doc.Cases {
		var in struct{ Date string }
		json.Unmarshal(c.Input, &in)
		d, err := params.ParseDate(in.Date)
		if err != nil || d.Before(binding.Effective.Date) {
			d = binding.Effective.Date
		}
		set, err := tb.At(d)
		if err != nil {
			t.Fatal(err)
		}
		setJSON, _ := set.MarshalJSON()
		out := calc.Invoke(c.Calculator, string(c.Input), string(setJSON), string(bindingJSON)).String()
		if want := string(calculators.RunJSON(c.Calculator, c.Input, setJSON, bindingJSON)); out != want {
			t.Errorf("%s: JS function and RunJSON differ:\n%s\n%s", c.Name, out, want)
		}
		var got map[string]any
		if err := json.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%s: %v", c.Name, err)
		}
		if c.Error != nil {
			e, _ := got["error"].(map[string]any)
			if e == nil {
				t.Errorf("%s: want an error, got %s", c.Name, out)
				continue
			}
			if c.Error.Messages != nil {
				var msgs []string
				for _, f := range e["fields"].([]any) {
					msgs = append(msgs, f.(map[string]any)["message"].(string))
				}
				if !reflect.DeepEqual(msgs, c.Error.Messages) {
					t.Errorf("%s: messages %q, want %q", c.Name, msgs, c.Error.Messages)
				}
			}
			continue
		}
		// Reason texts, in Dutch or English, where the case gives them.
		gotReasons, _ := got["reasons"].([]any)
		for i, r := range c.Expected["reasons"].([]any) {
			want, ok := r.(map[string]any)["text"]
			if !ok {
				continue
			}
			if i >= len(gotReasons) || gotReasons[i].(map[string]any)["text"] != want {
				t.Errorf("%s: reason %d, want %q in %s", c.Name, i, want, out)
			}
		}
		for _, k := range []string{"eligible", "amount", "monthly_amount", "category", "max_total"} {
			if want, ok := c.Expected[k]; ok && !reflect.DeepEqual(got[k], want) {
				t.Errorf("%s: %s = %v, want %v", c.Name, k, got[k], want)
			}
		}
	}
	if out := calc.Invoke("uitstroompremie").String(); !json.Valid([]byte(out)) || out[:9] != `{"error":` {
		t.Errorf("wrong arguments: %s", out)
	}
}
