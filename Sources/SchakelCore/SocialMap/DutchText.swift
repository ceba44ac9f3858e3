import Foundation

/// Dutch text for full-text search: accents folded, words split, stop words dropped and words reduced to
/// their stem with the Snowball Dutch stemmer, so "eenzaamheid" and "eenzaam" meet at "eenzam".
public enum DutchText {
    /// Lower case without accents: "Financiën" becomes "financien", "één" becomes "een".
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !append(scalar, to: &out) { out.append(scalar) }
        return String(out)
    }

    /// The folded words of a text, letters and digits only.
    public static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !append(scalar, to: &current) {
            if !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    /// Letters without their accents, for the languages met in Dutch neighbourhoods.
    static let plainLetters: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        for (letters, plain) in [
            ("àáâãäåąā", "a"), ("æ", "ae"), ("çćč", "c"), ("èéêëęěē", "e"), ("ìíîïıī", "i"), ("ñńň", "n"),
            ("òóôõöøőō", "o"), ("ùúûüűůū", "u"), ("ýÿ", "y"), ("ß", "ss"), ("ğ", "g"), ("şśš", "s"), ("ł", "l"),
            ("źżž", "z"), ("ř", "r"), ("ď", "d"), ("ť", "t"),
        ] {
            for letter in letters.unicodeScalars { table[letter.value] = plain }
        }
        return table
    }()

    /// Appends a letter or digit folded (lower case, no accent) and drops a combining accent; false for
    /// anything else, which separates words.
    @inline(__always)
    private static func append(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x61...0x7A, 0x30...0x39: out.append(scalar)
            case 0x41...0x5A: out.append(Unicode.Scalar(value + 0x20)!)
            default: return false
            }
            return true
        }
        var kept = false
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
            if let plain = plainLetters[lower.value] {
                out.append(contentsOf: plain.unicodeScalars)
                kept = true
            } else if lower.properties.generalCategory == .nonspacingMark {
                kept = true
            } else if lower.properties.isAlphabetic || lower.properties.numericType != nil {
                out.append(lower)
                kept = true
            }
        }
        return kept
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

    /// Works on the UTF-8 bytes of a folded word: every suffix it looks at is ASCII, and an ASCII byte never
    /// occurs inside a multi-byte character, so cutting one off never splits a character.
    private static func isVowel(_ byte: UInt8) -> Bool {
        byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79
    }

    /// The stem of one folded, lower-case word.
    public static func stem(_ word: String) -> String {
        var w = Array(word.utf8)
        guard w.count > 2 else { return word }
        let y = UInt8(ascii: "y")
        let i = UInt8(ascii: "i")
        // Initial y, y after a vowel and i between vowels are consonants: written as capitals meanwhile.
        for k in w.indices {
            if w[k] == y && (k == 0 || isVowel(w[k - 1])) {
                w[k] = UInt8(ascii: "Y")
            } else if w[k] == i, k > 0, k + 1 < w.count, isVowel(w[k - 1]), isVowel(w[k + 1]) {
                w[k] = UInt8(ascii: "I")
            }
        }
        let r1Start = region(after: 0, in: w)
        let r1 = max(3, r1Start)
        let r2 = region(after: min(r1Start, w.count), in: w)
        func vowelAt(_ k: Int) -> Bool { k >= 0 && k < w.count && isVowel(w[k]) }
        func ends(_ suffix: StaticString) -> Bool {
            let n = suffix.utf8CodeUnitCount
            guard w.count >= n else { return false }
            for k in 0..<n where w[w.count - n + k] != suffix.utf8Start[k] { return false }
            return true
        }
        func inR1(_ length: Int) -> Bool { w.count - length >= r1 }
        func inR2(_ length: Int) -> Bool { w.count - length >= r2 }
        func undouble() {
            if ends("kk") || ends("dd") || ends("tt") { w.removeLast() }
        }
        /// A valid en-ending: a non-vowel, and not "gem".
        func validEn(before length: Int) -> Bool {
            let k = w.count - length - 1
            guard k >= 0, !vowelAt(k) else { return false }
            return
                !(k >= 2 && w[k - 2] == UInt8(ascii: "g") && w[k - 1] == UInt8(ascii: "e") && w[k] == UInt8(ascii: "m"))
        }
        /// A valid s-ending: a non-vowel other than j.
        func validS(before length: Int) -> Bool {
            let k = w.count - length - 1
            return k >= 0 && !vowelAt(k) && w[k] != UInt8(ascii: "j")
        }
        func removeEn(_ length: Int) {
            guard inR1(length), validEn(before: length) else { return }
            w.removeLast(length)
            undouble()
        }

        // Step 1
        if ends("heden") {
            if inR1(5) { w.replaceSubrange((w.count - 5)..., with: Array("heid".utf8)) }
        } else if ends("ene") {
            removeEn(3)
        } else if ends("en") {
            removeEn(2)
        } else if ends("se") {
            if inR1(2) && validS(before: 2) { w.removeLast(2) }
        } else if ends("s") {
            if inR1(1) && validS(before: 1) { w.removeLast() }
        }
        // Step 2
        var removedE = false
        func step2() {
            if ends("e"), inR1(1), !vowelAt(w.count - 2) {
                w.removeLast()
                removedE = true
                undouble()
            }
        }
        step2()
        // Step 3a
        if ends("heid"), inR2(4), w.count - 5 >= 0, w[w.count - 5] != UInt8(ascii: "c") {
            w.removeLast(4)
            if ends("en") { removeEn(2) }
        }
        // Step 3b
        if ends("end") || ends("ing") {
            if inR2(3) {
                w.removeLast(3)
                if ends("ig"), inR2(2), w.count - 3 < 0 || w[w.count - 3] != UInt8(ascii: "e") {
                    w.removeLast(2)
                } else {
                    undouble()
                }
            }
        } else if ends("ig") {
            if inR2(2), w.count - 3 < 0 || w[w.count - 3] != UInt8(ascii: "e") { w.removeLast(2) }
        } else if ends("lijk") {
            if inR2(4) {
                w.removeLast(4)
                step2()
            }
        } else if ends("baar") {
            if inR2(4) { w.removeLast(4) }
        } else if ends("bar") {
            if inR2(3) && removedE { w.removeLast(3) }
        }
        // Step 4: undouble a vowel in a final consonant–double vowel–consonant (maan → man).
        if w.count >= 4 {
            let n = w.count
            let c = w[n - 4]
            let d = w[n - 1]
            let v = w[n - 2]
            if !isVowel(c), !isVowel(d), d != UInt8(ascii: "I"), v == w[n - 3],
                v == UInt8(ascii: "a") || v == UInt8(ascii: "e") || v == UInt8(ascii: "o") || v == UInt8(ascii: "u")
            {
                w.remove(at: n - 2)
            }
        }
        for k in w.indices where w[k] == UInt8(ascii: "Y") || w[k] == UInt8(ascii: "I") { w[k] += 0x20 }
        return String(decoding: w, as: UTF8.self)
    }

    /// The start of the region after the first non-vowel that follows a vowel, from `start`.
    private static func region(after start: Int, in w: [UInt8]) -> Int {
        var k = start
        while k < w.count && !isVowel(w[k]) { k += 1 }
        while k < w.count && isVowel(w[k]) { k += 1 }
        return min(k + 1, w.count)
    }
}
