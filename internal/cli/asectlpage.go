package cli

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// reasonAsectlPage is why a page asectl wrote is not read as a
// description: a report quotes the labels, amounts and texts of the
// descriptions it was made from, enough to be half read as one of them.
const reasonAsectlPage = "a page asectl report wrote (its generator is asectl): give asectl the descriptions the report was made from"

// asectlPage reports whether src is an HTML page asectl wrote (asectl
// report --format html): its head has <meta name="generator"
// content="asectl …">. Only the first 8 KiB are looked at: the head comes
// first.
func asectlPage(src []byte) bool {
	head := bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\ufeff")), " \t\r\n")
	if len(head) == 0 || head[0] != '<' {
		return false
	}
	if len(head) > 8<<10 {
		head = head[:8<<10]
	}
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return false
			case "meta":
				generator, content := false, ""
				for more := hasAttr; more; {
					var k, v []byte
					k, v, more = z.TagAttr()
					switch string(k) {
					case "name":
						generator = strings.EqualFold(strings.TrimSpace(string(v)), "generator")
					case "content":
						content = strings.TrimSpace(string(v))
					}
				}
				if generator && (content == "asectl" || strings.HasPrefix(content, "asectl ")) {
					return true
				}
			}
		}
	}
}
