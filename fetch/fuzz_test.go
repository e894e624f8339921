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
