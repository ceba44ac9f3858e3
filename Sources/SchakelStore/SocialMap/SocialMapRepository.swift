import FluentKit
import Foundation
import SQLKit
import SchakelCore

/// How an import went: what was stored and what was refused, by record.
public struct MapImportReport: Sendable, Equatable {
    public struct Refusal: Sendable, Equatable {
        /// The record's `id` as given (or its position when it has none).
        public var record: String
        public var problems: [FieldProblem]
    }

    public var created: Int
    public var updated: Int
    public var refused: [Refusal]
}

/// The social map: services in HSDS 3.0 form, searched in Dutch, with filters for the street.
/// It holds no personal data, so its pages are public and reading it is not audited.
public struct SocialMapRepository: Sendable {
    let store: Store

    // MARK: Import and export

    /// Stores `service_full` documents, replacing services with the same id. With `validOnly` false one
    /// invalid record stops the import and nothing is written; with `validOnly` true the valid ones are stored.
    public func importServices(
        _ documents: [JSONValue], validOnly: Bool = false, upkeep: [MapService.ID: Upkeep] = [:],
        context: AuditContext
    ) async throws -> MapImportReport {
        try await store.requireMapMaintainer(context, object: "map:import")
        var services: [MapService] = []
        var refused: [MapImportReport.Refusal] = []
        var seen = Set<MapService.ID>()
        for (index, document) in documents.enumerated() {
            let record = document["id"]?.text ?? "#\(index + 1)"
            do {
                let service = try MapService(document: document)
                guard seen.insert(service.id).inserted else {
                    refused.append(.init(record: record, problems: [FieldProblem(field: "id", key: "hsds.duplicate")]))
                    continue
                }
                services.append(service)
            } catch let error as ValidationError {
                refused.append(.init(record: record, problems: error.problems))
            }
        }
        guard refused.isEmpty || validOnly else { return MapImportReport(created: 0, updated: 0, refused: refused) }
        let buurten = try await buurtCodes(for: services)
        let vocabulary = try await vocabulary()
        let now = store.clock.now()
        let engine = store.engine
        let stored = services
        let (created, updated) = try await store.write { db in
            let sql = db.sql
            let ids = stored.map(\.id.uuid)
            var existing: [UUID: Int64] = [:]
            var kept: [MapService.ID: Upkeep] = [:]
            for chunk in ids.chunked(500) {
                for row in try await sql.select().column("id").column("search_key").column("owner_id")
                    .column("accepts_referrals").column("wait_weeks").column("response_days").column("contact_days")
                    .from("map_services")
                    .where("id", .in, Array(chunk)).all()
                {
                    let id = try row.decode(column: "id", as: UUID.self)
                    existing[id] = try row.decode(column: "search_key", as: Int64.self)
                    // What Schakel keeps beside the HSDS document survives a new import of the same service.
                    kept[.init(id)] = Upkeep(
                        owner: try row.decode(column: "owner_id", as: UUID?.self).map(User.ID.init),
                        acceptsReferrals: try row.decode(column: "accepts_referrals", as: Bool.self),
                        waitWeeks: try row.decode(column: "wait_weeks", as: Int?.self),
                        terms: try Self.terms(row))
                }
            }
            for (id, value) in upkeep { kept[id] = value }
            var nextKey =
                try await sql.raw("SELECT COALESCE(MAX(search_key), 0) AS top FROM map_services").first()?
                .decode(column: "top", as: Int64.self) ?? 0
            let replaced = Array(existing.keys)
            for chunk in replaced.chunked(500) {
                try await sql.delete(from: "map_hours").where("service_id", .in, Array(chunk)).run()
                try await sql.delete(from: "map_services").where("id", .in, Array(chunk)).run()
            }
            for chunk in existing.values.map({ $0 }).chunked(500) {
                try await sql.delete(from: "map_search")
                    .where(SQLIdentifier(engine == .sqlite ? "rowid" : "search_key"), .in, Array(chunk)).run()
            }
            var keys: [MapService.ID: Int64] = [:]
            for service in stored {
                if let key = existing[service.id.uuid] {
                    keys[service.id] = key
                } else {
                    nextKey += 1
                    keys[service.id] = nextKey
                }
            }
            try await Self.insert(
                stored, keys: keys, upkeep: kept, buurten: buurten, at: now, engine: engine, vocabulary: vocabulary,
                on: sql)
            try await Self.storeOrganizations(stored, at: now, on: sql)
            try await Self.storeTerms(stored, on: sql)
            // Counts of matches kept by searches no longer hold once this commits.
            try await sql.raw("UPDATE map_generation SET generation = generation + 1").run()
            return (stored.count - existing.count, existing.count)
        }
        if engine == .postgres, stored.count >= 1000 { try await settleSearchIndex() }
        return MapImportReport(created: created, updated: updated, refused: refused)
    }

    /// After a large import on PostgreSQL: the full-text indexes take in the entries they parked in their pending
    /// lists (which every search would otherwise read through), and the planner learns the new numbers.
    private func settleSearchIndex() async throws {
        for index in ["idx_map_search_vector", "idx_map_search_name"] {
            try await store.sql.raw("SELECT gin_clean_pending_list(\(bind: index)::regclass)").run()
        }
        try await store.sql.raw("ANALYZE map_search, map_services").run()
    }

    private static func insert(
        _ services: [MapService], keys: [MapService.ID: Int64], upkeep: [MapService.ID: Upkeep],
        buurten: [String: String], at now: Date, engine: DatabaseEngine, vocabulary: SearchVocabulary,
        on sql: any SQLDatabase
    ) async throws {
        for chunk in services.chunked(200) {
            var insert = sql.insert(into: "map_services").columns(
                "id", "search_key", "organization_id", "name", "status", "document", "name_text", "search_text",
                "free", "languages", "terms", "buurt_code", "latitude", "longitude", "last_checked", "owner_email",
                "location_count", "owner_id", "accepts_referrals", "wait_weeks", "response_days", "contact_days",
                "updated_at")
            // SQLite keeps the stems in FTS5; PostgreSQL keeps only the vectors, made from the words here.
            var search =
                engine == .sqlite
                ? sql.insert(into: "map_search").columns("rowid", "name_text", "search_text", "status")
                : sql.insert(into: "map_search").columns("search_key", "status", "search_vector", "name_vector")
            var hours = sql.insert(into: "map_hours").columns(
                "id", "service_id", "weekday", "opens", "closes", "valid_from", "valid_to")
            var anyHours = false
            for s in chunk {
                let place = s.places.first { $0.latitude != nil && $0.longitude != nil }
                let (nameText, bodyText) = indexText(s, engine: engine, vocabulary: vocabulary)
                insert = insert.values([
                    SQLBind(s.id.uuid), SQLBind(keys[s.id]!), SQLBind(s.organizationID.flatMap(UUID.init(uuidString:))),
                    SQLBind(s.name), SQLBind(s.status), SQLBind(s.document.serialized()), SQLBind(nameText),
                    SQLBind(bodyText), SQLBind(s.free), SQLBind("," + s.languages.joined(separator: ",") + ","),
                    SQLBind("," + s.terms.map(\.id).joined(separator: ",") + ","),
                    SQLBind(s.places.lazy.compactMap { $0.postcode.flatMap { buurten[Self.postcodeKey($0)] } }.first),
                    SQLBind(place?.latitude), SQLBind(place?.longitude), SQLBind(s.lastChecked?.description),
                    SQLBind(s.ownerEmail), SQLBind(s.document["service_at_locations"]?.items.count ?? 0),
                    SQLBind(upkeep[s.id]?.owner?.uuid), SQLBind(upkeep[s.id]?.acceptsReferrals ?? true),
                    SQLBind(upkeep[s.id]?.waitWeeks), SQLBind(upkeep[s.id]?.terms?.responseDays),
                    SQLBind(upkeep[s.id]?.terms?.contactDays), SQLBind(now),
                ])
                switch engine {
                case .sqlite:
                    search = search.values([
                        SQLBind(keys[s.id]!), SQLBind(nameText), SQLBind(bodyText),
                        SQLBind(s.status.replacingOccurrences(of: " ", with: "_")),
                    ])
                case .postgres:
                    // Positions and weights stay out of the full vector: only matching reads it.
                    let vector: SQLQueryString =
                        "strip(to_tsvector('dutch', \(bind: nameText)) || to_tsvector('dutch', \(bind: bodyText)))"
                    let names: SQLQueryString = "to_tsvector('dutch', \(bind: nameText))"
                    search = search.values([SQLBind(keys[s.id]!), SQLBind(s.status), vector, names])
                }
                for interval in s.hours {
                    anyHours = true
                    hours = hours.values([
                        SQLBind(UUID()), SQLBind(s.id.uuid), SQLBind(interval.weekday.rawValue),
                        SQLBind(interval.opens),
                        SQLBind(interval.closes), SQLBind(interval.validFrom?.description),
                        SQLBind(interval.validTo?.description),
                    ])
                }
            }
            try await insert.run()
            try await search.run()
            if anyHours { try await hours.run() }
        }
    }

    /// What the index reads: for SQLite Schakel's Dutch stems; PostgreSQL's `dutch` configuration stems itself,
    /// so it gets the words with accents folded. Both get the parts of compounds and the words of the
    /// vocabulary's groups the service's words belong to.
    static func indexText(_ service: MapService, engine: DatabaseEngine, vocabulary: SearchVocabulary) -> (
        name: String, body: String
    ) {
        let name = vocabulary.indexWords(service.name + " " + (service.alternateName ?? "")).joined(separator: " ")
        let body = vocabulary.indexWords(service.searchText).joined(separator: " ")
        switch engine {
        case .sqlite:
            return (DutchText.terms(name).joined(separator: " "), DutchText.terms(body).joined(separator: " "))
        case .postgres: return (name, body)
        }
    }

    /// A service's own referral terms from a row that selected `response_days` and `contact_days`.
    static func terms(_ row: any SQLRow) throws -> ReferralTerms? {
        guard let response = try row.decode(column: "response_days", as: Int?.self),
            let contact = try row.decode(column: "contact_days", as: Int?.self)
        else { return nil }
        return try? ReferralTerms(responseDays: response, contactDays: contact)
    }

    /// The search words in force: the standard list and the map's own groups.
    public func vocabulary() async throws -> SearchVocabulary {
        try await store.vocabularyCache.vocabulary(now: store.clock.now()) {
            try await ownSynonymGroups().map(\.words)
        }
    }

    /// The map's own groups of search words, oldest first.
    public func ownSynonymGroups() async throws -> [(id: UUID, words: [String])] {
        try await store.sql.select().column("id").column("words").from("map_synonyms").orderBy("created_at").all()
            .map { row in
                (
                    try row.decode(column: "id", as: UUID.self),
                    try row.decode(column: "words", as: String.self).split(separator: ",").map(String.init)
                )
            }
    }

    private static func storeOrganizations(_ services: [MapService], at now: Date, on sql: any SQLDatabase)
        async throws
    {
        var organizations: [UUID: (String, JSONValue)] = [:]
        for service in services {
            guard var organization = service.document["organization"], let name = service.organizationName,
                let id = service.organizationID.flatMap(UUID.init(uuidString:))
            else { continue }
            organization["services"] = nil
            organizations[id] = (name, organization)
        }
        for chunk in Array(organizations).chunked(200) {
            // Which organisation in Schakel answers the referrals is Schakel's, not the document's: it stays.
            var answering: [UUID: UUID] = [:]
            for row in try await sql.select().column("id").column("organisation_id").from("map_organizations")
                .where("id", .in, chunk.map(\.key)).all()
            {
                if let organisation = try row.decode(column: "organisation_id", as: UUID?.self) {
                    answering[try row.decode(column: "id", as: UUID.self)] = organisation
                }
            }
            try await sql.delete(from: "map_organizations").where("id", .in, chunk.map(\.key)).run()
            var insert = sql.insert(into: "map_organizations").columns(
                "id", "name", "document", "updated_at", "organisation_id")
            for (id, (name, document)) in chunk {
                insert = insert.values([
                    SQLBind(id), SQLBind(name), SQLBind(document.serialized()), SQLBind(now), SQLBind(answering[id]),
                ])
            }
            try await insert.run()
        }
    }

    private static func storeTerms(_ services: [MapService], on sql: any SQLDatabase) async throws {
        var terms: [String: JSONValue] = [:]
        for service in services {
            for attribute in service.document["attributes"]?.items ?? [] {
                guard let term = attribute["taxonomy_term"], let id = term["id"]?.text?.lowercased(),
                    term["name"]?.text != nil
                else { continue }
                terms[id] = term
            }
        }
        for chunk in Array(terms).chunked(200) {
            try await sql.delete(from: "map_terms").where("id", .in, chunk.map(\.key)).run()
            var insert = sql.insert(into: "map_terms").columns(
                "id", "code", "name", "taxonomy", "parent_id", "document")
            for (id, term) in chunk {
                insert = insert.values([
                    SQLBind(id), SQLBind(term["code"]?.text), SQLBind(term["name"]?.text ?? id),
                    SQLBind(term["taxonomy"]?.text ?? term["taxonomy_detail"]?["name"]?.text),
                    SQLBind(term["parent_id"]?.text?.lowercased()), SQLBind(term.serialized()),
                ])
            }
            try await insert.run()
        }
    }

    /// The buurt of each postcode that occurs in the services, from the address register.
    private func buurtCodes(for services: [MapService]) async throws -> [String: String] {
        let postcodes = Set(services.flatMap { $0.places.compactMap { $0.postcode.map(Self.postcodeKey) } })
        var result: [String: String] = [:]
        for chunk in Array(postcodes).chunked(500) {
            let rows = try await store.sql.select().column("postcode").column("buurt_code").from("addresses")
                .where("postcode", .in, Array(chunk)).where("buurt_code", .isNot, SQLLiteral.null).all()
            for row in rows {
                result[try row.decode(column: "postcode", as: String.self)] = try row.decode(
                    column: "buurt_code", as: String.self)
            }
        }
        return result
    }

    static func postcodeKey(_ text: String) -> String {
        text.uppercased().filter { $0.isLetter || $0.isNumber }
    }

    /// Every service as its `service_full` document, in name order.
    public func exportServices() async throws -> [JSONValue] {
        let rows = try await store.sql.select().column("document").from("map_services").orderBy("name").all()
        return try rows.map { try JSONValue.parse(Data(try $0.decode(column: "document", as: String.self).utf8)) }
    }

    // MARK: Reading

    /// One service, or not found.
    public func service(_ id: MapService.ID, includeInactive: Bool = false) async throws -> MapHit {
        let rows = try await store.sql.select().columns(Self.hitColumns).from("map_services").where(
            "id", .equal, id.uuid
        )
        .all()
        guard let row = rows.first, let hit = try Self.hit(row, near: nil),
            includeInactive || hit.service.status == "active"
        else { throw DomainError.notFound(kind: "service") }
        return hit
    }

    public var count: Int {
        get async throws {
            try await store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("map_services").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// The taxonomy terms in use, by name.
    public func terms() async throws -> [MapService.Term] {
        try await store.sql.select().column("id").column("code").column("name").column("taxonomy").from("map_terms")
            .orderBy("name").all().map { row in
                MapService.Term(
                    id: try row.decode(column: "id", as: String.self),
                    code: try row.decode(column: "code", as: String?.self),
                    name: try row.decode(column: "name", as: String.self),
                    taxonomy: try row.decode(column: "taxonomy", as: String?.self))
            }
    }

    /// Services found, best first (or by name or distance), one page.
    /// A search as a resident makes it: services with all the words; when none has them all and the query has
    /// several, those with any of them, the most fitting first (`partial` says so).
    public func find(_ query: MapQuery, page: Paging) async throws -> (page: Paged<MapHit>, partial: Bool) {
        let all = try await search(query, page: page)
        guard all.total == 0, !query.anyWord, let text = query.text, Self.queryWords(text).count > 1 else {
            return (all, false)
        }
        var any = query
        any.anyWord = true
        let found = try await search(any, page: page)
        return (found, found.total > 0)
    }

    public func search(_ query: MapQuery, page: Paging) async throws -> Paged<MapHit> {
        let (total, rows) = try await searchRows(query, page: page)
        return Paged(
            items: try rows.compactMap { try Self.hit($0, near: query.near) }, page: page.page, perPage: page.perPage,
            total: total)
    }

    /// The same search, answering the stored documents as their JSON text: an API can pass them on unparsed.
    public func searchDocuments(_ query: MapQuery, page: Paging) async throws -> Paged<String> {
        let (total, rows) = try await searchRows(query, page: page)
        return Paged(
            items: try rows.map { try $0.decode(column: "document", as: String.self) }, page: page.page,
            perPage: page.perPage, total: total)
    }

    /// The FTS5 query of a text on SQLite: every stem as a prefix, and the status when only active ones count.
    static func ftsMatch(_ text: String, activeOnly: Bool, vocabulary: SearchVocabulary, anyWord: Bool = false)
        -> String
    {
        let words = ftsWords(text, vocabulary: vocabulary, anyWord: anyWord)
        return activeOnly ? "status:active AND (\(words))" : words
    }

    /// Every word's stem as a prefix, all needed; a word of a group of the vocabulary also finds the group's
    /// other words.
    static func ftsWords(_ text: String, vocabulary: SearchVocabulary, anyWord: Bool = false) -> String {
        let words = queryWords(text)
        return words.map { word in
            let stems = ([DutchText.stem(word)] + vocabulary.alternatives(of: word).map(DutchText.stem))
            let unique = stems.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            let either = unique.map { "\"\($0)\"*" }
            return either.count == 1 ? either[0] : "(" + either.joined(separator: " OR ") + ")"
        }.joined(separator: anyWord ? " OR " : " AND ")
    }

    /// The words of a query that carry meaning (all of them when every word is a stop word).
    static func queryWords(_ text: String) -> [String] {
        let words = DutchText.words(text).filter { !DutchText.stopWords.contains($0) }
        return words.isEmpty ? DutchText.words(text) : words
    }

    /// Words only, best first: one statement answers the page and the count from the search index, and reads
    /// just the page's services. Matches in the name come first, ranked (bm25 on SQLite, the rank of the name
    /// vector on PostgreSQL); the others follow in key order, which spares ranking thousands of them. Each part
    /// yields at most the rows up to the end of the page, and the page is cut from the two in that order.
    ///
    /// The counts (all matches, those in the name) are kept until the map changes (`SearchCounts`); with them
    /// the statement skips the other matches when the page ends among the named ones or there are none, and on
    /// PostgreSQL reads few of them through the text index instead of walking all keys in order.
    private func indexOnlyRows(_ query: MapQuery, page: Paging) async throws -> (Int, [any SQLRow])? {
        guard let text = query.text, !DutchText.words(text).isEmpty, query.sort == .relevance,
            query == MapQuery(text: text, includeInactive: query.includeInactive)
        else { return nil }
        // (A search for any word is not answered here: it goes through the general statement below.)
        let end = page.offset + page.perPage
        let parts = searchParts(text, includeInactive: query.includeInactive, vocabulary: try await vocabulary())
        let search = "\(query.includeInactive) \(text)"
        let known = store.searchCounts.count(of: search)
        let generation: SQLQueryString = "(SELECT generation FROM map_generation WHERE id = 1)"
        let counts: SQLQueryString = "(" + parts.total + ") AS total, (" + parts.namedTotal + ") AS named"
        let columns = Self.hitColumns.map { "s." + $0 }.joined(separator: ", ")
        func keep(_ row: any SQLRow) throws -> Int {
            let total = try row.decode(column: "total", as: Int.self)
            store.searchCounts.keep(
                SearchCounts.Count(
                    generation: try row.decode(column: "generation", as: Int64.self), total: total,
                    named: try row.decode(column: "named", as: Int.self)),
                of: search)
            return total
        }
        func pageRows(counting: Bool, planned: SearchCounts.Count?) async throws -> [any SQLRow] {
            var restLimit = end
            var fewOthers = false
            if let planned {
                let others = planned.total - planned.named
                if end <= planned.named || others == 0 { restLimit = 0 }
                fewOthers = others * 4 < planned.total
            }
            return try await store.sql.raw(
                "WITH named AS (" + parts.named(end) + "), rest AS (" + parts.rest(restLimit, fewOthers) + "),"
                    + " page AS (SELECT k, 0 AS part, r FROM named UNION ALL SELECT k, 1, k FROM rest"
                    + " ORDER BY part, r, k LIMIT \(literal: page.perPage) OFFSET \(literal: page.offset))"
                    + " SELECT " + generation + " AS generation, "
                    + (counting ? counts : "NULL AS total, NULL AS named") + ", \(unsafeRaw: columns)"
                    + " FROM page JOIN map_services s ON s.search_key = page.k ORDER BY page.part, page.r, page.k"
            ).all()
        }
        var planned = known
        var rows = try await pageRows(counting: known == nil, planned: planned)
        if let first = rows.first {
            if let known, known.generation == (try first.decode(column: "generation", as: Int64.self)) {
                return (known.total, rows)
            }
            if known == nil { return (try keep(first), rows) }
            // Counts kept from an older map planned this page: read it again, counting.
            planned = nil
            rows = try await pageRows(counting: true, planned: nil)
            if let first = rows.first { return (try keep(first), rows) }
        } else if known == nil, page.offset == 0 {
            return (0, [])  // no matches at all
        }
        // No rows: a page past the last one, or none because kept counts of an older map planned it.
        guard let counted = try await store.sql.raw("SELECT " + generation + " AS generation, " + counts).first()
        else { return (0, rows) }
        let total = try keep(counted)
        if planned != nil, total > page.offset { rows = try await pageRows(counting: false, planned: nil) }
        return (total, rows)
    }

    /// The parts of a search of words: the named matches ranked, the others in key order (`limit` rows;
    /// through the text index when they are few), and the two counts.
    private func searchParts(_ text: String, includeInactive: Bool, vocabulary: SearchVocabulary) -> (
        named: (Int) -> SQLQueryString, rest: (Int, Bool) -> SQLQueryString, total: SQLQueryString,
        namedTotal: SQLQueryString
    ) {
        switch store.engine {
        case .sqlite:
            let status = includeInactive ? "" : "status:active AND "
            let words = Self.ftsWords(text, vocabulary: vocabulary)
            let inName = status + "name_text:(\(words))"
            return (
                named: { limit in
                    """
                    SELECT rowid AS k, bm25(map_search, 10.0, 1.0, 0.0) AS r FROM map_search
                    WHERE map_search MATCH \(bind: inName) ORDER BY r LIMIT \(literal: limit)
                    """
                },
                rest: { limit, _ in
                    """
                    SELECT rowid AS k FROM map_search WHERE map_search MATCH \(bind: status + "(\(words)) NOT name_text:(\(words))")
                    ORDER BY rowid LIMIT \(literal: limit)
                    """
                },
                total: "SELECT COUNT(*) FROM map_search WHERE map_search MATCH \(bind: status + "(\(words))")",
                namedTotal: "SELECT COUNT(*) FROM map_search WHERE map_search MATCH \(bind: inName)"
            )
        case .postgres:
            let tsquery = Self.tsquery(text, vocabulary: vocabulary)
            let status: SQLQueryString = includeInactive ? "" : " AND status = 'active'"
            func match(_ column: String) -> SQLQueryString {
                "\(unsafeRaw: column) @@ to_tsquery('dutch', \(bind: tsquery))"
            }
            return (
                named: { limit in
                    "SELECT search_key AS k, -ts_rank(name_vector, to_tsquery('dutch', \(bind: tsquery))) AS r"
                        + " FROM map_search WHERE " + match("name_vector") + status
                        + " ORDER BY r, k LIMIT \(literal: limit)"
                },
                // Walking the keys in order finds many others at once; "+ 0" sends the planner to the text index
                // when they are few among the matches.
                rest: { limit, few in
                    "SELECT search_key AS k FROM map_search WHERE " + match("search_vector") + " AND NOT "
                        + match("name_vector") + status
                        + " ORDER BY \(unsafeRaw: few ? "search_key + 0" : "search_key") LIMIT \(literal: limit)"
                },
                total: "SELECT COUNT(*) FROM map_search WHERE " + match("search_vector") + status,
                namedTotal: "SELECT COUNT(*) FROM map_search WHERE " + match("name_vector") + status
            )
        }
    }

    /// The tsquery of a text: every word as a prefix, all of them needed; a word of a group of the vocabulary
    /// also finds the group's other words.
    static func tsquery(_ text: String, vocabulary: SearchVocabulary, anyWord: Bool = false) -> String {
        queryWords(text).map { word in
            let either = ([word] + vocabulary.alternatives(of: word)).map { "\($0):*" }
            return either.count == 1 ? either[0] : "(" + either.joined(separator: " | ") + ")"
        }.joined(separator: anyWord ? " | " : " & ")
    }

    private func searchRows(_ query: MapQuery, page: Paging) async throws -> (Int, [any SQLRow]) {
        if let answer = try await indexOnlyRows(query, page: page) { return answer }
        let sql = store.sql
        var from: SQLQueryString = " FROM map_services s"
        var conditions: [SQLQueryString] = []
        var rank: SQLQueryString?
        if let text = query.text, !DutchText.words(text).isEmpty {
            let vocabulary = try await vocabulary()
            switch store.engine {
            case .sqlite:
                from += " JOIN map_search ON map_search.rowid = s.search_key"
                conditions.append(
                    """
                    map_search MATCH \(bind: Self.ftsMatch(
                        text, activeOnly: !query.includeInactive, vocabulary: vocabulary, anyWord: query.anyWord))
                    """
                )
                rank = "bm25(map_search, 10.0, 1.0, 0.0)"
            case .postgres:
                let tsquery = Self.tsquery(text, vocabulary: vocabulary, anyWord: query.anyWord)
                from += " JOIN map_search p ON p.search_key = s.search_key"
                conditions.append("p.search_vector @@ to_tsquery('dutch', \(bind: tsquery))")
                // Matches in the name first: ranking on the small name vector spares reading every match's text.
                // With any of the words, those that have more of them come first, as bm25 does on SQLite.
                rank =
                    query.anyWord
                    ? """
                    -(10 * ts_rank(p.name_vector, to_tsquery('dutch', \(bind: tsquery)))
                      + ts_rank(p.search_vector, to_tsquery('dutch', \(bind: tsquery))))
                    """
                    : "-ts_rank(p.name_vector, to_tsquery('dutch', \(bind: tsquery)))"
            }
        }
        if !query.includeInactive { conditions.append("s.status = 'active'") }
        if let organization = query.organizationID { conditions.append("s.organization_id = \(bind: organization)") }
        if let owner = query.owner { conditions.append("s.owner_id = \(bind: owner.uuid)") }
        if let day = query.checkedBefore {
            conditions.append("(s.last_checked IS NULL OR s.last_checked < \(bind: day.description))")
        }
        if let term = query.term?.lowercased().nonEmpty {
            conditions.append("s.terms LIKE \(bind: "%," + term + ",%")")
        }
        if let area = query.area {
            let code = area.description
            switch area.level {
            case .buurt: conditions.append("s.buurt_code = \(bind: code)")
            case .wijk: conditions.append("s.buurt_code LIKE \(bind: "BU" + code.dropFirst(2) + "%")")
            case .gemeente: conditions.append("s.buurt_code LIKE \(bind: "BU" + code.dropFirst(2) + "%")")
            }
        }
        if let language = query.language?.lowercased().nonEmpty {
            conditions.append("s.languages LIKE \(bind: "%," + language + ",%")")
        }
        if query.freeOnly { conditions.append("s.free = \(bind: true)") }
        if query.openNow {
            let (date, minute) = OpeningHours.local(store.clock.now())
            conditions.append(
                """
                EXISTS (SELECT 1 FROM map_hours h WHERE h.service_id = s.id AND h.weekday = \(bind: date.weekday.rawValue)
                AND h.opens <= \(bind: minute) AND h.closes > \(bind: minute)
                AND (h.valid_from IS NULL OR h.valid_from <= \(bind: date.description))
                AND (h.valid_to IS NULL OR h.valid_to >= \(bind: date.description)))
                """)
        }
        var whereClause: SQLQueryString = ""
        if !conditions.isEmpty { whereClause = " WHERE " + conditions.joined(separator: " AND ") }
        let total =
            try await sql.raw("SELECT COUNT(*) AS n" + from + whereClause).first()?.decode(column: "n", as: Int.self)
            ?? 0
        var order: SQLQueryString
        switch query.sort {
        case .distance where query.near != nil:
            let near = query.near!
            let scale = cos(near.latitude * .pi / 180)
            order =
                " ORDER BY (s.latitude IS NULL), (s.latitude - \(bind: near.latitude)) * (s.latitude - \(bind: near.latitude)) + (s.longitude - \(bind: near.longitude)) * (s.longitude - \(bind: near.longitude)) * \(bind: scale * scale), s.name"
        case .relevance where rank != nil:
            order = " ORDER BY " + rank! + ", s.name"
        case .responsive:
            // The share answered by its day: of the live referrals of the window that were answered or escalated
            // (escalated means not answered by its day), from five on; the same window as the figures shown.
            let since = store.clock.now().addingTimeInterval(-Double(ReferralResponsiveness.windowDays) * 86_400)
            let inTime: SQLQueryString = """
                (SELECT CASE WHEN COUNT(*) >= \(literal: ReferralResponsiveness.minimumCount) \
                THEN AVG(CASE WHEN r.escalated_at IS NULL THEN 1.0 ELSE 0.0 END) END \
                FROM referrals r WHERE r.service_id = s.id AND r.mode = 'live' AND r.sent_at >= \(bind: since) \
                AND (r.answered_at IS NOT NULL OR r.escalated_at IS NOT NULL))
                """
            order = " ORDER BY s.accepts_referrals DESC, (" + inTime + " IS NULL), " + inTime + " DESC, s.name"
        default:
            order = " ORDER BY s.name"
        }
        let select: SQLQueryString = "SELECT \(unsafeRaw: Self.hitColumns.map { "s." + $0 }.joined(separator: ", "))"
        let rows = try await sql.raw(
            select + from + whereClause + order + " LIMIT \(literal: page.perPage) OFFSET \(literal: page.offset)"
        ).all()
        return (total, rows)
    }

    static let hitColumns = [
        "document", "accepts_referrals", "wait_weeks", "owner_id", "response_days", "contact_days",
    ]

    static func hit(_ row: any SQLRow, near: Coordinate?) throws -> MapHit? {
        let document = try JSONValue.parse(Data(try row.decode(column: "document", as: String.self).utf8))
        guard let service = try? MapService(document: document) else { return nil }
        let distance = near.flatMap { from in
            service.places.compactMap { place -> Double? in
                guard let lat = place.latitude, let lon = place.longitude else { return nil }
                return from.metres(toLatitude: lat, longitude: lon)
            }.min()
        }
        return MapHit(
            service: service, acceptsReferrals: try row.decode(column: "accepts_referrals", as: Bool.self),
            waitWeeks: try row.decode(column: "wait_weeks", as: Int?.self),
            owner: try row.decode(column: "owner_id", as: UUID?.self).map(User.ID.init), distance: distance,
            terms: try terms(row))
    }
}

extension Store {
    public var socialMap: SocialMapRepository { SocialMapRepository(store: self) }
}

extension SocialMapRepository {
    /// The middle of the addresses with this postcode in the register, to measure distance from.
    public func coordinate(of postcode: Postcode) async throws -> Coordinate? {
        let row = try await store.sql.select()
            .column(SQLFunction("AVG", args: SQLIdentifier("latitude")), as: "lat")
            .column(SQLFunction("AVG", args: SQLIdentifier("longitude")), as: "lon")
            .from("addresses").where("postcode", .equal, postcode.value).where("latitude", .isNot, SQLLiteral.null)
            .first()
        guard let row, let lat = try row.decode(column: "lat", as: Double?.self),
            let lon = try row.decode(column: "lon", as: Double?.self)
        else { return nil }
        return try? Coordinate(latitude: lat, longitude: lon)
    }
}
