package i18n

// fetchFinnish translates asectl fetch's own texts. They are kept apart
// from uiFinnish so that the command's messages are found in one place.
var fetchFinnish = map[string]string{
	"%d saved, %d not modified, %d kept, %d not a description, %d failed, %d disallowed by robots.txt\n": "%d tallennettu, %d ennallaan, %d jo hakemistossa, %d ei kuvaus, %d epäonnistui, %d robots.txt kieltää\n",
	"asectl: cannot read the project list: %s\n":                                                         "asectl: hankelistaa ei voi lukea: %s\n",
	"asectl: %d links of the project list hold no valid project code; skipped\n":                         "asectl: hankelistan %d linkissä ei ole kelvollista hankekoodia; ne ohitettiin\n",
	"asectl: fetch stopped: %s\n":                                                                        "asectl: haku pysähtyi: %s\n",
	"asectl: interrupted; the pages finished are saved: run the same command again to go on\n":           "asectl: keskeytetty; valmiit sivut on tallennettu: jatka ajamalla sama komento uudelleen\n",
	"asectl: %d projects on the list; at --rate %g that takes about %s\n":                                "asectl: listalla on %d hanketta; nopeudella --rate %g se kestää noin %s\n",
}

func init() {
	for en, fi := range fetchFinnish {
		uiFinnish[en] = fi
	}
}
