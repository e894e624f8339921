package sqlitedb

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unsafe"

	"modernc.org/libc"
	sqlite3 "modernc.org/sqlite/lib"
)

// The writer talks to SQLite through modernc.org/sqlite/lib, the C API
// that modernc.org/sqlite's database/sql driver is built on, rather than
// through database/sql: an export binds some 200,000 rows, and the layers
// between (argument conversion, a C string allocated and freed for each
// text, the result and lock of each call, a mutex around every SQLite
// call) were a fifth of its time. Everything else in the package (Snapshot,
// Replaceable, reading the meta table) uses the driver.

// conn is one connection, for one goroutine at a time.
type conn struct {
	tls *libc.TLS
	db  uintptr
	out uintptr // a pointer's room in C memory, for the C API's out-parameters
	// arena holds the texts of the row being inserted, bound as static:
	// one copy into C memory, no allocation per text.
	arena    uintptr
	arenaCap int
	stmts    []*stmt
}

// value is one SQL value; the zero value is NULL. Unlike an any, it takes
// no allocation.
type value struct {
	kind kind
	i    int64
	f    float64
	s    string
}

type kind uint8

const (
	kNull kind = iota
	kInt
	kReal
	kText
)

func vText(s string) value  { return value{kind: kText, s: s} }
func vInt(i int64) value    { return value{kind: kInt, i: i} }
func vReal(f float64) value { return value{kind: kReal, f: f} }
func vNullable(s string) value {
	if s == "" {
		return value{}
	}
	return vText(s)
}

// openConn opens the database file (an SQLite URI, see fileURI) and runs the
// pragmas.
func openConn(uri string, pragmas []string) (*conn, error) {
	c := &conn{tls: libc.NewTLS()}
	c.out = sqlite3.Xsqlite3_malloc64(c.tls, ptrSize)
	name, err := c.cstring(uri)
	if err == nil && c.out == 0 {
		sqlite3.Xsqlite3_free(c.tls, name)
		err = errors.New("sqlite: out of memory")
	}
	if err != nil {
		c.close()
		return nil, err
	}
	// NOMUTEX: the connection is for one goroutine at a time.
	rc := sqlite3.Xsqlite3_open_v2(c.tls, name, c.out,
		sqlite3.SQLITE_OPEN_READWRITE|sqlite3.SQLITE_OPEN_CREATE|sqlite3.SQLITE_OPEN_URI|sqlite3.SQLITE_OPEN_NOMUTEX, 0)
	sqlite3.Xsqlite3_free(c.tls, name)
	c.db = c.readOut()
	if rc != sqlite3.SQLITE_OK {
		err := c.err(rc)
		c.close()
		return nil, err
	}
	sqlite3.Xsqlite3_extended_result_codes(c.tls, c.db, 1)
	for _, p := range pragmas {
		if err := c.exec("PRAGMA " + p); err != nil {
			c.close()
			return nil, err
		}
	}
	return c, nil
}

const ptrSize = uint64(unsafe.Sizeof(uintptr(0)))

// readOut reads the pointer the C API left in c.out. (Go memory cannot
// take it: the C code's pointer arithmetic must stay in C memory.)
func (c *conn) readOut() uintptr {
	if c.out == 0 {
		return 0
	}
	b := libc.GoBytes(c.out, int(ptrSize))
	if len(b) == 8 {
		return uintptr(binary.NativeEndian.Uint64(b))
	}
	return uintptr(binary.NativeEndian.Uint32(b))
}

// setOut clears c.out.
func (c *conn) setOut() {
	clear(libc.GoBytes(c.out, int(ptrSize)))
}

// cstring copies s into C memory, NUL-terminated; the caller frees it
// with sqlite3_free.
func (c *conn) cstring(s string) (uintptr, error) {
	p := sqlite3.Xsqlite3_malloc64(c.tls, uint64(len(s)+1))
	if p == 0 {
		return 0, errors.New("sqlite: out of memory")
	}
	b := libc.GoBytes(p, len(s)+1)
	b[copy(b, s)] = 0
	return p, nil
}

// err is the error of result code rc, with SQLite's message.
func (c *conn) err(rc int32) error {
	msg := libc.GoString(sqlite3.Xsqlite3_errstr(c.tls, rc))
	if c.db != 0 {
		if m := libc.GoString(sqlite3.Xsqlite3_errmsg(c.tls, c.db)); m != "" && m != msg {
			msg += ": " + m
		}
	}
	return fmt.Errorf("%s (%d)", msg, rc)
}

// exec runs one statement, stepping it to its end.
func (c *conn) exec(sql string, args ...value) error {
	s, err := c.prepareOnce(sql)
	if err != nil {
		return err
	}
	defer s.finalize()
	_, err = s.exec(args)
	return err
}

// stmt is a prepared statement.
type stmt struct {
	c *conn
	p uintptr
	n int // parameters
}

// prepare prepares a statement that lives as long as the connection.
func (c *conn) prepare(sql string) (*stmt, error) {
	s, err := c.prepareOnce(sql)
	if err == nil {
		c.stmts = append(c.stmts, s)
	}
	return s, err
}

// prepareOnce prepares a statement the caller finalizes.
func (c *conn) prepareOnce(sql string) (*stmt, error) {
	z, err := c.cstring(sql)
	if err != nil {
		return nil, err
	}
	defer sqlite3.Xsqlite3_free(c.tls, z)
	c.setOut()
	if rc := sqlite3.Xsqlite3_prepare_v2(c.tls, c.db, z, -1, c.out, 0); rc != sqlite3.SQLITE_OK {
		return nil, c.err(rc)
	}
	p := c.readOut()
	if p == 0 {
		return nil, fmt.Errorf("sqlite: no statement in %.40q", sql)
	}
	return &stmt{c: c, p: p, n: int(sqlite3.Xsqlite3_bind_parameter_count(c.tls, p))}, nil
}

// bind binds args to the statement's parameters, in order.
func (s *stmt) bind(args []value) error {
	c := s.c
	if len(args) != s.n {
		return fmt.Errorf("sqlite: %d values for %d parameters", len(args), s.n)
	}
	size := 1 // an empty text still needs a pointer
	for i := range args {
		if args[i].kind == kText {
			size += len(args[i].s)
		}
	}
	if size > c.arenaCap {
		if c.arena != 0 {
			sqlite3.Xsqlite3_free(c.tls, c.arena)
			c.arena, c.arenaCap = 0, 0
		}
		n := max(size, 64<<10)
		if c.arena = sqlite3.Xsqlite3_malloc64(c.tls, uint64(n)); c.arena == 0 {
			return errors.New("sqlite: out of memory")
		}
		c.arenaCap = n
	}
	off := uintptr(0)
	for i := range args {
		a := &args[i]
		var rc int32
		switch a.kind {
		case kNull:
			rc = sqlite3.Xsqlite3_bind_null(c.tls, s.p, int32(i+1))
		case kInt:
			rc = sqlite3.Xsqlite3_bind_int64(c.tls, s.p, int32(i+1), a.i)
		case kReal:
			rc = sqlite3.Xsqlite3_bind_double(c.tls, s.p, int32(i+1), a.f)
		case kText:
			p := c.arena + off
			copy(libc.GoBytes(p, len(a.s)), a.s)
			off += uintptr(len(a.s))
			// 0 is SQLITE_STATIC: the arena is not touched until the
			// statement has run.
			rc = sqlite3.Xsqlite3_bind_text(c.tls, s.p, int32(i+1), p, int32(len(a.s)), 0)
		}
		if rc != sqlite3.SQLITE_OK {
			return c.err(rc)
		}
	}
	return nil
}

// run binds args and steps the statement to its end, calling row (if not
// nil) at each row it gives, and resets it.
func (s *stmt) run(args []value, row func()) error {
	if err := s.bind(args); err != nil {
		return err
	}
	c := s.c
	defer sqlite3.Xsqlite3_reset(c.tls, s.p)
	for {
		switch rc := sqlite3.Xsqlite3_step(c.tls, s.p); rc {
		case sqlite3.SQLITE_ROW:
			if row != nil {
				row()
			}
		case sqlite3.SQLITE_DONE:
			return nil
		default:
			return c.err(rc)
		}
	}
}

// exec runs the statement (see run); it returns the number of rows it
// changed.
func (s *stmt) exec(args []value) (int64, error) {
	if err := s.run(args, nil); err != nil {
		return 0, err
	}
	return int64(sqlite3.Xsqlite3_changes(s.c.tls, s.c.db)), nil
}

// ints runs the statement (see run) and returns the first column of its
// rows as integers, appended to dst.
func (s *stmt) ints(dst []int64, args []value) ([]int64, error) {
	err := s.run(args, func() {
		dst = append(dst, sqlite3.Xsqlite3_column_int64(s.c.tls, s.p, 0))
	})
	return dst, err
}

func (c *conn) lastInsertID() int64 { return sqlite3.Xsqlite3_last_insert_rowid(c.tls, c.db) }

func (s *stmt) finalize() {
	if s.p != 0 {
		sqlite3.Xsqlite3_finalize(s.c.tls, s.p)
		s.p = 0
	}
}

// close finalizes the statements and closes the connection; an open
// transaction is rolled back.
func (c *conn) close() error {
	if c.tls == nil {
		return nil
	}
	for _, s := range c.stmts {
		s.finalize()
	}
	c.stmts = nil
	var err error
	if c.db != 0 {
		if rc := sqlite3.Xsqlite3_close_v2(c.tls, c.db); rc != sqlite3.SQLITE_OK {
			err = c.err(rc)
		}
		c.db = 0
	}
	if c.arena != 0 {
		sqlite3.Xsqlite3_free(c.tls, c.arena)
		c.arena = 0
	}
	if c.out != 0 {
		sqlite3.Xsqlite3_free(c.tls, c.out)
		c.out = 0
	}
	c.tls.Close()
	c.tls = nil
	return err
}
