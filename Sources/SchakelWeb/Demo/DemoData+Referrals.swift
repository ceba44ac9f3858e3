import Foundation
import SchakelCore
import SchakelStore

extension DemoData {
    /// Which organisation in Schakel answers the referrals to a demo map organisation: map key and the name
    /// of the organisation of the demo's accounts.
    static let answering: [(map: String, organisation: String)] = [
        ("ggz", "GGZ Eemvallei"), ("herstel", "Herstelacademie Amersfoort"), ("gemeente", "Gemeente Amersfoort"),
        ("welzijn", "Stichting Welzijn Eemland"), ("wijkverpleging", "Wijkverpleging Eemzorg"),
    ]

    /// One demo referral: to which service, how many days ago it was made, and what happened since (each step
    /// a day or more after the one before, by the named user).
    struct DemoReferral {
        enum Consent { case recordVerbal, recordPaper, override(LegalGround, String), none }

        var service: String
        var daysAgo: Int
        var question: String
        var domains: [String]
        var mode = "live"
        var consent = Consent.recordVerbal
        var draft = false
        var shares: [String] = ["date_of_birth"]
        var contactMethod = "phone"
        /// (days after the previous step, user, step name, reason or outcome)
        var steps: [(Int, String, String, String?)] = []
        var messages: [(String, String)] = []
        /// The demo signal (by index) the referral is made from.
        var signal: Int?
    }

    static let demoReferrals: [DemoReferral] = [
        DemoReferral(
            service: "GGZ-inloop en crisisdienst", daysAgo: 1,
            question: "Voelt zich al weken somber en slaapt slecht. Wil graag met iemand praten.",
            domains: ["geestelijke_gezondheid"]),
        DemoReferral(
            service: "GGZ-inloop en crisisdienst", daysAgo: 9,
            question: "Piekert veel sinds het overlijden van haar man en komt de deur niet meer uit.",
            domains: ["geestelijke_gezondheid", "sociaal_netwerk"], contactMethod: "joint_visit"),
        DemoReferral(
            service: "GGZ-inloop en crisisdienst", daysAgo: 4, question: "Hoort stemmen en is bang in huis.",
            domains: ["geestelijke_gezondheid"],
            consent: .override(
                .acuteDanger, "Bewoner is in de war en niet aanspreekbaar; de buren maken zich grote zorgen."),
            steps: [(0, "partner", "receive", nil)]),
        DemoReferral(
            service: "GGZ-inloop en crisisdienst", daysAgo: 5, question: "Zegt al weken niemand te spreken.",
            domains: ["sociaal_netwerk", "geestelijke_gezondheid"], shares: ["signal_observation", "door_notes"],
            steps: [(1, "partner", "receive", nil), (1, "partner", "accept", nil)],
            messages: [("partner", "We bellen haar donderdag. Kunt u haar laten weten dat we bellen?")], signal: 1),
        DemoReferral(
            service: "GGZ-inloop en crisisdienst", daysAgo: 30, question: "Wil hulp bij angstklachten.",
            domains: ["geestelijke_gezondheid"],
            steps: [(2, "partner", "receive", nil), (1, "partner", "accept", nil)]),
        DemoReferral(
            service: "GGZ-inloop en crisisdienst", daysAgo: 25, question: "Drinkt meer sinds hij zijn werk kwijt is.",
            domains: ["geestelijke_gezondheid", "middelengebruik"], consent: .recordPaper,
            steps: [
                (1, "partner", "receive", nil), (1, "partner", "accept", nil), (3, "partner", "first_contact", "phone"),
            ]),
        DemoReferral(
            service: "GGZ-inloop en crisisdienst", daysAgo: 60, question: "Paniekaanvallen in de supermarkt.",
            domains: ["geestelijke_gezondheid"],
            steps: [
                (1, "partner", "receive", nil), (2, "partner", "accept", nil),
                (4, "partner", "first_contact", "joint_visit"),
                (20, "partner", "complete", "helped"),
            ]),
        DemoReferral(
            service: "GGZ-inloop en crisisdienst", daysAgo: 45, question: "Wil een gesprek over zijn somberheid.",
            domains: ["geestelijke_gezondheid"],
            steps: [(3, "partner", "receive", nil), (1, "partner", "decline", "no_capacity")]),
        DemoReferral(
            service: "GGZ-inloop en crisisdienst", daysAgo: 80, question: "Vergeet afspraken en raakt de weg kwijt.",
            domains: ["geestelijke_gezondheid", "basale_adl"],
            steps: [
                (1, "partner", "receive", nil), (1, "partner", "accept", nil), (12, "partner", "close", "unreachable"),
            ]),
        DemoReferral(
            service: "GGZ-inloop en crisisdienst", daysAgo: 15, question: "Wilde eerst hulp, maar ziet ervan af.",
            domains: ["geestelijke_gezondheid"], steps: [(1, "socialworker", "withdraw", nil)]),
        DemoReferral(
            service: "Wijkverpleging Schothorst", daysAgo: 6, question: "Hulp bij het aantrekken van steunkousen.",
            domains: ["lichamelijke_gezondheid", "basale_adl"]),
        DemoReferral(
            service: "GGZ-inloop en crisisdienst", daysAgo: 0, question: "Twijfelt nog of ze hulp wil.",
            domains: ["geestelijke_gezondheid"], consent: .none, draft: true),
        DemoReferral(
            service: "Voedselpakket", daysAgo: 3, question: "Heeft aan het eind van de maand geen geld voor eten.",
            domains: ["financien", "instrumentele_adl"], mode: "logged", consent: .none, shares: []),
    ]

    /// Links the demo map's organisations to the organisations that answer their referrals in Schakel, and makes
    /// referrals in every state from the eastern team's social worker to them: through the same repository as
    /// the app, with the clock set back to when each step happened. Returns how many there are.
    static func referrals(
        store: Store, users: [User], organisations: [Organisation], residents: [Resident], deliveries: [Delivery],
        team: Team.ID, signals: [Signal.ID]
    ) async throws -> Int {
        let organizations = try await store.socialMap.organizationNames()
        for link in answering {
            guard let map = organizations.first(where: { $0.name == mapOrganizations[link.map]?.name }),
                let organisation = organisations.first(where: { $0.name == link.organisation })
            else { continue }
            try await store.socialMap.setAnsweringOrganisation(of: map.id, to: organisation.id, context: .commandLine)
        }
        let services = try await store.socialMap.search(MapQuery(sort: .name), page: try Paging(perPage: 100)).items
        var actors: [String: Actor] = [:]
        for user in users { actors[user.username] = try await store.accounts.actor(for: user) }
        let served = Set(deliveries.filter { $0.teamID == team }.map(\.residentID))
        // Other residents than the signals' (those take every n-th from the start), unless from a signal.
        let candidates = residents.filter { served.contains($0.id) && $0.addressID != nil }.reversed().map { $0 }
        guard candidates.count >= demoReferrals.count else { return 0 }
        let now = store.clock.now()
        var made = 0
        for (index, demo) in demoReferrals.enumerated() {
            guard let service = services.first(where: { $0.service.name == demo.service }) else { continue }
            var moment = now.addingTimeInterval(-Double(demo.daysAgo) * 86_400 - 3 * 3600)
            func repository(_ username: String) -> ReferralRepository {
                store.with(clock: Clock { [moment] in moment }).referrals(
                    AuditContext(actor: actors[username], accessPoint: "cli"))
            }
            var resident = candidates[index].id
            var signal: Signal.ID?
            if let number = demo.signal, signals.indices.contains(number) {
                signal = signals[number]
                let detail = try await store.signals(AuditContext(actor: actors["socialworker"], accessPoint: "cli"))
                    .detail(signals[number])
                resident = detail.signal.residentID ?? resident
            }
            var record: String?
            var ground: String?
            var reason: String?
            switch demo.consent {
            case .recordVerbal: record = "verbal"
            case .recordPaper: record = "paper"
            case .override(let legal, let text):
                ground = legal.rawValue
                reason = text
            case .none: break
            }
            let referral = try await repository("socialworker").create(
                ReferralInput(
                    residentID: resident.description, serviceID: service.service.id.description,
                    signalID: signal?.description, mode: demo.mode, question: demo.question, domains: demo.domains,
                    contactMethod: demo.mode == "live" ? demo.contactMethod : nil,
                    shares: demo.shares.filter { $0 != "signal_observation" || signal != nil }, draft: demo.draft,
                    recordConsent: record, overrideGround: ground, overrideReason: reason))
            for (days, username, step, detail) in demo.steps {
                moment = min(
                    moment.addingTimeInterval(Double(max(days, 0)) * 86_400 + 3600), now.addingTimeInterval(-600))
                if step == "receive" {
                    _ = try await repository(username).detail(referral.id)
                    continue
                }
                let event = try ReferralEvent(
                    name: step, reason: detail, outcome: detail, contactDate: LocalDate(moment).description,
                    contactHow: step == "first_contact" ? detail : nil, today: LocalDate(moment))
                _ = try await repository(username).apply(event, to: referral.id)
            }
            for (username, text) in demo.messages {
                moment = min(moment.addingTimeInterval(3600), now.addingTimeInterval(-300))
                try await repository(username).message(referral.id, text: text)
            }
            made += 1
        }
        _ = try await store.referrals(AuditContext(actor: nil, accessPoint: "job")).escalateOverdue()
        return made
    }
}
