package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/asectl/asectl/fetch"
	"github.com/asectl/asectl/findings"
	"github.com/asectl/asectl/internal/output"
)

// fetchFlags are fetch's options.
type fetchFlags struct {
	out, from, baseURL, contact string
	all, refresh                bool
	rate                        float64
	connections, retries        int
	timeout                     time.Duration
	maxSize                     int64
}

// maxContact bounds --contact, which goes into every request's header.
const maxContact = 200

func (ff *fetchFlags) check() error {
	switch {
	case ff.out == "":
		return usagef("-o DIR is required: the directory the pages are saved in")
	case ff.rate <= 0 || ff.rate > 100:
		return usagef("--rate must be more than 0 and at most 100 requests a second")
	case ff.connections < 1 || ff.connections > 8:
		return usagef("--connections must be 1 to 8")
	case ff.retries < 0 || ff.retries > 20:
		return usagef("--retries must be 0 to 20")
	case ff.timeout <= 0:
		return usagef("--timeout must be positive")
	case ff.maxSize <= 0:
		return usagef("--max-size must be positive")
	case len(ff.contact) > maxContact:
		return usagef("--contact is longer than %d characters", maxContact)
	}
	for _, r := range ff.contact {
		if r < 0x20 || r > 0x7e {
			return usagef("--contact must be printable ASCII (an e-mail address or URL)")
		}
	}
	return nil
}

// userAgent names asectl, its version, where it comes from and, with
// --contact, whom the site can write to.
func userAgent(contact string) string {
	ua := "asectl/" + Version() + " (+https://github.com/asectl/asectl"
	if contact != "" {
		ua += "; " + contact
	}
	return ua + ")"
}

func newFetchCmd(g *globals) *cobra.Command {
	ios := g.ios
	var ff fetchFlags
	cmd := &cobra.Command{
		Use:   "fetch [CODE ...] -o DIR",
		Short: "Download description pages from the EURA 2014 service",
		Long: `Fetch downloads project descriptions from the EURA 2014 service into a
directory: one CODE.html per project, and a manifest fetch.jsonl with one
JSON object a code (code, url, result, status, time, etag, last_modified,
content_type, size, sha256, attempts, error).

The codes come from the arguments, from --from FILE (a text file of codes, or
asectl's own JSON, JSON lines or CSV output, or the service's project-list
export; "-" reads standard input) or, with --all, from the service's list of
every project (projektilista.php?rahasto=ALL).

It is polite by default: at most --rate requests a second (1) over at most
--connections connections (2), the site's robots.txt honoured, a User-Agent
naming asectl, its version and --contact, retries of 429, 5xx and time-outs
with exponential back-off that honours Retry-After. Pages already in DIR are
kept, so a run that stopped goes on where it was; --refresh asks again, with
If-None-Match and If-Modified-Since from the manifest. A response that is not
a description (an error page, an empty body, a login page) is recorded in the
manifest and not saved. Ctrl-C stops the run (exit 130) and leaves no
half-written file; the same command goes on where it stopped.

At the default rate the whole programme (--all) takes about an hour for every
3,600 projects.

Exit status: 0 when every page is in DIR; 1 when some response was not a
description; 2 for usage errors and pages that could not be fetched (HTTP
errors, network, robots.txt); 130 or 143 when interrupted.`,
		Example: `  asectl fetch -o pages/ A72213 S20515
  asectl fetch --all -o pages/ && asectl parse --format jsonl pages/ > programme.jsonl
  asectl fetch --from codes.txt --contact me@example.org -o pages/
  asectl fetch --all --refresh -o pages/          # only what changed is downloaded`,
		RunE: func(cmd *cobra.Command, args []string) error {
			l, err := g.localizer()
			if err != nil {
				return err
			}
			if err := ff.check(); err != nil {
				return err
			}
			var codes []string
			seen := map[string]bool{}
			add := func(c string) {
				if !seen[c] {
					seen[c] = true
					codes = append(codes, c)
				}
			}
			for _, a := range args {
				c, ok := fetch.NormalizeCode(a)
				if !ok {
					return usagef("%q is not a project code (a letter and five digits, e.g. A72213)", a)
				}
				add(c)
			}
			if ff.from != "" {
				list, err := readCodeFile(ff.from, ios.In)
				if err != nil {
					return usagef("--from %s: %v", ff.from, cleanPathError(err))
				}
				for _, c := range list {
					add(c)
				}
			}
			if len(codes) == 0 && !ff.all {
				return usagef("name the projects to fetch: codes, --from FILE or --all")
			}

			// Ctrl-C ends the process through output.Catch (exit 130): a page
			// being written is a temporary file it removes, and each finished
			// code is already a whole line of the manifest.
			ctx := context.Background()
			// The bar is wanted from two codes on: at a request a second,
			// even a few pages take a while.
			bar := newProgress(ios, 0)
			defer bar.stop()
			defer output.OnInterrupt(func() {
				bar.clear()
				fmt.Fprint(ios.ErrOut, l.Sprintf("asectl: interrupted; the pages finished are saved: run the same command again to go on\n"))
			})()
			exit := ExitOK
			f, err := fetch.New(fetch.Options{
				BaseURL:     ff.baseURL,
				Rate:        ff.rate,
				Connections: ff.connections,
				UserAgent:   userAgent(ff.contact),
				Timeout:     ff.timeout,
				Retries:     ff.retries,
				MaxSize:     ff.maxSize,
				Refresh:     ff.refresh,
				OnResult: func(e fetch.Entry) {
					bar.step()
					switch e.Result {
					case fetch.ResultNotDescription:
						exit = max(exit, ExitFindings)
					case fetch.ResultFailed, fetch.ResultDisallowed:
						exit = max(exit, ExitUsage)
					default:
						return
					}
					msg := ""
					if e.Error != nil {
						msg = *e.Error
					}
					bar.errorf("%s: error: %s\n", e.Code, findings.Safe(msg))
				},
				Logf: func(format string, args ...any) {
					bar.errorf("asectl: %s\n", findings.Safe(fmt.Sprintf(format, args...)))
				},
			})
			if err != nil {
				return usagef("--base-url: %v", err)
			}
			if ff.all {
				list, invalid, err := f.List(ctx)
				if err != nil {
					return fetchStopped(ios, l.Sprintf("asectl: cannot read the project list: %s\n", findings.Safe(err.Error())))
				}
				if invalid > 0 {
					fmt.Fprint(ios.ErrOut, l.Sprintf("asectl: %d links of the project list hold no valid project code; skipped\n", invalid))
				}
				for _, c := range list {
					add(c)
				}
				fmt.Fprint(ios.ErrOut, l.Sprintf("asectl: %d projects on the list; at --rate %g that takes about %s\n",
					len(list), ff.rate, fetchDuration(len(list), ff.rate)))
			}
			bar.total = len(codes)
			bar.on = bar.usable && len(codes) > 1
			bar.perSecond = ff.rate
			sum, err := f.Run(ctx, ff.out, codes)
			bar.stop()
			c := sum.Counts
			if err != nil && len(c) == 0 {
				return fetchStopped(ios, l.Sprintf("asectl: fetch stopped: %s\n", findings.Safe(locatedError(err))))
			}
			fmt.Fprint(ios.ErrOut, l.Sprintf("%d saved, %d not modified, %d kept, %d not a description, %d failed, %d disallowed by robots.txt\n",
				c[fetch.ResultSaved], c[fetch.ResultNotModified], c[fetch.ResultKept], c[fetch.ResultNotDescription],
				c[fetch.ResultFailed], c[fetch.ResultDisallowed]))
			if err != nil {
				return fetchStopped(ios, l.Sprintf("asectl: fetch stopped: %s\n", findings.Safe(locatedError(err))))
			}
			if exit != ExitOK {
				return exitError{exit}
			}
			return nil
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&ff.out, "output", "o", "", "the directory the pages and fetch.jsonl go to (created if need be)")
	fl.StringVar(&ff.from, "from", "", `read the codes from this file: codes, or asectl's JSON, JSON lines or CSV output ("-": standard input)`)
	fl.BoolVar(&ff.all, "all", false, "fetch every project on the service's project list")
	fl.StringVar(&ff.baseURL, "base-url", fetch.DefaultBaseURL, "the service's folder (a mirror's, or a web archive's copy)")
	fl.Float64Var(&ff.rate, "rate", 1, "requests a second, at most, over all connections")
	fl.IntVar(&ff.connections, "connections", 2, "connections at once, at most")
	fl.StringVar(&ff.contact, "contact", "", "an e-mail address or URL for the site's operators, sent in the User-Agent")
	fl.BoolVar(&ff.refresh, "refresh", false, "ask again for pages already in the directory (conditional requests)")
	fl.IntVar(&ff.retries, "retries", 4, "retries of a request that met 429, 5xx or a time-out")
	fl.DurationVar(&ff.timeout, "timeout", 60*time.Second, "the longest one request may take, body included")
	sizeFlag(fl, &ff.maxSize, "max-size", 16<<20, "16MiB", "refuse pages larger than this (bytes, or 512k, 16MiB, 1G)")
	return cmd
}

// locatedError is err's text with the path it concerns in front ("pages:
// not a directory"), without the operation's name ("mkdir pages: …").
func locatedError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return strings.Replace(err.Error(), pe.Error(), pe.Path+": "+pe.Err.Error(), 1)
	}
	return err.Error()
}

// fetchStopped prints why a fetch stopped.
func fetchStopped(ios *IOStreams, msg string) error {
	fmt.Fprint(ios.ErrOut, msg)
	return exitError{ExitUsage}
}

// readCodeFile reads --from: a file, or "-" for standard input.
func readCodeFile(name string, stdin io.Reader) ([]string, error) {
	r := stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	codes, _, err := fetch.ReadCodes(r)
	if err != nil {
		return nil, err
	}
	if len(codes) == 0 {
		return nil, errors.New("no project codes in it")
	}
	return codes, nil
}

// fetchDuration is how long n requests take at rate a second, rounded to
// the minute (to the second below ten minutes): 14000 at 1 a second is
// 3h53m0s.
func fetchDuration(n int, rate float64) time.Duration {
	d := time.Duration(float64(n) / rate * float64(time.Second))
	if d < time.Second {
		return d.Round(time.Millisecond)
	}
	if d < 10*time.Minute {
		return d.Round(time.Second)
	}
	return d.Round(time.Minute)
}
