package fetch

import (
	"bytes"
	"testing"
)

func FuzzReadCodes(f *testing.F) {
	for _, s := range []string{
		"A72213\nS20515 # c\n",
		`[{"project":{"code":"A72213"}}]`,
		"{\"project\":{\"code\":\"A72213\"}}\n{}\n",
		"code,name\nA72213,x\n",
		"Koodi,Rahasto;\n\"A70301\",EAKR,;\n",
		"https://www.eura2014.fi/rrtiepa/projekti.php?projektikoodi=A72213",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		codes, _, err := ReadCodes(bytes.NewReader(data))
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, c := range codes {
			if !ValidCode(c) || seen[c] {
				t.Fatalf("ReadCodes gave %q (invalid or repeated) from %q", c, data)
			}
			seen[c] = true
		}
	})
}

func FuzzListCodes(f *testing.F) {
	f.Add([]byte(`<a href="projekti.php?projektikoodi=A72213">x</a><a href='?projektikoodi=S20515&amp;x=1'>`))
	f.Add([]byte(`<A HREF=projekti.php?projektikoodi=a70301><a href="projektikoodi=%zz">`))
	f.Fuzz(func(t *testing.T, page []byte) {
		codes, _ := ListCodes(page)
		seen := map[string]bool{}
		for _, c := range codes {
			if !ValidCode(c) || seen[c] {
				t.Fatalf("ListCodes gave %q (invalid or repeated)", c)
			}
			seen[c] = true
		}
	})
}

func FuzzLooksLikeDescription(f *testing.F) {
	f.Add("A72213", []byte("<p>Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus</p><p>Hankekoodi: A72213</p>"))
	f.Add("A72213", []byte("<script>A72213</script><input type=password>"))
	f.Add("S20515", []byte("\xe4\xf6<p>S20515"))
	f.Fuzz(func(t *testing.T, code string, page []byte) {
		if err := LooksLikeDescription(code, page); err == nil && !bytes.Contains(bytes.ToLower(page), bytes.ToLower([]byte(code))) && code != "" {
			// The code must be on the page, in some form, for it to pass
			// (entities may spell it, so only a page without the code's
			// bytes and without '&' is checked).
			if !bytes.ContainsRune(page, '&') {
				t.Fatalf("page without %q passed", code)
			}
		}
	})
}
