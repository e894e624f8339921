package projectlist_test

import (
	"fmt"

	"github.com/asectl/asectl/projectlist"
)

// Scan reads a list row by row; a row whose unquoted commas leave its
// columns in doubt is reported, not guessed.
func ExampleScan() {
	src := []byte("Koodi,Rahasto,Hankkeen nimi,Tl,Viranomainen,Tila,Aloituspvm,Päättymispvm,Toteuttajan nimi," +
		"Myönnetty EU- ja valtion rahoitus,Toteutunut EU- ja valtion rahoitus,Suunniteltu julkinen rahoitus yhteensä,Toteutunut julkinen rahoitus yhteensä;\n" +
		"A70001,EAKR,Hanke, vaihe 2,2,Lapin elinkeino-, liikenne- ja ympäristökeskus,Toiminnassa,1.1.2015,31.12.2016,Oy Ab,100000,40196.99,200000,80000,,;\n" +
		"A70002,EAKR,Vaihe,2,jatko,1,Lapin liitto,Toiminnassa,1.1.2015,31.12.2016,Oy Ab,100,50,200,80\n")
	l, err := projectlist.Scan("list.csv", src, "", func(r *projectlist.Row) error {
		if r.Err != nil {
			fmt.Printf("line %d: %s\n", r.Line, r.Err)
			return nil
		}
		fmt.Printf("line %d: %s | %s | axis %s | %s | %s €\n", r.Line, r.Project.Code.Value, r.Project.Name.Value,
			r.Project.PriorityAxis.Number.Value, r.Project.Authority.Value, r.Funding.EUStateRealised.Value)
		return nil
	})
	fmt.Println(l.Programme, l.Rows, "rows,", l.Failed, "not split", err)
	// Output:
	// line 2: A70001 | Hanke, vaihe 2 | axis 2 | Lapin elinkeino-, liikenne- ja ympäristökeskus | 40196.99 €
	// line 3: the row can be split in 2 ways (the axis number and the status could be columns 4 and 8, or 6 and 8)
	// 2014-2020 2 rows, 1 not split <nil>
}
