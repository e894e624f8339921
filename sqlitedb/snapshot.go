package sqlitedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
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
	found, isDB, err := sqliteFile(path)
	if err != nil || !found {
		return none, false, err
	}
	if !isDB {
		return none, false, errors.New("not a database asectl export wrote: not an SQLite file")
	}
	h, err := hold(path)
	if err != nil {
		return none, false, err
	}
	if _, err := io.Copy(dst, h.f); err != nil {
		h.release()
		return none, false, fmt.Errorf("copy %s: %w", path, err)
	}
	return h.release, true, nil
}

// Replace readies the file at path to be replaced by an export (without
// --append): it checks what Replaceable checks and then holds the old
// database as Snapshot does, until release is called after the rename. So
// a database another program is writing is waited for and then refused,
// not replaced under it; a hot journal is rolled back into the old file
// and a WAL one checkpointed and switched to a rollback journal, so that
// neither is left beside the new file, where SQLite would apply it to the
// new file's pages. release may be called more than once, also after an
// error.
func Replace(path string) (release func(), err error) {
	none := func() {}
	found, isDB, err := sqliteFile(path)
	switch {
	case err != nil:
		return none, err
	case !found:
		return none, nil
	case !isDB:
		return none, errors.New("exists and is not an SQLite database; asectl export replaces only a database it wrote")
	}
	h, err := hold(path)
	if err != nil {
		return none, err
	}
	var v string
	if err := h.conn.QueryRowContext(context.Background(), `SELECT value FROM meta WHERE "key" = 'schema_version'`).Scan(&v); err != nil {
		h.release()
		return none, errors.New("exists and is an SQLite database asectl export did not write; asectl export replaces only a database it wrote")
	}
	return h.release, nil
}

// sqliteFile reports whether there is a file at path that is not empty
// (found) and whether it starts as an SQLite database does.
func sqliteFile(path string) (found, isDB bool, err error) {
	st, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return false, false, nil
	}
	if err != nil {
		return false, false, err
	}
	if !st.Mode().IsRegular() || st.Size() == 0 {
		return false, false, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return false, false, err
	}
	head := make([]byte, 16)
	_, err = io.ReadFull(f, head)
	f.Close()
	return true, err == nil && string(head) == "SQLite format 3\x00", nil
}

// held is a database hold has locked: a connection in a write
// transaction, and the file opened for reading.
type held struct {
	db       *sql.DB
	conn     *sql.Conn
	f        *os.File
	released bool
}

// release ends the transaction, and only then closes the file: closing
// any descriptor of a file drops the process's POSIX locks on it,
// SQLite's included.
func (h *held) release() {
	if h.released {
		return
	}
	h.released = true
	if h.conn != nil {
		_, _ = h.conn.ExecContext(context.Background(), "ROLLBACK")
		h.conn.Close()
	}
	h.db.Close()
	if h.f != nil {
		h.f.Close()
	}
}

// hold opens the SQLite database at path, switches it from WAL mode to a
// rollback journal, waits up to lockWait for its write lock (BEGIN
// IMMEDIATE) and reads it, which rolls back a hot journal; h.f is the
// file, open for reading at its start. Errors: another program holds
// the lock or has the WAL database open, or the file cannot be read.
func hold(path string) (*held, error) {
	// Another export may rename its file over path while this one waits
	// for the old file's lock: the lock then is on a file no longer at
	// path, so hold starts again on the one that is.
	for try := 0; ; try++ {
		h, err := holdOnce(path)
		if err != nil || try == 10 {
			return h, err
		}
		pst, err := os.Stat(path)
		fst, ferr := h.f.Stat()
		if err == nil && ferr == nil && os.SameFile(pst, fst) {
			return h, nil
		}
		h.release()
	}
}

// holdOnce is hold on the file at path when it starts: the file is opened
// first, so that it is the one SQLite opens and locks unless path is
// replaced meanwhile (which hold checks afterwards).
func holdOnce(path string) (*held, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	uri, err := fileURI(path)
	if err != nil {
		f.Close()
		return nil, err
	}
	db, err := sql.Open("sqlite", uri+fmt.Sprintf("?_pragma=busy_timeout(%d)", lockWait))
	if err != nil {
		f.Close()
		return nil, err
	}
	h := &held{db: db, f: f}
	fail := func(err error) (*held, error) {
		h.release()
		return nil, err
	}
	ctx := context.Background()
	if h.conn, err = db.Conn(ctx); err != nil {
		return fail(err)
	}
	var mode string
	if err := h.conn.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return fail(err)
	}
	if strings.EqualFold(mode, "wal") {
		if err := h.conn.QueryRowContext(ctx, "PRAGMA journal_mode=DELETE").Scan(&mode); err != nil || !strings.EqualFold(mode, "delete") {
			if err == nil {
				err = errors.New("journal mode stays wal")
			}
			return fail(fmt.Errorf("the database is in WAL mode and open in another program; close it and retry (%v)", err))
		}
	}
	if _, err := h.conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return fail(fmt.Errorf("the database is locked by another program (waited %d s): %v", lockWait/1000, err))
	}
	// A read takes the shared lock, which rolls back a hot journal.
	var n int
	if err := h.conn.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n); err != nil {
		return fail(err)
	}
	return h, nil
}

// Replaceable reports whether an export may replace the file at path: it
// does not exist, is empty, or is a database asectl export wrote (of any
// schema version). Anything else — a researcher's own database, a text
// file — is refused, as it would be lost: the error says what it is. It
// is Replace with the lock released at once (so a hot journal is rolled
// back, as any reader of the file would); an export holds the lock until
// its rename instead.
func Replaceable(path string) error {
	release, err := Replace(path)
	release()
	return err
}
