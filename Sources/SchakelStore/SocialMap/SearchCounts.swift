import Foundation
import SchakelCore
import Synchronization

/// How many services match a search, kept per search until the map changes.
///
/// Counting thousands of matches is most of the work of a search with common words, and the map changes
/// seldom (an import, an edit), while the same words are searched again and again. A count is taken together
/// with the generation of the search index it was read from (the import raises it in the same transaction as
/// its changes), and a search uses it only when it reads that same generation in its own statement: a count is
/// never older than the page it goes with. Several servers on one database each keep their own.
final class SearchCounts: Sendable {
    struct Count: Sendable {
        let generation: Int64
        /// All matches, and those with the words in the name.
        let total: Int
        let named: Int
    }

    /// Beyond this many searches the counts start afresh; searches longer than `longest` bytes are not kept,
    /// so the counts take at most about a megabyte whatever is searched.
    static let capacity = 4096
    static let longest = 200
    private let counts = Mutex<[String: Count]>([:])
    /// Off, every search counts its matches.
    let enabled: Bool

    init(enabled: Bool) { self.enabled = enabled }

    func count(of search: String) -> Count? {
        guard enabled, search.utf8.count <= Self.longest else { return nil }
        return counts.withLock { $0[search] }
    }

    func keep(_ count: Count, of search: String) {
        guard enabled, search.utf8.count <= Self.longest else { return }
        counts.withLock { counts in
            if counts.count >= Self.capacity, counts[search] == nil { counts.removeAll(keepingCapacity: true) }
            counts[search] = count
        }
    }
}

/// The search words of the map (the standard list and the map's own groups), read again at most once a minute
/// and at once after this server changed them; another server sees a change within that minute.
final class VocabularyCache: Sendable {
    private let kept = Mutex<(at: Date, vocabulary: SearchVocabulary)?>(nil)
    static let freshFor: TimeInterval = 60

    func vocabulary(now: Date, read: () async throws -> [[String]]) async throws -> SearchVocabulary {
        if let kept = kept.withLock({ $0 }), now.timeIntervalSince(kept.at) < Self.freshFor, kept.at <= now {
            return kept.vocabulary
        }
        let vocabulary = SearchVocabulary.standard.adding(try await read())
        kept.withLock { $0 = (now, vocabulary) }
        return vocabulary
    }

    func forget() { kept.withLock { $0 = nil } }
}
