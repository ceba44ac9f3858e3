import Foundation

/// Dutch text for full-text search: accents folded, words split, stop words dropped and words reduced to
/// their stem with the Snowball Dutch stemmer, so "eenzaamheid" and "eenzaam" meet at "eenzam".
public enum DutchText {
    /// Lower case without accents: "Financiën" becomes "financien", "één" becomes "een".
    public static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
    }

    /// The folded words of a text, letters and digits only.
    public static func words(_ text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// The stems of the words that carry meaning, in order.
    public static func terms(_ text: String) -> [String] {
        words(text).filter { !stopWords.contains($0) }.map(stem)
    }

    /// The Snowball Dutch stop words (folded).
    public static let stopWords: Set<String> = [
        "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij", "het", "niet", "zijn", "is", "was", "op",
        "aan", "met", "als", "voor", "had", "er", "maar", "om", "hem", "dan", "zou", "of", "wat", "mijn", "men",
        "dit", "zo", "door", "over", "ze", "zich", "bij", "ook", "tot", "je", "mij", "uit", "der", "daar", "haar",
        "naar", "heb", "hoe", "heeft", "hebben", "deze", "u", "want", "nog", "zal", "me", "zij", "nu", "ge", "geen",
        "omdat", "iets", "worden", "toch", "al", "waren", "veel", "meer", "doen", "toen", "moet", "ben", "zonder",
        "kan", "hun", "dus", "alles", "onder", "ja", "eens", "hier", "wie", "werd", "altijd", "doch", "wordt",
        "wezen", "kunnen", "ons", "zelf", "tegen", "na", "reeds", "wil", "kon", "niets", "uw", "iemand", "geweest",
        "andere",
    ]

    // MARK: Snowball Dutch stemmer (snowballstem.org, the original Dutch algorithm)

    private static let vowels: Set<Character> = ["a", "e", "i", "o", "u", "y", "è"]

    /// The stem of one folded, lower-case word.
    public static func stem(_ word: String) -> String {
        var w = Array(word)
        guard w.count > 2 else { return word }
        // Initial y, y after a vowel and i between vowels are consonants: written as capitals meanwhile.
        for i in w.indices {
            if w[i] == "y" && (i == 0 || vowels.contains(w[i - 1])) {
                w[i] = "Y"
            } else if w[i] == "i", i > 0, i + 1 < w.count, vowels.contains(w[i - 1]), vowels.contains(w[i + 1]) {
                w[i] = "I"
            }
        }
        let r1 = max(3, region(after: 0, in: w))
        let r2 = region(after: min(region(after: 0, in: w), w.count), in: w)
        func isVowel(_ i: Int) -> Bool { i >= 0 && i < w.count && vowels.contains(w[i]) }
        func ends(_ suffix: String) -> Bool { w.count >= suffix.count && String(w.suffix(suffix.count)) == suffix }
        func inR1(_ suffix: String) -> Bool { w.count - suffix.count >= r1 }
        func inR2(_ suffix: String) -> Bool { w.count - suffix.count >= r2 }
        func undouble() {
            if ends("kk") || ends("dd") || ends("tt") { w.removeLast() }
        }
        /// A valid en-ending: a non-vowel, and not "gem".
        func validEn(before suffix: String) -> Bool {
            let i = w.count - suffix.count - 1
            guard i >= 0, !isVowel(i) else { return false }
            return !(i >= 2 && String(w[(i - 2)...i]) == "gem")
        }
        /// A valid s-ending: a non-vowel other than j.
        func validS(before suffix: String) -> Bool {
            let i = w.count - suffix.count - 1
            return i >= 0 && !isVowel(i) && w[i] != "j"
        }
        func removeEn(_ suffix: String) -> Bool {
            guard inR1(suffix), validEn(before: suffix) else { return false }
            w.removeLast(suffix.count)
            undouble()
            return true
        }

        // Step 1
        if ends("heden") {
            if inR1("heden") { w.replaceSubrange((w.count - 5)..., with: Array("heid")) }
        } else if ends("ene") {
            _ = removeEn("ene")
        } else if ends("en") {
            _ = removeEn("en")
        } else if ends("se") {
            if inR1("se") && validS(before: "se") { w.removeLast(2) }
        } else if ends("s") {
            if inR1("s") && validS(before: "s") { w.removeLast() }
        }
        // Step 2
        var removedE = false
        func step2() {
            if ends("e"), inR1("e"), !isVowel(w.count - 2) {
                w.removeLast()
                removedE = true
                undouble()
            }
        }
        step2()
        // Step 3a
        if ends("heid"), inR2("heid"), w.count - 5 >= 0, w[w.count - 5] != "c" {
            w.removeLast(4)
            if ends("en") { _ = removeEn("en") }
        }
        // Step 3b
        if ends("end") || ends("ing") {
            let suffix = ends("end") ? "end" : "ing"
            if inR2(suffix) {
                w.removeLast(3)
                if ends("ig"), inR2("ig"), w.count - 3 < 0 || w[w.count - 3] != "e" {
                    w.removeLast(2)
                } else {
                    undouble()
                }
            }
        } else if ends("ig") {
            if inR2("ig"), w.count - 3 < 0 || w[w.count - 3] != "e" { w.removeLast(2) }
        } else if ends("lijk") {
            if inR2("lijk") {
                w.removeLast(4)
                step2()
            }
        } else if ends("baar") {
            if inR2("baar") { w.removeLast(4) }
        } else if ends("bar") {
            if inR2("bar") && removedE { w.removeLast(3) }
        }
        // Step 4: undouble a vowel in a final consonant–double vowel–consonant (maan → man).
        if w.count >= 4 {
            let n = w.count
            let c = w[n - 4]
            let d = w[n - 1]
            if !vowels.contains(c), !vowels.contains(d), d != "I", w[n - 2] == w[n - 3], "aeou".contains(w[n - 2]) {
                w.remove(at: n - 2)
            }
        }
        return String(w).lowercased()
    }

    /// The start of the region after the first non-vowel that follows a vowel, from `start`.
    private static func region(after start: Int, in w: [Character]) -> Int {
        var i = start
        while i < w.count && !vowels.contains(w[i]) { i += 1 }
        while i < w.count && vowels.contains(w[i]) { i += 1 }
        return min(i + 1, w.count)
    }
}
