package output

// TempName is the temporary file of an atomic write (Atomic), for a writer
// that opens it by name rather than writing through f: a SQLite database.
// Such a writer must have closed the file before Commit, which syncs and
// renames it as any other; on SIGINT or SIGTERM it is removed like any
// other. "" if the output is not atomic (stdout, a device).
func (f *File) TempName() string {
	if f.tmp == nil {
		return ""
	}
	return f.tmp.Name()
}
