import FluentKit
import Foundation
import SchakelCore

final class ReferralRecord: Model, @unchecked Sendable {
    static let schema = "referrals"
    @ID(key: .id) var id: UUID?
    @Field(key: "resident_id") var residentID: UUID
    @OptionalField(key: "service_id") var serviceID: UUID?
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @Field(key: "target_name") var targetName: String
    @OptionalField(key: "signal_id") var signalID: UUID?
    @Field(key: "mode") var mode: String
    @Field(key: "state") var state: String
    @Field(key: "question") var question: String
    @Field(key: "domains") var domains: String
    @OptionalField(key: "contact_method") var contactMethod: String?
    @Field(key: "shares") var shares: String
    @Field(key: "referrer_id") var referrerID: UUID
    @OptionalField(key: "team_id") var teamID: UUID?
    @OptionalField(key: "referrer_organisation_id") var referrerOrganisationID: UUID?
    @OptionalField(key: "assignee_id") var assigneeID: UUID?
    @OptionalField(key: "consent_id") var consentID: UUID?
    @OptionalField(key: "override_ground") var overrideGround: String?
    @OptionalField(key: "override_reason") var overrideReason: String?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "received_at") var receivedAt: Date?
    @OptionalField(key: "answered_at") var answeredAt: Date?
    @OptionalField(key: "answer_due") var answerDue: String?
    @OptionalField(key: "contact_due") var contactDue: String?
    @OptionalField(key: "first_contact_on") var firstContactOn: String?
    @OptionalField(key: "first_contact_how") var firstContactHow: String?
    @OptionalField(key: "decline_reason") var declineReason: String?
    @OptionalField(key: "close_reason") var closeReason: String?
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "ended_at") var endedAt: Date?
    @OptionalField(key: "escalated_at") var escalatedAt: Date?
    @OptionalField(key: "contact_flagged_at") var contactFlaggedAt: Date?
    /// Raised by one on every change; a change names the revision it read (compare-and-set).
    @Field(key: "revision") var revision: Int

    init() {}

    init(_ referral: Referral) {
        id = referral.id.uuid
        revision = 0
        residentID = referral.residentID.uuid
        serviceID = referral.serviceID?.uuid
        organisationID = referral.organisationID?.uuid
        targetName = referral.targetName
        signalID = referral.signalID?.uuid
        mode = referral.mode.rawValue
        question = referral.question
        domains = referral.domains.map(\.rawValue).joined(separator: ",")
        contactMethod = referral.contactMethod?.rawValue
        shares = referral.shares.map(\.rawValue).joined(separator: ",")
        referrerID = referral.referrerID.uuid
        teamID = referral.teamID?.uuid
        referrerOrganisationID = referral.referrerOrganisationID?.uuid
        consentID = referral.consentID?.uuid
        overrideGround = referral.override?.ground.rawValue
        overrideReason = referral.override?.reason
        createdAt = referral.createdAt
        update(from: referral)
    }

    /// The columns a step changes.
    func update(from referral: Referral) {
        state = referral.state.rawValue
        assigneeID = referral.assigneeID?.uuid
        sentAt = referral.sentAt
        receivedAt = referral.receivedAt
        answeredAt = referral.answeredAt
        answerDue = referral.answerDue?.description
        contactDue = referral.contactDue?.description
        firstContactOn = referral.firstContactOn?.description
        firstContactHow = referral.firstContactHow?.rawValue
        declineReason = referral.declineReason?.rawValue
        closeReason = referral.closeReason?.rawValue
        outcome = referral.outcome?.rawValue
        endedAt = referral.endedAt
        escalatedAt = referral.escalatedAt
        contactFlaggedAt = referral.contactFlaggedAt
    }

    func domain() throws -> Referral {
        var referral = Referral(
            id: .init(id!), residentID: .init(residentID), serviceID: serviceID.map(MapService.ID.init),
            organisationID: organisationID.map(Organisation.ID.init), targetName: targetName,
            signalID: signalID.map(Signal.ID.init), mode: ReferralMode(rawValue: mode) ?? .live, question: question,
            domains: domains.split(separator: ",").compactMap { LifeDomain(rawValue: String($0)) },
            contactMethod: contactMethod.flatMap(ReferralContactMethod.init(rawValue:)),
            shares: shares.split(separator: ",").compactMap { ReferralShare(rawValue: String($0)) },
            referrerID: .init(referrerID), teamID: teamID.map(Team.ID.init),
            referrerOrganisationID: referrerOrganisationID.map(Organisation.ID.init), createdAt: createdAt)
        referral.state = ReferralState(rawValue: state) ?? .draft
        referral.assigneeID = assigneeID.map(User.ID.init)
        referral.consentID = consentID.map(Consent.ID.init)
        if let ground = overrideGround.flatMap(LegalGround.init(rawValue:)) {
            referral.override = try? ConsentOverride(ground: ground, reason: overrideReason ?? "")
        }
        referral.sentAt = sentAt
        referral.receivedAt = receivedAt
        referral.answeredAt = answeredAt
        referral.answerDue = try answerDue.map { try LocalDate($0) }
        referral.contactDue = try contactDue.map { try LocalDate($0) }
        referral.firstContactOn = try firstContactOn.map { try LocalDate($0) }
        referral.firstContactHow = firstContactHow.flatMap(ReferralContactMethod.init(rawValue:))
        referral.declineReason = declineReason.flatMap(ReferralDeclineReason.init(rawValue:))
        referral.closeReason = closeReason.flatMap(ReferralCloseReason.init(rawValue:))
        referral.outcome = outcome.flatMap(ReferralOutcome.init(rawValue:))
        referral.endedAt = endedAt
        referral.escalatedAt = escalatedAt
        referral.contactFlaggedAt = contactFlaggedAt
        return referral
    }
}

final class ReferralHistoryRecord: Model, @unchecked Sendable {
    static let schema = "referral_history"
    @ID(key: .id) var id: UUID?
    @Field(key: "referral_id") var referralID: UUID
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "kind") var kind: String
    @OptionalField(key: "from_state") var fromState: String?
    @OptionalField(key: "to_state") var toState: String?
    @OptionalField(key: "detail") var detail: String?

    init() {}

    init(_ entry: ReferralHistoryEntry) {
        id = entry.id.uuid
        referralID = entry.referralID.uuid
        at = entry.at
        actorID = entry.actorID?.uuid
        kind = entry.kind
        fromState = entry.fromState?.rawValue
        toState = entry.toState?.rawValue
        detail = entry.detail
    }

    func domain() -> ReferralHistoryEntry {
        ReferralHistoryEntry(
            id: .init(id!), referralID: .init(referralID), at: at, actorID: actorID.map(User.ID.init), kind: kind,
            fromState: fromState.flatMap(ReferralState.init(rawValue:)),
            toState: toState.flatMap(ReferralState.init(rawValue:)), detail: detail)
    }
}
