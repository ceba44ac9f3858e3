import Foundation

extension String {
    /// Trimmed, with runs of whitespace collapsed to one space.
    public var collapsingWhitespace: String {
        split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// A key for comparing names: lower case, accents removed, only letters and digits.
    /// "Çelik-de Vries " and "celik de vries" give the same key.
    public var matchKey: String {
        // Letters that are not a base letter plus a diacritic do not fold by themselves.
        let special: [Character: String] = [
            "ı": "i", "İ": "i", "ß": "ss", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ł": "l", "Ł": "l", "đ": "d",
            "Đ": "d", "œ": "oe", "Œ": "oe",
        ]
        let mapped = String(flatMap { special[$0] ?? String($0) })
        let folded = mapped.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// The trimmed name, or a `ValidationError` naming `field` when it is empty, longer than `maxLength`,
    /// holds a control character or has no letter.
    public func validatedName(field: String = "name", maxLength: Int = 120) throws -> String {
        guard let name = nonEmpty else { throw ValidationError(field: field, key: "required") }
        guard name.count <= maxLength else { throw ValidationError(field: field, key: "tooLong") }
        if let problem = name.personNameProblem { throw ValidationError(field: field, key: problem) }
        return name
    }

    /// Why this cannot be a name as people write it, or nil: a control character (NUL, a line break, a
    /// direction override) would hide or reorder what others read, and a name of only invisible
    /// characters reads as empty.
    public var personNameProblem: String? {
        if unicodeScalars.contains(where: \.isHiddenControl) { return "name.control" }
        if !unicodeScalars.contains(where: { $0.properties.isAlphabetic }) { return "name.noLetter" }
        return nil
    }

    /// The text without direction overrides and isolates (U+202A–U+202E, U+2066–U+2069) and without
    /// control characters other than line breaks and tabs: what is shown then reads in the order it was
    /// typed, and nothing is hidden.
    public var neutralisingControls: String {
        guard unicodeScalars.contains(where: { $0.isHiddenControl && !$0.isLayoutControl }) else { return self }
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars where !scalar.isHiddenControl || scalar.isLayoutControl { scalars.append(scalar) }
        return String(scalars)
    }

    /// nil when the trimmed string is empty.
    public var nonEmpty: String? {
        let trimmed = collapsingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// One page of a longer list.
public struct Paged<Item: Sendable>: Sendable {
    public var items: [Item]
    public var page: Int
    public var perPage: Int
    public var total: Int

    public init(items: [Item], page: Int, perPage: Int, total: Int) {
        self.items = items
        self.page = page
        self.perPage = perPage
        self.total = total
    }

    public var pageCount: Int { max(1, (total + perPage - 1) / perPage) }

    public func map<T: Sendable>(_ transform: (Item) throws -> T) rethrows -> Paged<T> {
        Paged<T>(items: try items.map(transform), page: page, perPage: perPage, total: total)
    }
}

/// A validated page request: page from 1, 1 to 100 items per page.
public struct Paging: Sendable, Equatable {
    public static let maxPerPage = 100
    public let page: Int
    public let perPage: Int

    public init(page: Int? = nil, perPage: Int? = nil) throws {
        var validator = Validator()
        let page = page ?? 1
        let perPage = perPage ?? 25
        if page < 1 || page > 1_000_000 { validator.add("page", "page.outOfRange") }
        if perPage < 1 || perPage > Self.maxPerPage { validator.add("perPage", "perPage.outOfRange") }
        try validator.finish()
        self.page = page
        self.perPage = perPage
    }

    public var offset: Int { (page - 1) * perPage }
}

extension Unicode.Scalar {
    /// A control character or a bidirectional embedding, override or isolate.
    var isHiddenControl: Bool {
        properties.generalCategory == .control || (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// A line break or tab, which free text may hold.
    var isLayoutControl: Bool { value == 0x0A || value == 0x0D || value == 0x09 }
}
