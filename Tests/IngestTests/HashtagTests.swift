import Ingest
import Testing

@Suite("Hashtag keys")
struct HashtagTests {
    @Test(arguments: ["#NonAuHarcelement", "#NonAuHarcèlement", "nonauharcelement", " #NONAUHARCÈLEMENT "])
    func spellingsOfOneHashtagShareAKey(spelling: String) {
        #expect(Hashtag.key(spelling) == "nonauharcelement")
    }

    @Test func differentHashtagsKeepDifferentKeys() {
        #expect(Hashtag.key("#119") != Hashtag.key("#AlloEnfanceEnDanger"))
        #expect(Hashtag.key("#Réagir3919") == "reagir3919")
    }

    @Test func aHashtagAsWrittenKeepsItsCaseAndAccents() {
        #expect(Hashtag.written(" #NonAuHarcèlement\t") == "NonAuHarcèlement")
        #expect(Hashtag.written("AlloEnfanceEnDanger") == "AlloEnfanceEnDanger")
    }
}
