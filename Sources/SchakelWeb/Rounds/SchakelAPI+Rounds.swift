import Foundation
import OpenAPIRuntime
import SchakelCore
import SchakelStore
import Vapor

/// Rounds, contact moments and the out-of-view list of the JSON API; the offline queue of the round page
/// sends its outcomes to `logContactMoment`.
extension SchakelAPI {
    func listMyRounds(_ input: Operations.listMyRounds.Input) async throws -> Operations.listMyRounds.Output {
        let (request, _) = try APIRequest.authenticated()
        let date = try input.query.date.map { text in try ValidationError.rename("date") { try LocalDate(text) } }
        let rounds = try await request.store.rounds(request.auditContext).myRounds(on: date ?? request.today)
        return .ok(.init(body: .json(.init(items: rounds.map(Wire.round)))))
    }

    func getRound(_ input: Operations.getRound.Input) async throws -> Operations.getRound.Output {
        let (request, _) = try APIRequest.authenticated()
        guard let id = Round.ID(input.path.roundId) else { throw DomainError.notFound(kind: "round") }
        let view = try await request.store.rounds(request.auditContext).round(id)
        return .ok(.init(body: .json(Wire.roundDetail(view))))
    }

    func logContactMoment(_ input: Operations.logContactMoment.Input) async throws
        -> Operations.logContactMoment.Output
    {
        let (request, _) = try APIRequest.authenticated()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let (moment, created) = try await request.store.rounds(request.auditContext).logContact(
            ContactMomentInput(
                id: body.id, residentID: body.residentId, stopID: body.stopId, outcome: body.outcome.rawValue,
                durationMinutes: body.durationMinutes, note: body.note, concern: body.concern,
                recordedAt: body.recordedAt, corrects: body.corrects))
        let wire = Wire.contactMoment(moment)
        return created ? .created(.init(body: .json(wire))) : .ok(.init(body: .json(wire)))
    }

    func listOutOfView(_ input: Operations.listOutOfView.Input) async throws -> Operations.listOutOfView.Output {
        let (request, _) = try APIRequest.authenticated()
        guard let team = Team.ID(input.path.teamId) else { throw DomainError.notFound(kind: "team") }
        let paging = try Paging(page: input.query.page, perPage: input.query.perPage)
        let page = try await request.store.rounds(request.auditContext).outOfView(
            team: team, today: request.today, page: paging)
        return .ok(.init(body: .json(.init(items: page.items.map(Wire.outOfView), paging: Wire.paging(page)))))
    }
}

extension Wire {
    static func round(_ r: Round) -> Components.Schemas.Round {
        .init(
            id: r.id.description, teamId: r.teamID.description, date: r.date.description,
            conciergeId: r.conciergeID.description)
    }

    static func roundDetail(_ v: RoundView) -> Components.Schemas.RoundDetail {
        .init(
            id: v.round.id.description, teamId: v.round.teamID.description, date: v.round.date.description,
            conciergeId: v.round.conciergeID.description, conciergeName: v.conciergeName,
            stops: v.stops.map(roundStop), summary: daySummary(v.summary))
    }

    static func roundStop(_ s: RoundStopView) -> Components.Schemas.RoundStop {
        let state: String
        var outcome: ContactOutcome?
        switch s.state {
        case .open: state = "open"
        case .done(let o):
            state = "done"
            outcome = o
        case .paused: state = "paused"
        case .ended: state = "ended"
        case .movedAway: state = "movedAway"
        }
        return .init(
            id: s.stop.id.description, position: s.stop.position, residentId: s.stop.residentID.description,
            deliveryId: s.stop.deliveryID.description, state: .init(rawValue: state)!,
            outcome: outcome.flatMap { .init(rawValue: $0.rawValue) }, recordedAt: s.outcome?.recordedAt,
            contactMomentId: s.outcome?.id.description, correctable: s.outcome == nil ? nil : s.correctable,
            kind: .init(rawValue: s.kind.rawValue)!, windowStart: s.windowStart.description,
            windowEnd: s.windowEnd.description, name: s.residentName, address: s.addressLine,
            latitude: s.coordinate?.latitude, longitude: s.coordinate?.longitude, doorNotes: s.doorNotes,
            lastContact: s.lastContact, openConcerns: s.openConcerns)
    }

    static func daySummary(_ s: DaySummary) -> Components.Schemas.DaySummary {
        .init(
            stops: s.stops, open: s.open, contacts: s.contacts, mailboxOnly: s.mailboxOnly, notAtHome: s.notAtHome,
            refused: s.refused, extraVisits: s.extraVisits, minutesAtDoors: s.minutesAtDoors)
    }

    static func contactMoment(_ m: ContactMoment) -> Components.Schemas.ContactMoment {
        .init(
            id: m.id.description, residentId: m.residentID.description, stopId: m.stopID?.description,
            deliveryId: m.deliveryID?.description, outcome: .init(rawValue: m.outcome.rawValue)!,
            durationMinutes: m.durationMinutes, note: m.note, concern: m.concern, recordedAt: m.recordedAt,
            recordedBy: m.recordedBy.description, corrects: m.corrects?.description,
            correctedBy: m.correctedBy?.description)
    }

    static func outOfView(_ e: OutOfViewEntry) -> Components.Schemas.OutOfViewEntry {
        switch e.reason {
        case .noContact(let days, let never):
            .init(
                residentId: e.residentID.description, name: e.fullName, address: e.addressLine,
                lastContact: e.lastContact, reason: never ? .neverContact : .noContact, days: days)
        case .missesInARow(let misses):
            .init(
                residentId: e.residentID.description, name: e.fullName, address: e.addressLine,
                lastContact: e.lastContact, reason: .missesInARow, days: 0, misses: misses)
        }
    }
}
