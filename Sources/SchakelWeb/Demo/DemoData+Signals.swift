import Foundation
import SchakelCore
import SchakelStore

extension DemoData {
    /// One demo signal: who raised it how many days ago, about what, and what the team did with it since.
    struct DemoSignal {
        enum Step {
            case event(String, outcome: String? = nil, reason: String? = nil, domains: [LifeDomain] = [])
            case meldcode(step: Int, reasoning: String, consultedWith: String? = nil)
            case task(for: String, instruction: String)
        }

        var reporter: String
        var daysAgo: Int
        var domains: [String]
        var urgency: String
        var observation: String
        var meldcode = false
        /// Only the address is known, not the name.
        var addressOnly = false
        var handler = "socialworker"
        /// Each step happens a day after the previous one, starting the day after raising.
        var steps: [Step] = []
    }

    /// Signals of every kind and stage in the eastern team, so the inbox, the reporter's list, the
    /// coordinator's overdue list and the meldcode steps show something: raised through the same
    /// repository as in the app, with the clock set back to when they happened.
    static let demoSignals: [DemoSignal] = [
        DemoSignal(
            reporter: "concierge", daysAgo: 9, domains: ["financien"], urgency: "normal",
            observation: "Post stapelt zich op achter de deur. Er liggen aanmaningen tussen."),
        DemoSignal(
            reporter: "concierge", daysAgo: 6, domains: ["sociaal_netwerk", "geestelijke_gezondheid"],
            urgency: "normal", observation: "Zegt al weken niemand te spreken en huilde aan de deur.",
            steps: [
                .event("triage", reason: "Ik ga langs met de conciërge."), .event("start_follow_up"),
                .task(for: "concierge", instruction: "Kijk vandaag even of het wat beter gaat."),
            ]),
        DemoSignal(
            reporter: "concierge", daysAgo: 3, domains: ["basale_adl", "lichamelijke_gezondheid"], urgency: "high",
            observation: "Lijkt vergeetachtig; de pannen stonden op het vuur zonder dat ze het merkte.",
            steps: [.event("triage"), .event("wait_for_resident", reason: "Dochter belt terug na het weekend.")]),
        DemoSignal(
            reporter: "concierge3", daysAgo: 12, domains: ["financien"], urgency: "normal",
            observation: "Maakt zich zorgen over een brief van de Belastingdienst die ze niet begrijpt.",
            steps: [
                .event("triage"), .event("start_follow_up"),
                .event("close", outcome: "referred", reason: "Aangemeld bij de schuldhulp van de gemeente."),
            ]),
        DemoSignal(
            reporter: "volunteer", daysAgo: 2, domains: ["huiselijke_relaties"], urgency: "high",
            observation: "Hoorde geschreeuw en een huilend kind; de moeder had een blauwe plek op haar arm.",
            meldcode: true,
            steps: [
                .event("triage"),
                .meldcode(step: 1, reasoning: "Signalen van de vrijwilliger feitelijk vastgelegd."),
                .meldcode(
                    step: 2, reasoning: "Met een collega en Veilig Thuis overlegd; advies: gesprek aangaan.",
                    consultedWith: "both"),
            ]),
        DemoSignal(
            reporter: "concierge", daysAgo: 0, domains: ["instrumentele_adl"], urgency: "normal",
            observation: "Geen eten in huis, de koelkast is leeg."),
        DemoSignal(
            reporter: "peer", daysAgo: 1, domains: ["middelengebruik"], urgency: "normal",
            observation: "Rook sterk naar alcohol; veel lege flessen bij het afval."),
        DemoSignal(
            reporter: "concierge", daysAgo: 20, domains: ["huisvesting"], urgency: "normal",
            observation: "Schimmel op de muren van de slaapkamer.",
            steps: [
                .event("triage"),
                .event("close", outcome: "resident_declined", reason: "Wil het zelf met de verhuurder regelen."),
            ]),
        DemoSignal(
            reporter: "concierge", daysAgo: 0, domains: ["sociaal_netwerk"], urgency: "high",
            observation: "De buurvrouw zegt dat de bewoner al dagen niet buiten is geweest; naam onbekend.",
            addressOnly: true),
    ]

    /// Raises the demo signals about residents with deliveries of the team and plays their steps;
    /// then escalates what is overdue, as the hourly job would. Returns the signals raised, in the list's order.
    static func signals(
        store: Store, users: [User], residents: [Resident], deliveries: [Delivery], team: Team.ID
    ) async throws -> [Signal.ID] {
        let now = store.clock.now()
        let served = Set(deliveries.filter { $0.teamID == team }.map(\.residentID))
        let candidates = residents.filter { served.contains($0.id) && $0.addressID != nil }
        guard candidates.count >= demoSignals.count else { return [] }
        var actors: [String: Actor] = [:]
        for user in users { actors[user.username] = try await store.accounts.actor(for: user) }
        // Spread over the list so the signals are not all in one street.
        let stride = candidates.count / demoSignals.count
        var raised: [Signal.ID] = []
        for (index, demo) in demoSignals.enumerated() {
            let resident = candidates[index * stride]
            var moment = now.addingTimeInterval(-Double(demo.daysAgo) * 86_400 - 2 * 3600)
            func repository(_ username: String) -> SignalRepository {
                store.with(clock: Clock { [moment] in moment }).signals(
                    AuditContext(actor: actors[username], accessPoint: "cli"))
            }
            let signal = try await repository(demo.reporter).raise(
                SignalInput(
                    residentID: demo.addressOnly ? nil : resident.id.description,
                    addressID: demo.addressOnly ? resident.addressID?.description : nil, domains: demo.domains,
                    urgency: demo.urgency, observation: demo.observation, meldcode: demo.meldcode))
            raised.append(signal.id)
            for step in demo.steps {
                moment = min(moment.addingTimeInterval(86_400), now.addingTimeInterval(-3600))
                let handler = repository(demo.handler)
                switch step {
                case .event(let name, let outcome, let reason, let domains):
                    _ = try await handler.apply(
                        try SignalStep(name: name, outcome: outcome), to: signal.id, reason: reason, domains: domains)
                case .meldcode(let number, let reasoning, let consultee):
                    _ = try await handler.recordMeldcodeStep(
                        signal.id,
                        MeldcodeStepInput(
                            step: number, reasoning: reasoning, consultedWith: consultee, conversationSkipped: false,
                            answers: [], followUp: nil))
                case .task(let username, let instruction):
                    guard let assignee = users.first(where: { $0.username == username }) else { continue }
                    _ = try await handler.addTask(
                        to: signal.id, assignee: assignee.id, date: LocalDate(now).description,
                        instruction: instruction)
                }
            }
        }
        _ = try await store.signals(AuditContext(actor: nil, accessPoint: "job")).escalateOverdue()
        return raised
    }
}
