package output

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTargetSame(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("real", []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real", "link"); err != nil {
		t.Fatal(err)
	}
	if err := os.Link("real", "hard"); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("sub", 0o755); err != nil {
		t.Fatal(err)
	}
	realInfo, _ := os.Stat("real")
	null, _ := os.Stat(os.DevNull)
	tests := []struct {
		a, b   string
		stdout os.FileInfo
		same   bool
	}{
		{"real", "./real", nil, true},
		{"real", "link", nil, true},
		{"real", "hard", nil, true},
		{"real", filepath.Join(dir, "sub", "..", "real"), nil, true},
		{"new", "./new", nil, true},
		{"new", "sub/../new", nil, true},
		{"new", "new2", nil, false},
		{"real", "new", nil, false},
		{"-", "/dev/stdout", nil, true},
		{"", "/dev/fd/1", nil, true},
		{"", "real", realInfo, true}, // asectl … > real
		{"", "real", nil, false},
		{"", os.DevNull, null, false}, // > /dev/null and a format to /dev/null
		{os.DevNull, os.DevNull, nil, false},
	}
	for _, tt := range tests {
		if got := TargetOf(tt.a, tt.stdout).Same(TargetOf(tt.b, tt.stdout)); got != tt.same {
			t.Errorf("%q vs %q (stdout %v): same = %v, want %v", tt.a, tt.b, tt.stdout != nil, got, tt.same)
		}
	}
}
