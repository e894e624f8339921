package model_test

import (
	"fmt"

	"github.com/asectl/asectl/model"
)

// Amounts are exact: hundredths of a euro (cents) in a Fixed2, written to
// the JSON as a number in euros with only the fraction digits it needs.
func ExampleAppendJSONFixed() {
	var granted, realised, unread model.Field[model.Fixed2]
	granted.Set(155128000, model.Pos{}) // 1 551 280,00 €
	realised.Set(148150750, model.Pos{})
	fmt.Println(string(model.AppendJSONFixed(nil, granted)), string(model.AppendJSONFixed(nil, realised)), string(model.AppendJSONFixed(nil, unread)))
	fmt.Println(granted.Value.Grouped(), realised.Value.Grouped())
	// Output:
	// 1551280 1481507.5 null
	// 1 551 280 1 481 507,50
}
