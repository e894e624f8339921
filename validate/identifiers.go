package validate

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/asectl/asectl/model"
)

var ruleProjectCode = &Rule{
	ID: "project-code", Severity: Error,
	Doc: "the project code is a letter and five digits: A for EAKR, S for ESR",
	Explain: `EAKR (ERDF) projects have codes A + 5 digits (A72213), ESR (ESF) projects S + 5 digits
(S20515). The letter must match the fund named in the header line.

Example:
  Euroopan aluekehitysrahaston (EAKR) rahoittaman hankkeen kuvaus
  Hankekoodi: S72213   <- project-code (an ESR code on an EAKR page)`,
	Run: func(p *Pass) {
		d := p.Doc
		c := d.Project.Code
		if !c.Valid {
			return
		}
		if !isProjectCode(c.Value) {
			p.Report(c.Pos, "project.code", "project code %q is not a letter and five digits (e.g. A72213)", c.Value)
			return
		}
		if !d.FundFromHeader || !d.Fund.Valid {
			return
		}
		want := map[string]byte{model.FundERDF: 'A', model.FundESF: 'S'}[d.Fund.Value]
		if want != 0 && c.Value[0] != want {
			p.Report(c.Pos, "project.code", "project code %q starts with %c, but the header names %s, whose codes start with %c",
				c.Value, c.Value[0], d.Fund.Value, want)
		}
	},
}

// isProjectCode matches ^[AS][0-9]{5}$.
func isProjectCode(s string) bool {
	return len(s) == 6 && (s[0] == 'A' || s[0] == 'S') && allDigits(s[1:])
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Business ID problems.
const (
	BusinessIDOK = iota
	BusinessIDForm
	BusinessIDCheckDigit
	BusinessIDRemainder1
)

// BusinessIDCheck checks a Finnish business ID (Y-tunnus): seven digits, a
// hyphen and a check digit. Weights 7, 9, 10, 5, 8, 4, 2; r = sum mod 11;
// r = 0 gives 0, r = 1 is never issued, otherwise the digit is 11 - r. It
// returns the problem and, for a wrong check digit, the right one.
func BusinessIDCheck(id string) (problem, want int) {
	if len(id) != 9 || id[7] != '-' || id[8] < '0' || id[8] > '9' {
		return BusinessIDForm, 0
	}
	weights := [7]int{7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 7; i++ {
		c := id[i]
		if c < '0' || c > '9' {
			return BusinessIDForm, 0
		}
		sum += int(c-'0') * weights[i]
	}
	r := sum % 11
	switch {
	case r == 1:
		return BusinessIDRemainder1, 0
	case r == 0:
		want = 0
	default:
		want = 11 - r
	}
	if int(id[8]-'0') != want {
		return BusinessIDCheckDigit, want
	}
	return BusinessIDOK, 0
}

// BusinessIDValid reports whether a business ID is valid.
func BusinessIDValid(id string) bool {
	p, _ := BusinessIDCheck(id)
	return p == BusinessIDOK
}

var ruleBusinessID = &Rule{
	ID: "business-id", Severity: Error,
	Doc: "a business ID (Y-tunnus) is malformed or has a wrong check digit",
	Explain: `Checked for the applicant and for every co-implementer and transfer recipient. The
form is 1234567-8; the check digit follows from weights 7, 9, 10, 5, 8, 4, 2 (sum mod 11:
0 gives 0, 1 is invalid, otherwise 11 minus the remainder).

Example:
  Y-tunnus: 0292800-4   <- business-id (expected check digit 5)
  Osatoteuttajat
  Lapin Ammattikorkeakoulu, 2528792   <- business-id`,
	Run: func(p *Pass) {
		d := p.Doc
		id := d.Applicant.BusinessID
		if id.Valid {
			switch problem, want := BusinessIDCheck(id.Value); problem {
			case BusinessIDForm:
				p.Report(id.Pos, "applicant.business_id", "the applicant's business ID %q is not of the form 1234567-8", id.Value)
			case BusinessIDCheckDigit:
				p.Report(id.Pos, "applicant.business_id", "the applicant's business ID %q has the wrong check digit (expected %d)", id.Value, want)
			case BusinessIDRemainder1:
				p.Report(id.Pos, "applicant.business_id", "the applicant's business ID %q cannot be valid: its digits leave remainder 1, which is never issued", id.Value)
			}
		}
		for _, list := range []struct {
			kind string
			orgs []model.Organisation
		}{{"co_implementers", d.Applicant.CoImplementers}, {"transfer_recipients", d.Applicant.TransferRecipients}} {
			for i, o := range list.orgs {
				field := fmt.Sprintf("applicant.%s[%d].business_id", list.kind, i)
				id := o.BusinessID
				if !id.Valid {
					p.Report(o.Pos, field, "%q has no business ID (expected \"Name, 1234567-8\")", o.Name.Value)
					continue
				}
				switch problem, want := BusinessIDCheck(id.Value); problem {
				case BusinessIDForm:
					p.Report(id.Pos, field, "the business ID %q of %q is not of the form 1234567-8", id.Value, o.Name.Value)
				case BusinessIDCheckDigit:
					p.Report(id.Pos, field, "the business ID %q of %q has the wrong check digit (expected %d)", id.Value, o.Name.Value, want)
				case BusinessIDRemainder1:
					p.Report(id.Pos, field, "the business ID %q of %q cannot be valid: its digits leave remainder 1, which is never issued", id.Value, o.Name.Value)
				}
			}
		}
	},
}

var rulePostalCode = &Rule{
	ID: "postal-code", Severity: Error,
	Doc: "a postal code is not five digits",
	Explain: `Finnish postal codes are five digits, for the applicant's address and for the site
address in section 6.

Example:
  Postinumero: 9610   <- postal-code`,
	Run: func(p *Pass) {
		for _, f := range []struct {
			t     model.Text
			field string
		}{{p.Doc.Applicant.Address.PostalCode, "applicant.address.postal_code"}, {p.Doc.Area.Site.PostalCode, "area.site.postal_code"}} {
			if f.t.Valid && !(len(f.t.Value) == 5 && allDigits(f.t.Value)) {
				p.Report(f.t.Pos, f.field, "postal code %q is not five digits", f.t.Value)
			}
		}
	},
}

var ruleEmail = &Rule{
	ID: "email", Severity: Warning,
	Doc: "the contact e-mail address is not a valid address",
	Explain: `The service prints addresses with "(at)" for "@"; asectl turns it back. The result
must look like name@domain.tld.

Example:
  Yhteyshenkilön sähköpostisoite: etunimi.sukunimi(at)   <- email (no domain)`,
	Run: func(p *Pass) {
		e := p.Doc.Applicant.Contact.Email
		if e.Valid && !validEmail(e.Value) {
			p.Report(e.Pos, "applicant.contact.email", "e-mail address %q is not of the form name@domain.tld", e.Raw)
		}
	},
}

// validEmail matches emailPattern (FuzzEmail holds the two equal): a
// hand-written match, since the regular expression's backtracking was the
// dearest of all checks.
func validEmail(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 {
		return false
	}
	for _, r := range s[:at] {
		if strings.ContainsRune("\t\n\f\r ()<>,;:\"[]", r) {
			return false
		}
	}
	domain := s[at+1:]
	dot := strings.LastIndexByte(domain, '.')
	if dot <= 0 {
		return false
	}
	tld := domain[dot+1:]
	if len(tld) < 2 {
		return false
	}
	for i := 0; i < len(tld); i++ {
		if c := tld[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	for label := range strings.SplitSeq(domain[:dot], ".") {
		if label == "" {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || strings.ContainsRune("ÄÖÅäöå", r)) {
				return false
			}
		}
	}
	return true
}

var rulePhone = &Rule{
	ID: "phone", Severity: Warning,
	Doc: "a phone number has characters or a length a phone number cannot have",
	Explain: `Phone numbers are free-form, but hold only digits, spaces, "+", "-", "/" and
parentheses, with 5 to 15 digits.

Example:
  Puhelinnumero: 040 12x 345   <- phone`,
	Run: func(p *Pass) {
		for _, f := range []struct {
			t     model.Text
			field string
		}{{p.Doc.Applicant.Phone, "applicant.phone"}, {p.Doc.Applicant.Contact.Phone, "applicant.contact.phone"}} {
			if !f.t.Valid {
				continue
			}
			digits := 0
			bad := false
			for _, r := range f.t.Value {
				switch {
				case r >= '0' && r <= '9':
					digits++
				case strings.ContainsRune(" +-/()", r):
				default:
					bad = true
				}
			}
			if bad || digits < 5 || digits > 15 {
				p.Report(f.t.Pos, f.field, "phone number %q is not a phone number (digits, spaces, + - / ( ), 5 to 15 digits)", f.t.Value)
			}
		}
	},
}

var ruleURL = &Rule{
	ID: "url", Severity: Warning,
	Doc: "the website is not an http(s) URL with a host name",
	Explain: `The website must be an absolute http:// or https:// URL with a host name that has a
dot.

Example:
  WWW-osoite: www.ulapland.fi   <- url (no http:// or https://)`,
	Run: func(p *Pass) {
		w := p.Doc.Applicant.Website
		if !w.Valid {
			return
		}
		u, err := url.Parse(w.Value)
		switch {
		case err != nil:
			p.Report(w.Pos, "applicant.website", "website %q is not a URL", w.Value)
		case u.Scheme != "http" && u.Scheme != "https":
			p.Report(w.Pos, "applicant.website", "website %q does not start with http:// or https://", w.Value)
		case !strings.Contains(u.Hostname(), ".") || strings.ContainsAny(w.Value, " \t"):
			p.Report(w.Pos, "applicant.website", "website %q has no valid host name", w.Value)
		}
	},
}
