package main

import (
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// scriptCmds are the scripts' own commands.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"fetchserver": fetchServer,
}

// fetchServer starts a local stand-in for the EURA 2014 service for the
// rest of the script and sets $SERVER to its base URL (…/rrtiepa/). It
// serves DIR: robots.txt; projektilista.php from projektilista.html;
// projekti.php?projektikoodi=CODE from CODE.html as it is, or CODE.txt
// rendered as a paragraph a line, or CODE.slow as the start of a body
// that never ends; anything else is 404. Every request's
// path and User-Agent is appended to DIR/../requests.log.
//
//	fetchserver DIR
func fetchServer(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: fetchserver DIR")
	}
	dir := ts.MkAbs(args[0])
	logPath := filepath.Join(filepath.Dir(dir), "requests.log")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if f, err := os.OpenFile(logPath, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644); err == nil {
			fmt.Fprintf(f, "%s %s\n", r.URL.RequestURI(), r.Header.Get("User-Agent"))
			f.Close()
		}
		var name string
		switch r.URL.Path {
		case "/robots.txt":
			name = "robots.txt"
		case "/rrtiepa/projektilista.php":
			name = "projektilista.html"
		case "/rrtiepa/projekti.php":
			code := r.URL.Query().Get("projektikoodi")
			if strings.ContainsAny(code, `/\.`) {
				http.NotFound(w, r)
				return
			}
			if part, err := os.ReadFile(filepath.Join(dir, code+".slow")); err == nil {
				// A body that stops coming: part of it, then nothing until
				// the client goes (or ten seconds pass).
				w.Header().Set("Content-Length", "100000")
				w.Write(part)
				w.(http.Flusher).Flush()
				select {
				case <-r.Context().Done():
				case <-time.After(10 * time.Second):
				}
				return
			}
			if txt, err := os.ReadFile(filepath.Join(dir, code+".txt")); err == nil {
				w.Header().Set("Content-Type", "text/html; charset=utf-8")
				fmt.Fprint(w, "<!DOCTYPE html>\n<html><body>\n")
				for _, line := range strings.Split(string(txt), "\n") {
					if line = strings.TrimSpace(line); line != "" {
						fmt.Fprintf(w, "<p>%s</p>\n", html.EscapeString(line))
					}
				}
				fmt.Fprint(w, "</body></html>\n")
				return
			}
			name = code + ".html"
		default:
			http.NotFound(w, r)
			return
		}
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(b)
	}))
	ts.Defer(srv.Close)
	ts.Setenv("SERVER", srv.URL+"/rrtiepa/")
}
