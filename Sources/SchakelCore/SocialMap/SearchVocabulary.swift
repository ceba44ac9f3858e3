import Foundation

/// The words residents and concierges use for the help they look for, beside the words services describe
/// themselves with: groups of words that mean the same for the social map ("geldzorgen", "huurachterstand"
/// and "schulden"), and the parts Dutch compounds are made of ("hulp" in "schuldhulpverlening").
///
/// A service is indexed with the parts of its compounds and with every word of each group one of its words
/// or phrases belongs to; a query word that belongs to a group also finds the group's other words. Schakel
/// ships a standard list; the map's upkeep page adds groups of its own.
public struct SearchVocabulary: Sendable, Equatable {
    /// Each group: folded words or phrases ("nederlands leren") that mean the same here.
    public private(set) var groups: [[String]]
    private var groupsOfWord: [String: [Int]] = [:]
    private var phrases: [(words: [String], group: Int)] = []

    public init(groups: [[String]]) {
        self.groups = []
        for group in groups { add(group) }
    }

    public static func == (lhs: SearchVocabulary, rhs: SearchVocabulary) -> Bool { lhs.groups == rhs.groups }

    /// Adds a group (its words folded; empty ones and groups of fewer than two left out).
    public mutating func add(_ group: [String]) {
        let words = group.map { DutchText.words($0).joined(separator: " ") }.filter { !$0.isEmpty }
        guard Set(words).count >= 2 else { return }
        let index = groups.count
        groups.append(words)
        for member in words {
            let parts = member.split(separator: " ").map(String.init)
            if parts.count == 1 {
                groupsOfWord[member, default: []].append(index)
            } else {
                phrases.append((parts, index))
            }
        }
    }

    /// The standard vocabulary plus groups of the map's own.
    public func adding(_ more: [[String]]) -> SearchVocabulary {
        var copy = self
        for group in more { copy.add(group) }
        return copy
    }

    /// The words a text is indexed with: its own, the parts of its compounds, and the words of every group
    /// a word or phrase of it belongs to.
    public func indexWords(_ text: String) -> [String] {
        let words = DutchText.words(text)
        var result = words
        var seen = Set(words)
        func add(_ word: String) { if seen.insert(word).inserted { result.append(word) } }
        var expanded = words
        for word in words {
            for part in Self.parts(of: word) {
                add(part)
                expanded.append(part)
            }
        }
        var found = Set<Int>()
        for word in expanded { found.formUnion(groupsOfWord[word] ?? []) }
        for (phrase, group) in phrases where Self.contains(words, phrase) { found.insert(group) }
        for group in found.sorted() {
            for member in groups[group] { member.split(separator: " ").forEach { add(String($0)) } }
        }
        return result
    }

    /// The other words a query word also finds: those of the groups it is a word of (a phrase of the query
    /// is found through the index, where every service with it has the group's words).
    public func alternatives(of word: String) -> [String] {
        var result: [String] = []
        for group in groupsOfWord[word] ?? [] {
            for member in groups[group] where member != word && !member.contains(" ") && !result.contains(member) {
                result.append(member)
            }
        }
        return result
    }

    private static func contains(_ words: [String], _ phrase: [String]) -> Bool {
        guard phrase.count <= words.count else { return false }
        for start in 0...(words.count - phrase.count) where Array(words[start..<(start + phrase.count)]) == phrase {
            return true
        }
        return false
    }

    /// The parts of a compound, when it is made of known parts with at most a linking s or e between them:
    /// "schuldhulpverlening" gives schuld, hulpverlening, hulp, verlening. Empty for other words.
    public static func parts(of word: String) -> [String] {
        guard word.count >= 6 else { return [] }
        return split(Array(word)) ?? []
    }

    private static func split(_ letters: [Character]) -> [String]? {
        guard letters.count >= 6 else { return nil }
        for cut in stride(from: letters.count - 3, through: 3, by: -1) {
            let head = String(letters[..<cut])
            guard compoundParts.contains(head) else { continue }
            let tail = Array(letters[cut...])
            for linking in ["", "s", "e", "en"] {
                guard tail.count >= linking.count + 3, String(tail.prefix(linking.count)) == linking else { continue }
                let rest = Array(tail.dropFirst(linking.count))
                let word = String(rest)
                if compoundParts.contains(word) { return [head, word] + (split(rest) ?? []) }
                if let deeper = split(rest) { return [head, word] + deeper }
            }
        }
        return nil
    }

    /// Words Dutch compounds of the social domain are made of (folded).
    static let compoundParts: Set<String> = [
        "schuld", "schulden", "hulp", "verlening", "hulpverlening", "verlener", "verslaving", "zorg", "taal", "cafe",
        "maatje", "maatjes", "project", "wijk", "verpleging", "verpleegkundige", "thuis", "administratie",
        "formulier", "formulieren", "brigade", "lunch", "buurt", "huis", "koffie", "inloop", "voedsel", "pakket",
        "bank", "herstel", "academie", "crisis", "dienst", "spreek", "uur", "spreekuur", "mantel", "vrijwilliger",
        "vrijwilligers", "werk", "nacht", "opvang", "geld", "zorgen", "huur", "achterstand", "les", "lessen",
        "digitaal", "ouderen", "jeugd", "gezin", "sport", "dag", "besteding", "loket", "eenzaamheid", "steun",
        "ondersteuning", "advies", "melding", "centrum", "punt", "uitgifte", "coach", "maaltijd", "post",
        "betaling", "regeling", "school", "kinder", "opvoeding", "wonen", "woning", "bewoners", "ontmoeting",
        "plek", "slaap", "repair", "fiets", "kleding", "geweld", "ervaring", "deskundige", "lotgenoten", "groep",
        "budget", "cursus", "training", "wandel", "beweeg", "gezondheid",
    ]

    /// Schakel's own list for Dutch neighbourhoods.
    public static let standard = SearchVocabulary(groups: [
        [
            "taal", "taalles", "taallessen", "nederlands leren", "nederlandse les", "inburgering", "taalcafe",
            "taalmaatje", "nt2",
        ],
        [
            "ggz", "psychisch", "psychische", "somber", "somberheid", "depressie", "depressief", "angstig",
            "angststoornis", "geestelijke gezondheid", "psychiatrie", "burnout",
        ],
        ["verslaving", "verslavingszorg", "verslaafd", "alcohol", "drank", "drugs", "gokken", "blowen", "afkicken"],
        [
            "thuiszorg", "wijkverpleging", "wijkverpleegkundige", "verzorging thuis", "hulp thuis",
            "huishoudelijke hulp", "wmo",
        ],
        [
            "schulden", "schuld", "schuldhulp", "geldzorgen", "geldproblemen", "huurachterstand",
            "betalingsachterstand", "rood staan", "deurwaarder", "incasso",
        ],
        ["eenzaam", "eenzaamheid", "vereenzaming", "ontmoeting", "maatje", "gezelschap"],
        ["ouderen", "oudere", "senioren", "bejaarden", "65plus", "ouder worden"],
        ["voedselbank", "voedselpakket", "eten", "honger", "boodschappen"],
        ["huiselijk geweld", "mishandeling", "mishandeld", "veilig thuis", "geweld thuis"],
        ["administratie", "formulieren", "brieven", "papieren", "belastingaangifte", "toeslagen"],
        ["dakloos", "daklozen", "dakloosheid", "nachtopvang", "slaapplek", "zwerven"],
        ["mantelzorg", "mantelzorger", "mantelzorgers", "respijtzorg"],
        ["digitaal", "computer", "internet", "digid", "smartphone", "tablet"],
        ["bewegen", "sport", "gymnastiek", "gym", "fitness", "wandelen"],
        ["vrijwilligerswerk", "vrijwilliger worden", "vrijwilligers vacature"],
        ["juridisch", "rechtshulp", "advocaat", "recht", "ontslag", "huurrecht"],
        ["reparatie", "repareren", "kapot", "repair"],
    ])
}
