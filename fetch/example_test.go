package fetch_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"github.com/asectl/asectl/fetch"
)

func ExampleReadCodes() {
	// A text file of codes; asectl's JSON, JSON lines and CSV read alike.
	codes, _, err := fetch.ReadCodes(strings.NewReader("A72213 s20515 # two projects\nA72213\n"))
	fmt.Println(codes, err)
	// Output: [A72213 S20515] <nil>
}

func ExampleListCodes() {
	page := `<table>
<tr><td><a href="projekti.php?projektikoodi=A72213">A72213</a></td></tr>
<tr><td><a href="projekti.php?rahasto=ESR&amp;projektikoodi=S20515">S20515</a></td></tr>
</table>`
	codes, invalid := fetch.ListCodes([]byte(page))
	fmt.Println(codes, invalid)
	// Output: [A72213 S20515] 0
}

func ExampleFetcher_Run() {
	// A stand-in for the service that answers with a text copy of the
	// reference description (the parser reads text as well as HTML).
	page, _ := os.ReadFile("../testdata/A72213.txt")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("projektikoodi") != "A72213" {
			http.NotFound(w, r)
			return
		}
		w.Write(page)
	}))
	defer srv.Close()

	dir, _ := os.MkdirTemp("", "pages")
	defer os.RemoveAll(dir)
	f, err := fetch.New(fetch.Options{
		BaseURL:   srv.URL + "/rrtiepa/",
		Rate:      50,
		UserAgent: "asectl-example (+https://github.com/asectl/asectl)",
		OnResult: func(e fetch.Entry) {
			if e.Error != nil {
				fmt.Println(e.Code, e.Result, *e.Status, *e.Error)
				return
			}
			fmt.Println(e.Code, e.Result, *e.Status)
		},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	sum, err := f.Run(context.Background(), dir, []string{"A72213", "A99999"})
	fmt.Println(sum.Counts[fetch.ResultSaved], "saved;", err)
	_, err = os.Stat(filepath.Join(dir, "A72213.html"))
	fmt.Println("A72213.html there:", err == nil)
	// Unordered output:
	// A72213 saved 200
	// A99999 failed 404 HTTP 404 Not Found
	// 1 saved; <nil>
	// A72213.html there: true
}
