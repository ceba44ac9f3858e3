import Foundation
import SchakelCore
import SchakelViews
import Testing

/// The referral pages in their main states: the partner's start page and inbox, one referral as the partner
/// and as the referrer sees it, and the form when the consent is missing.
@Suite("Referral pages: snapshots of the main states")
struct ReferralPageTests {
    static let partnerOrganisation = try! Organisation(id: Fixture.id(30), name: "GGZ Eemvallei", kind: .mentalHealth)
    static let partner = try! User(
        id: Fixture.id(31), username: "noor", displayName: "Noor Bakker", role: .partner,
        organisationID: partnerOrganisation.id)
    static let colleague = try! User(
        id: Fixture.id(32), username: "pieter", displayName: "Pieter Smit", role: .partner,
        organisationID: partnerOrganisation.id)

    /// Sent by the social worker two days before the fixture's day, under an override.
    static func referral(_ events: [ReferralEvent] = []) throws -> Referral {
        var referral = Referral(
            id: Fixture.id(40), residentID: Fixture.resident.id, serviceID: Fixture.id(41),
            organisationID: partnerOrganisation.id, targetName: "Inloop GGZ Eemvallei", signalID: Fixture.id(20),
            mode: .live, question: "Ze slaapt slecht en ziet het niet meer zitten sinds haar man overleed.",
            domains: [.mentalHealth, .socialNetwork], contactMethod: .jointVisit,
            shares: [.dateOfBirth, .signalObservation], referrerID: Fixture.socialWorker.id, teamID: Fixture.team.id,
            referrerOrganisationID: Fixture.organisation.id, createdAt: Fixture.morning.addingTimeInterval(-2 * 86_400))
        referral.override = try ConsentOverride(
            ground: .acuteDanger, reason: "Dreigt zichzelf iets aan te doen; wil niet tekenen.")
        var at = referral.createdAt
        referral = try referral.applying(.send, at: at, terms: .standard)
        for event in events {
            at = at.addingTimeInterval(86_400)
            referral = try referral.applying(event, at: at, terms: .standard)
        }
        return referral
    }

    static func detail(_ referral: Referral, view: ReferralView) -> ReferralDetail {
        var history = [
            ReferralHistoryEntry(
                id: Fixture.id(50), referralID: referral.id, at: referral.createdAt, actorID: Fixture.socialWorker.id,
                kind: "send", fromState: .draft, toState: .sent, detail: "override:acute_danger"),
            ReferralHistoryEntry(
                id: Fixture.id(51), referralID: referral.id, at: referral.createdAt.addingTimeInterval(600),
                actorID: Fixture.socialWorker.id, kind: "message",
                detail: "Ze is 's ochtends het best bereikbaar; ik ga graag mee op het eerste bezoek."),
        ]
        if referral.state != .sent {
            history.append(
                ReferralHistoryEntry(
                    id: Fixture.id(52), referralID: referral.id, at: referral.createdAt.addingTimeInterval(86_400),
                    actorID: partner.id, kind: "receive", fromState: .sent, toState: .received))
        }
        return ReferralDetail(
            referral: referral, view: view, residentName: Fixture.resident.fullName,
            contact: ReferralContact(
                addressLine: Fixture.address.singleLine, phone: "033 123 4567", preferredLanguage: "nl",
                channels: [.phone, .visit], contactNote: nil),
            shared: ReferralSharedFile(
                dateOfBirth: Fixture.resident.dateOfBirth,
                observation: "Stapel ongeopende post; zegt dat ze niemand meer ziet."),
            history: history,
            people: [
                Fixture.socialWorker.id: Fixture.socialWorker.displayName, partner.id: partner.displayName,
            ],
            organisationName: partnerOrganisation.name, referrerOrganisationName: Fixture.organisation.name,
            nextEvents: referral.state.nextEvents.filter { ReferralEvent.isPartnerStep($0) == (view == .partner) },
            assignees: view == .partner ? [partner, colleague] : [],
            canMessage: true)
    }

    static func summary(_ referral: Referral, name: String, overdue: Bool) -> ReferralSummary {
        ReferralSummary(
            id: referral.id, residentID: referral.residentID, residentName: name, targetName: referral.targetName,
            organisationName: partnerOrganisation.name, state: referral.state, mode: referral.mode,
            domains: referral.domains, createdAt: referral.createdAt, sentAt: referral.sentAt,
            answerDue: referral.answerDue, contactDue: referral.contactDue, overridden: referral.override != nil,
            escalated: overdue, assigneeName: nil, referrerName: Fixture.socialWorker.displayName, overdue: overdue)
    }

    @Test("the partner's start page: the inbox per state, overdue counted")
    func partnerHome() {
        let context = Fixture.context(Self.partner, sections: [.signals, .referrals, .map])
        let home = HomePage(
            role: .partner, displayName: Self.partner.displayName, teams: nil, areaNames: [:], tasks: [],
            signalCounts: nil, canRaiseSignal: false, staleMapEntries: nil, canSearchResidents: false,
            referralInbox: ([.sent: 2, .received: 1, .accepted: 3, .inContact: 4], 1))
        assertPage(HomePages.start(home, context: context), context)
    }

    @Test("the partner's inbox: counts per state, filters, an overdue referral first")
    func inbox() throws {
        let context = Fixture.context(Self.partner, sections: [.referrals], path: "/verwijzingen")
        var late = try Self.referral()
        late.id = Fixture.id(42)
        let items = [
            Self.summary(late, name: "Kees van Dam", overdue: true),
            Self.summary(try Self.referral([.receive, .accept]), name: Fixture.resident.fullName, overdue: false),
        ]
        assertPage(
            ReferralPages.inbox(
                Paged(items: items, page: 1, perPage: 25, total: 2), counts: ([.sent: 1, .accepted: 1], 1),
                query: ReferralInboxQuery(), canRefer: false, context: context),
            context)
    }

    @Test("the partner's view of a received referral: what it carries, the override, the steps and messages")
    func partnerDetail() throws {
        let context = Fixture.context(Self.partner, sections: [.referrals], path: "/verwijzingen/x")
        let detail = Self.detail(try Self.referral([.receive]), view: .partner)
        assertPage(ReferralPages.detail(detail, problems: [], context: context), context)
    }

    @Test("the referrer's view of an accepted referral: the state, the partner's steps, withdrawing")
    func referrerDetail() throws {
        let context = Fixture.context(Fixture.socialWorker, sections: [.referrals], path: "/verwijzingen/x")
        let detail = Self.detail(try Self.referral([.receive, .accept]), view: .full)
        assertPage(ReferralPages.detail(detail, problems: [], context: context), context)
    }

    @Test("the form after sending without consent: what is missing, recording it or a legal ground")
    func formWithoutConsent() {
        let context = Fixture.context(Fixture.socialWorker, sections: [.referrals], path: "/verwijzingen/nieuw")
        let options = ReferralFormOptions(
            residentID: Fixture.resident.id, residentName: Fixture.resident.fullName, signalID: Fixture.id(20),
            chosenService: nil,
            services: [
                ReferralTarget(
                    serviceID: Fixture.id(41), organisationID: Self.partnerOrganisation.id,
                    name: "Inloop GGZ Eemvallei", providerName: Self.partnerOrganisation.name, waitWeeks: 2),
                ReferralTarget(
                    serviceID: Fixture.id(43), organisationID: nil, name: "Taalcafé", providerName: "Bibliotheek"),
            ],
            organisations: [Fixture.organisation, Self.partnerOrganisation], consentedOrganisations: [],
            ownOrganisationID: Fixture.organisation.id)
        let form = ReferralForm(
            residentID: Fixture.resident.id.description, serviceID: "00000000-0000-0000-0000-000000000041",
            signalID: "00000000-0000-0000-0000-000000000020", mode: "live",
            question: "Slaapt slecht sinds haar man overleed.",
            domains: ["geestelijke_gezondheid"], contactMethod: "joint_visit")
        let problems = [
            FieldProblem(
                field: "consent",
                key: "referral.consentMissing:\(Self.partnerOrganisation.name)")
        ]
        assertPage(
            ReferralPages.form(form, options: options, problems: problems, context: context), context)
    }
}
