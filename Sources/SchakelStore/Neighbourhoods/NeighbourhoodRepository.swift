import FluentKit
import Foundation
import SchakelCore

/// The CBS municipalities, districts and neighbourhoods Schakel knows, per year.
public struct NeighbourhoodRepository: Sendable {
    let store: Store

    public func list(page: Paging, level: AreaCode.Level? = nil) async throws -> Paged<Neighbourhood> {
        var query = NeighbourhoodRecord.query(on: store.database)
        if let level { query = query.filter(\.$code =~ prefix(for: level)) }
        let total = try await query.count()
        let records = try await query.sort(\.$code).sort(\.$year).range(page.offset..<(page.offset + page.perPage))
            .all()
        return Paged(items: try records.map { try $0.domain() }, page: page.page, perPage: page.perPage, total: total)
    }

    public func all() async throws -> [Neighbourhood] {
        try await NeighbourhoodRecord.query(on: store.database).sort(\.$code).all().map { try $0.domain() }
    }

    /// The names of these areas, in one query (the latest year's name where a code has several).
    public func names(of codes: Set<AreaCode>) async throws -> [AreaCode: String] {
        guard !codes.isEmpty else { return [:] }
        let found = try await NeighbourhoodRecord.query(on: store.database).filter(\.$code ~~ codes.map(\.description))
            .sort(\.$year).all().map { try $0.domain() }
        return Dictionary(found.map { ($0.code, $0.name) }, uniquingKeysWith: { _, latest in latest })
    }

    public func find(code: AreaCode) async throws -> Neighbourhood? {
        try await NeighbourhoodRecord.query(on: store.database).filter(\.$code == code.description)
            .sort(\.$year, .descending).first()?.domain()
    }

    /// Adds areas; an existing code and year is a conflict. All or nothing.
    public func add(_ neighbourhoods: [Neighbourhood], context: AuditContext) async throws {
        try await store.requireAdministrator(context, object: "neighbourhoods:add")
        try await store.write { db in
            for neighbourhood in neighbourhoods {
                let existing = try await NeighbourhoodRecord.query(on: db)
                    .filter(\.$code == neighbourhood.code.description).filter(\.$year == neighbourhood.year).count()
                if existing > 0 { throw DomainError.conflict(key: "neighbourhood.exists") }
                try await NeighbourhoodRecord(neighbourhood).create(on: db)
            }
            try await store.audit.append(
                [AuditEvent(.neighbourhoodAdd, objects: neighbourhoods.prefix(20).map { "area:\($0.code)" })],
                context: context, on: db)
        }
    }

    private func prefix(for level: AreaCode.Level) -> String {
        switch level {
        case .gemeente: "GM"
        case .wijk: "WK"
        case .buurt: "BU"
        }
    }
}

extension Store {
    public var neighbourhoods: NeighbourhoodRepository { NeighbourhoodRepository(store: self) }
}
