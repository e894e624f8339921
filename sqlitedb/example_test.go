package sqlitedb_test

import (
	"database/sql"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
	"github.com/asectl/asectl/sqlitedb"
	"github.com/asectl/asectl/validate"
)

// Export the reference description with its findings, then ask the
// database for its funding in euros and its areas' codes.
func Example() {
	src, err := os.ReadFile("../testdata/A72213.txt")
	if err != nil {
		log.Fatal(err)
	}
	res, err := parser.Parse("A72213.txt", src, parser.Options{})
	if err != nil {
		log.Fatal(err)
	}
	findings := validate.Check(res, validate.Config{Today: model.Date{Year: 2026, Month: time.November, Day: 27}})

	dir, err := os.MkdirTemp("", "example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "programme.db")
	w, err := sqlitedb.Create(path, sqlitedb.Options{Version: "example"})
	if err != nil {
		log.Fatal(err)
	}
	if err := w.Add(res.Doc, findings); err != nil {
		w.Abort()
		log.Fatal(err)
	}
	if err := w.Commit(); err != nil {
		log.Fatal(err)
	}

	db, err := sql.Open("sqlite", path)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	var code string
	var granted, realised float64
	err = db.QueryRow(`SELECT code, eu_state_granted, eu_state_realised FROM funding_euros`).Scan(&code, &granted, &realised)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: granted %.2f €, realised %.2f €\n", code, granted, realised)
	rows, err := db.Query(`SELECT level, name, code FROM areas ORDER BY id`)
	if err != nil {
		log.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var level, name, code string
		if err := rows.Scan(&level, &name, &code); err != nil {
			log.Fatal(err)
		}
		fmt.Println(level, name, code)
	}
	var rule string
	if err := db.QueryRow(`SELECT rule FROM findings`).Scan(&rule); err != nil {
		log.Fatal(err)
	}
	fmt.Println("finding:", rule)
	// Output:
	// A72213: granted 1551280.00 €, realised 1481507.00 €
	// region Lappi 19
	// sub_region Rovaniemen 191
	// sub_region Kemi-Tornion 192
	// municipality Rovaniemi 698
	// municipality Tornio 851
	// municipality Ranua 683
	// municipality Kemi 240
	// finding: indicator-not-applicable
}
