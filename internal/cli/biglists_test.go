package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/asectl/asectl/internal/vary"
	"github.com/asectl/asectl/model"
	"github.com/asectl/asectl/parser"
)

// bigDoc is testdata/A72213.txt with n unknown municipalities, as asectl's
// parse JSON.
func bigDoc(t *testing.T, n int) []byte {
	t.Helper()
	src, err := os.ReadFile("../../testdata/A72213.txt")
	if err != nil {
		t.Fatal(err)
	}
	src = vary.WithNames(src, n)
	res, err := parser.Parse("big.txt", src, parser.Options{})
	if err != nil {
		t.Fatal(err)
	}
	js, err := json.MarshalIndent(res.Doc, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return js
}

// A document with a long list reads back as json.Unmarshal reads it
// (decodeBigLists took the list apart), and a bad value elsewhere is
// located at the same line as without the long list's way.
func TestReadDocsBigList(t *testing.T) {
	js := bigDoc(t, bigList+5)
	if got := longArrays(js, bigList); len(got) != 1 || got[0].path != "area.municipalities" || got[0].n < bigList+5 {
		t.Fatalf("longArrays: %+v", got)
	}
	var want *model.Description
	if err := json.Unmarshal(js, &want); err != nil {
		t.Fatal(err)
	}
	docs, err := readDocs(bytes.Clone(js))
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 1 || !reflect.DeepEqual(docs[0], want) {
		t.Fatal("the document read with its long list decoded first differs from json.Unmarshal's")
	}
	if cap(docs[0].Area.Municipalities) != len(docs[0].Area.Municipalities) {
		t.Errorf("municipalities: len %d, cap %d: the list grew as it was read", len(docs[0].Area.Municipalities), cap(docs[0].Area.Municipalities))
	}
	// A bad value after the list: the same message (line included) as
	// for the document read the usual way.
	bad := bytes.Replace(js, []byte(`"other_sections": []`), []byte(`"other_sections": 7`), 1)
	_, errBig := readDocs(bytes.Clone(bad))
	if errBig == nil || !strings.Contains(errBig.Error(), "other_sections") {
		t.Fatalf("bad value: %v", errBig)
	}
	defer func(n int) { bigList = n }(bigList)
	bigList = 1 << 30
	_, errUsual := readDocs(bytes.Clone(bad))
	if errUsual == nil || errBig.Error() != errUsual.Error() {
		t.Errorf("bad value: %v, the usual way: %v", errBig, errUsual)
	}
	bigList = 1 << 14
	// A bad item in the long list: the usual way, located as usual.
	badItem := bytes.Replace(js, []byte(`"Eik7",`), []byte(`7,`), 1)
	if _, err := readDocs(badItem); err == nil || !strings.Contains(err.Error(), "area.municipalities") {
		t.Errorf("bad item: %v", err)
	}
}
