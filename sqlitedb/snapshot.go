package sqlitedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// lockWait is how long Snapshot waits, in milliseconds, for another
// program's write transaction on the database to end before it gives up
// (a variable for the tests).
var lockWait = 5000

// Snapshot copies the database at path into dst, for an --append that
// works on a copy, and holds a write lock on it until release is called:
// the caller renames its finished copy over path first, so that no other
// program's transaction is committed into the file being replaced (it
// would be lost with the old file). The copy is taken through SQLite, not
// just as bytes: a hot journal left by a crashed writer is rolled back
// first, and a database in WAL mode is checkpointed and switched to a
// rollback journal (which needs every other connection closed), since
// the WAL file beside it would not match the file renamed into place.
//
// found is false, and release does nothing, if there is no file at path
// or it is empty. release may be called more than once. Errors: the file cannot be read, is not an SQLite
// database, or another program holds it (locked for more than 5 s,
// or open in WAL mode).
func Snapshot(dst io.Writer, path string) (release func(), found bool, err error) {
	none := func() {}
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return none, false, nil
	}
	if err != nil {
		return none, false, err
	}
	if st.Size() == 0 {
		return none, false, nil
	}
	// SQLite would take a file of another kind for a database to create
	// or fail with "file is not a database": say what the file is not.
	head := make([]byte, 16)
	if f, err := os.Open(path); err != nil {
		return none, false, err
	} else {
		_, err = io.ReadFull(f, head)
		f.Close()
		if err != nil || string(head) != "SQLite format 3\x00" {
			return none, false, errors.New("not a database asectl export wrote: not an SQLite file")
		}
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return none, false, err
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	db, err := sql.Open("sqlite", u.String()+fmt.Sprintf("?_pragma=busy_timeout(%d)", lockWait))
	if err != nil {
		return none, false, err
	}
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		db.Close()
		return none, false, err
	}
	// The file is read below with its own descriptor, which is closed
	// only after SQLite's lock is released: closing any descriptor of a
	// file drops the process's POSIX locks on it, SQLite's included.
	var src *os.File
	released := false
	release = func() {
		if released {
			return
		}
		released = true
		_, _ = conn.ExecContext(ctx, "ROLLBACK")
		conn.Close()
		db.Close()
		if src != nil {
			src.Close()
		}
	}
	fail := func(err error) (func(), bool, error) {
		release()
		return none, false, err
	}
	var mode string
	if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return fail(err)
	}
	if strings.EqualFold(mode, "wal") {
		if err := conn.QueryRowContext(ctx, "PRAGMA journal_mode=DELETE").Scan(&mode); err != nil || !strings.EqualFold(mode, "delete") {
			if err == nil {
				err = errors.New("journal mode stays wal")
			}
			return fail(fmt.Errorf("the database is in WAL mode and open in another program; close it and retry (%v)", err))
		}
	}
	if _, err := conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return fail(fmt.Errorf("the database is locked by another program (waited %d s): %v", lockWait/1000, err))
	}
	// A read takes the shared lock, which rolls back a hot journal.
	var n int
	if err := conn.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		return fail(err)
	}
	src, err = os.Open(path)
	if err != nil {
		return fail(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		return fail(fmt.Errorf("copy %s: %w", path, err))
	}
	return release, true, nil
}

// Replaceable reports whether an export may replace the file at path: it
// does not exist, is empty, or is a database asectl export wrote (of any
// schema version). Anything else — a researcher's own database, a text
// file — is refused, as it would be lost: the error says what it is.
func Replaceable(path string) error {
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() || st.Size() == 0 {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	head := make([]byte, 16)
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || string(head) != "SQLite format 3\x00" {
		return errors.New("exists and is not an SQLite database; asectl export replaces only a database it wrote")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	db, err := sql.Open("sqlite", u.String()+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var v string
	if err := db.QueryRow(`SELECT value FROM meta WHERE "key" = 'schema_version'`).Scan(&v); err != nil {
		return errors.New("exists and is an SQLite database asectl export did not write; asectl export replaces only a database it wrote")
	}
	return nil
}
