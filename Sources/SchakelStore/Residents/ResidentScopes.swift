import FluentKit
import Foundation
import SQLKit
import SchakelCore

/// Many residents with the scope the access policy decides on, read in two queries instead of two per resident:
/// for lists that show names only to those who may see them.
struct ResidentScopes {
    var residents: [UUID: ResidentRecord]
    var addresses: [UUID: AddressRecord]

    /// The scope of a resident read here, or nil when there is no such resident.
    func scope(of id: Resident.ID) -> ResidentScope? {
        guard let record = residents[id.uuid] else { return nil }
        let address = record.addressID.flatMap { addresses[$0] }
        return ResidentScope(
            residentID: id, buurtCode: address?.buurtCode.flatMap { try? AreaCode($0) },
            responsibleTeamID: record.responsibleTeamID.map { .init($0) })
    }
}

extension Store {
    /// Records by id, in one query.
    func records<M: Model>(_ type: M.Type, _ ids: Set<UUID>) async throws -> [UUID: M] where M.IDValue == UUID {
        guard !ids.isEmpty else { return [:] }
        let found = try await M.query(on: database).filter(\._$id ~~ Array(ids)).all()
        return Dictionary(uniqueKeysWithValues: found.compactMap { record in record.id.map { ($0, record) } })
    }

    /// The residents and their addresses, plus any other addresses asked for.
    func residentScopes(_ ids: Set<UUID>, addresses extra: Set<UUID> = []) async throws -> ResidentScopes {
        let residents = try await records(ResidentRecord.self, ids)
        let addresses = try await records(AddressRecord.self, extra.union(residents.values.compactMap(\.addressID)))
        return ResidentScopes(residents: residents, addresses: addresses)
    }
}

extension ResidentScope {
    /// The scope from a row that selected the resident's `responsible_team_id` and the `buurt_code` of their
    /// address (null when they have none).
    init(_ residentID: Resident.ID, row: any SQLRow) throws {
        self.init(
            residentID: residentID,
            buurtCode: try row.decode(column: "buurt_code", as: String?.self).flatMap { try? AreaCode($0) },
            responsibleTeamID: try row.decode(column: "responsible_team_id", as: UUID?.self).map { .init($0) })
    }
}
