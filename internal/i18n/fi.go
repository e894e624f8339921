package i18n

// finnish maps each English message format to its Finnish form. The verbs
// must stay the same and in the same order (a test checks). Arguments that
// are fixed English phrases are translated through terms.
var finnish = map[string]string{
	// Parser problems.
	"%q appears again; the value at line %d is kept":                                                                "%q toistuu; rivin %d arvo jää voimaan",
	"a second description starts here; asectl reads one description per file, so the rest of the file was not read": "tästä alkaa toinen kuvaus; asectl lukee yhden kuvauksen tiedostoa kohden, joten loppua ei luettu",
	"cannot read the amount %q: %s":                                                                                 "summaa %q ei voi lukea: %s",
	"cannot read the date %q: %s":                                                                                   "päivämäärää %q ei voi lukea: %s",
	"cannot read the number %q: %s":                                                                                 "lukua %q ei voi lukea: %s",
	"cannot read the period %q: expected %q":                                                                        "toteutusaikaa %q ei voi lukea: odotettiin %q",
	"control or invisible characters were removed from this line":                                                   "riviltä poistettiin ohjausmerkkejä tai näkymättömiä merkkejä",
	"the period %q has no end date":                                                                                 "toteutusajalta %q puuttuu päättymispäivä",
	"unexpected text in section %s before its subsections: %q":                                                      "odottamatonta tekstiä osassa %s ennen sen alaosia: %q",
	"unexpected text in section %s: %q":                                                                             "odottamatonta tekstiä osassa %s: %q",
	"unexpected text in section 8.1 before its first question: %q":                                                  "odottamatonta tekstiä osassa 8.1 ennen ensimmäistä kysymystä: %q",
	"unexpected text in section 8.2: %q":                                                                            "odottamatonta tekstiä osassa 8.2: %q",
	"unknown field %q in section %s":                                                                                "tuntematon kenttä %q osassa %s",
	"not an EURA 2014 project description: %s":                                                                      "ei ole EURA 2014 -hankekuvaus: %s",

	// Structure.
	"section %s is missing": "osa %s puuttuu",
	"sections %s–%s are missing: the text ends in section %s (is the copy cut short?)": "osat %s–%s puuttuvat: teksti päättyy osaan %s (onko kopio katkennut?)",
	"the %s is empty":                   "%s on tyhjä",
	"the %s is missing from section %s": "%s puuttuu osasta %s",

	// Identifiers.
	"project code %q is not a letter and five digits (e.g. A72213)":                                       "hankekoodi %q ei ole kirjain ja viisi numeroa (esim. A72213)",
	"project code %q starts with %c, but the header names %s, whose codes start with %c":                  "hankekoodi %q alkaa kirjaimella %c, mutta otsikkorivin rahasto on %s, jonka koodit alkavat kirjaimella %c",
	"the applicant's business ID %q is not of the form 1234567-8":                                         "hakijan Y-tunnus %q ei ole muotoa 1234567-8",
	"the applicant's business ID %q has the wrong check digit (expected %d)":                              "hakijan Y-tunnuksen %q tarkiste on väärä (pitäisi olla %d)",
	"the applicant's business ID %q cannot be valid: its digits leave remainder 1, which is never issued": "hakijan Y-tunnus %q ei voi olla oikea: sen numeroista jää jakojäännös 1, jollaista tunnusta ei anneta",
	"the business ID %q of %q is not of the form 1234567-8":                                               "Y-tunnus %q (%q) ei ole muotoa 1234567-8",
	"the business ID %q of %q has the wrong check digit (expected %d)":                                    "Y-tunnuksen %q (%q) tarkiste on väärä (pitäisi olla %d)",
	"the business ID %q of %q cannot be valid: its digits leave remainder 1, which is never issued":       "Y-tunnus %q (%q) ei voi olla oikea: sen numeroista jää jakojäännös 1, jollaista tunnusta ei anneta",
	"%q has no business ID (expected \"Name, 1234567-8\")":                                                "rivillä %q ei ole Y-tunnusta (odotettiin \"Nimi, 1234567-8\")",
	"postal code %q is not five digits":                                                                   "postinumero %q ei ole viisi numeroa",
	"e-mail address %q is not of the form name@domain.tld":                                                "sähköpostiosoite %q ei ole muotoa nimi@verkkotunnus.fi",
	"phone number %q is not a phone number (digits, spaces, + - / ( ), 5 to 15 digits)":                   "puhelinnumero %q ei ole puhelinnumero (numeroita, välilyöntejä, + - / ( ), 5–15 numeroa)",
	"website %q does not start with http:// or https://":                                                  "WWW-osoite %q ei ala http:// tai https://",
	"website %q has no valid host name":                                                                   "WWW-osoitteessa %q ei ole kelvollista palvelimen nimeä",
	"website %q is not a URL":                                                                             "WWW-osoite %q ei ole URL-osoite",

	// Programme.
	"priority axis %q has no number (expected \"<n>. <name>\")":                 "toimintalinjalla %q ei ole numeroa (odotettiin \"<n>. <nimi>\")",
	"priority axis %s does not exist in the programme (axes 1–9)":               "toimintalinjaa %s ei ole ohjelmassa (toimintalinjat 1–9)",
	"priority axis %s is an %s axis, but this is an %s project":                 "toimintalinja %s on %s-toimintalinja, mutta tämä on %s-hanke",
	"specific objective %q has no number (expected \"<n.n>. <name>\")":          "erityistavoitteella %q ei ole numeroa (odotettiin \"<n.n>. <nimi>\")",
	"specific objective %s does not exist in the programme":                     "erityistavoitetta %s ei ole ohjelmassa",
	"specific objective %s belongs to axis %s, not to axis %s (axis %s has %s)": "erityistavoite %s kuuluu toimintalinjaan %s eikä toimintalinjaan %s (toimintalinjan %s tavoitteet: %s)",
	"%s %s is named %q here, but %q in the programme":                           "%s %s on tässä nimeltään %q, mutta ohjelmassa %q",
	"status %q is not one the service uses (expected %s)":                       "tila %q ei ole palvelun käyttämä (odotettiin %s)",

	// Dates.
	"the period starts on %s, after it ends on %s":                                                 "toteutusaika alkaa %s, vasta päättymisensä (%s) jälkeen",
	"the period starts on %s, before the programme's eligibility starts on %s":                     "toteutusaika alkaa %s, ennen ohjelman tukikelpoisuuden alkua %s",
	"the period ends on %s, after the programme's eligibility ends on %s":                          "toteutusaika päättyy %s, ohjelman tukikelpoisuuden päätyttyä %s",
	"the project is still running although its period ended on %s, more than six months before %s": "hanke on yhä toiminnassa, vaikka sen toteutusaika päättyi %s, yli kuusi kuukautta ennen päivää %s",
	"the project has ended although its period runs until %s, after %s":                            "hankkeen toiminta on päättynyt, vaikka sen toteutusaika jatkuu %s asti, päivän %s jälkeen",

	// Funding.
	"EU and state funding granted (%s €) exceeds the planned public funding (%s €)":   "myönnetty EU- ja valtion rahoitus (%s €) ylittää suunnitellun julkisen rahoituksen (%s €)",
	"EU and state funding realised (%s €) exceeds the amount granted (%s €)":          "toteutunut EU- ja valtion rahoitus (%s €) ylittää myönnetyn (%s €)",
	"EU and state funding realised (%s €) exceeds the public funding realised (%s €)": "toteutunut EU- ja valtion rahoitus (%s €) ylittää toteutuneen julkisen rahoituksen (%s €)",
	"public funding realised (%s €) exceeds the planned public funding (%s €)":        "toteutunut julkinen rahoitus (%s €) ylittää suunnitellun (%s €)",
	"the project has ended but section 5 gives no realised funding":                   "hanke on päättynyt, mutta osassa 5 ei ole toteutunutta rahoitusta",

	// Indicators.
	"%s women out of a total of %s":                                 "naisia %s, vaikka kaikkiaan vain %s",
	"%s %s given, but objective %s does not ask for this indicator": "%s %s ilmoitettu, mutta erityistavoitteessa %s tätä tietoa ei kysytä",

	// Sustainability.
	"%s score %d for %q is outside 0–10":                    "%s pisteet %d kohdassa %q eivät ole välillä 0–10",
	"%s score %q for %q is not a whole number 0–10":         "%s pisteet %q kohdassa %q eivät ole kokonaisluku 0–10",
	"%q has no %s score":                                    "kohdasta %q puuttuvat %s pisteet",
	"criterion %q (%s) is missing":                          "kriteeri %q (%s) puuttuu",
	"%q is not a sustainability criterion of the programme": "%q ei ole ohjelman kestävän kehityksen kriteeri",
	"%q is scored %s but has no justification":              "kohdalle %q on annettu pisteet %s, mutta perustelu puuttuu",

	// Gender equality.
	"the %s question is answered %q; expected Kyllä or Ei (Yes or No)": "%s -kysymyksen vastaus on %q; odotettiin Kyllä tai Ei",
	"the %s question has no answer; expected Kyllä or Ei (Yes or No)":  "%s -kysymykseen ei ole vastattu; odotettiin Kyllä tai Ei",
	"the %s question is missing from section 8.1":                      "%s -kysymys puuttuu osasta 8.1",

	// Area.
	"region (maakunta) %q is not in the classification of %s":       "maakuntaa %q ei ole luokituksessa (%s)",
	"sub-region (seutukunta) %q is not in the classification of %s": "seutukuntaa %q ei ole luokituksessa (%s)",
	"municipality %q is not in the classification of %s":            "kuntaa %q ei ole luokituksessa (%s)",
	"municipality %q is not in any listed sub-region (it is in %q)": "kunta %q ei kuulu mihinkään luetelluista seutukunnista (se kuuluu seutukuntaan %q)",
	"municipality %q is not in any listed region":                   "kunta %q ei kuulu mihinkään luetelluista maakunnista",
	"sub-region %q is not in any listed region":                     "seutukunta %q ei kuulu mihinkään luetelluista maakunnista",

	// The command line.
	"cannot read: %s": "ei voi lukea: %s",
}

// terms translates fixed English phrases passed as message arguments.
var terms = map[string]string{
	// Reasons from the value readers.
	"no digits":             "ei numeroita",
	"misplaced separator":   "erotin väärässä kohdassa",
	"unexpected character":  "odottamaton merkki",
	"ends with a separator": "päättyy erottimeen",
	"ambiguous: the separator could be a decimal mark or a thousands separator": "monitulkintainen: erotin voi olla desimaalierotin tai tuhaterotin",
	"digit groups are not of three":                                             "numeroryhmät eivät ole kolmen numeron",
	"too large":                                                                 "liian suuri",
	"more than two decimals":                                                    "yli kaksi desimaalia",
	"negative":                                                                  "negatiivinen",
	"not a date of the form d.m.yyyy":                                           "ei ole muotoa p.k.vvvv",
	"not a calendar date":                                                       "päivää ei ole kalenterissa",
	"the file is empty":                                                         "tiedosto on tyhjä",
	"the file holds only white space":                                           "tiedostossa on vain tyhjää",
	"the file holds binary data, not text":                                      "tiedostossa on binääridataa eikä tekstiä",
	"this is an HTML page; save the page as text (or copy its text) and try again": "tämä on HTML-sivu; tallenna sivu tekstinä (tai kopioi sen teksti) ja yritä uudelleen",
	"no known heading, header line or field label was found":                       "tunnettua otsikkoa, otsikkoriviä tai kentän nimeä ei löytynyt",

	// Field names of missing-field.
	"project code (Hankekoodi)":                                  "hankekoodi (Hankekoodi)",
	"project name (Hankkeen nimi)":                               "hankkeen nimi (Hankkeen nimi)",
	"priority axis (Toimintalinja)":                              "toimintalinja (Toimintalinja)",
	"specific objective (Erityistavoite)":                        "erityistavoite (Erityistavoite)",
	"implementation period (Suunnitelman mukainen toteutusaika)": "toteutusaika (Suunnitelman mukainen toteutusaika)",
	"status (Toiminnan tila)":                                    "toiminnan tila (Toiminnan tila)",
	"responsible authority (Vastuuviranomainen)":                 "vastuuviranomainen (Vastuuviranomainen)",
	"applicant's name (Hakijan virallinen nimi)":                 "hakijan virallinen nimi (Hakijan virallinen nimi)",
	"applicant's business ID (Y-tunnus)":                         "hakijan Y-tunnus (Y-tunnus)",

	// Other argument words.
	"priority axis":      "toimintalinja",
	"specific objective": "erityistavoite",
	"new jobs":           "uutta työpaikkaa",
	"new companies":      "uutta yritystä",
	"direct":             "välittömät",
	"indirect":           "välilliset",
	"context analysis":   "toimintaympäristön analyysi",
	"mainstreaming":      "valtavirtaistaminen",
	"main goal":          "päätavoite",
}

// uiFinnish translates the command line's own texts.
var uiFinnish = map[string]string{
	"%s: error: %s\n": "%s: virhe: %s\n",
}
