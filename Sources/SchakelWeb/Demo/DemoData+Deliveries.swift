import Foundation
import SchakelCore
import SchakelStore

extension DemoData {
    /// A team as the demo deliveries need it: which areas it covers.
    struct DeliveryTeam {
        var id: Team.ID
        var coverage: [AreaCode]
    }

    static let contactNotes = [
        "Gezellig gepraat over de kleinkinderen.", "Klaagt over pijn in de knie.",
        "Wil graag een keer mee naar de lunch.",
        "Koelkast was leeg, boodschappen besproken.", "Was net terug van de huisarts.", "Buurvrouw was ook op bezoek.",
    ]
    static let concerns = [
        "Lijkt vergeetachtig, pannen stonden op het vuur.", "Post stapelt zich op achter de deur.",
        "Maakt zich zorgen over een brief van de belastingdienst.", "Zag er verdrietig uit, zegt niemand te zien.",
    ]

    /// Standing meal (and some medicine) deliveries for about half of the residents aged 65 or more,
    /// made by the team covering their neighbourhood. Deterministic for a seed.
    static func standingDeliveries(
        for batch: inout BulkLoader.Batch, teams: [DeliveryTeam], today: LocalDate, historyDays: Int,
        ids: IDGenerator, seed: UInt64 = 2026
    ) throws {
        var random = Random(state: seed)
        let addresses = Dictionary(uniqueKeysWithValues: batch.addresses.map { ($0.id, $0) })
        let mealStart = try TimeOfDay("11:30")
        let mealEnd = try TimeOfDay("13:00")
        let medicineStart = try TimeOfDay("09:00")
        let medicineEnd = try TimeOfDay("12:00")
        for resident in batch.residents {
            guard let birth = resident.dateOfBirth, birth.years(until: today) >= 65, random.chance(0.5),
                let buurt = resident.addressID.flatMap({ addresses[$0]?.buurtCode }),
                let team = teams.first(where: { $0.coverage.contains { $0.contains(buurt) } })
            else { continue }
            var days = Set<Weekday>()
            let wanted = random.int(2..<4)
            while days.count < wanted { days.insert(Weekday(rawValue: random.int(1..<8))!) }
            let start = today.adding(days: -(historyDays + random.int(0..<60)))
            var pauses: [DeliveryPause] = []
            if random.chance(0.03) {
                pauses.append(
                    try DeliveryPause(
                        id: ids(), from: today.adding(days: -random.int(0..<5)),
                        until: today.adding(days: random.int(2..<14)),
                        reason: random.pick(["Ziekenhuisopname", "Logeert bij dochter", "Vakantie"])))
            }
            batch.deliveries.append(
                Delivery(
                    id: ids(), residentID: resident.id, teamID: team.id, kind: .meal,
                    recurrence: .weekly(days, from: start, until: nil), windowStart: mealStart, windowEnd: mealEnd,
                    doorNotes: random.chance(0.2) ? "Maaltijd in de koelkast zetten als gevraagd." : nil,
                    pauses: pauses))
            if random.chance(0.2) {
                batch.deliveries.append(
                    Delivery(
                        id: ids(), residentID: resident.id, teamID: team.id, kind: .medicine,
                        recurrence: .weekly([Weekday(rawValue: random.int(1..<6))!], from: start, until: nil),
                        windowStart: medicineStart, windowEnd: medicineEnd,
                        doorNotes: "Medicijnrol persoonlijk afgeven."))
            }
        }
    }

    /// How many history days give about `target` contact moments with these deliveries.
    static func historyDays(toReach target: Int, deliveries: [Delivery]) -> Int {
        let perWeek = deliveries.map(\.timesPerWeek).reduce(0, +)
        guard perWeek > 0 else { return 0 }
        return Int((Double(target) * 7 / Double(perWeek)).rounded(.up))
    }

    /// One outcome per delivery day in the `historyDays` days before today, by the team's concierges.
    /// Some residents fade out of view: their latest outcomes are misses, or nobody saw them for weeks.
    static func contactHistory(
        for batch: inout BulkLoader.Batch, concierges: [Team.ID: [User.ID]], today: LocalDate, historyDays: Int,
        now: Date, ids: IDGenerator, seed: UInt64 = 2027
    ) {
        var random = Random(state: seed)
        let byResident = Dictionary(grouping: batch.deliveries, by: \.residentID)
        for resident in batch.residents {
            guard let deliveries = byResident[resident.id], let team = deliveries.first?.teamID,
                let people = concierges[team], !people.isEmpty
            else { continue }
            let fading = random.chance(0.06)
            let unseen = !fading && random.chance(0.04)
            let concierge = people[random.int(0..<people.count)]
            var history: [ContactMoment] = []
            for back in stride(from: historyDays, through: 1, by: -1) {
                let day = today.adding(days: -back)
                for delivery in deliveries {
                    guard case .scheduled(let windowStart, _) = delivery.occurrence(on: day) else { continue }
                    let recordedAt = windowStart.addingTimeInterval(Double(random.int(0..<80)) * 60)
                    guard recordedAt < now else { continue }
                    let roll = random.double()
                    let outcome: ContactOutcome
                    if unseen && back <= 24 {
                        outcome = roll < 0.6 ? .mailboxOnly : roll < 0.8 ? .refused : .notAtHome
                    } else {
                        outcome =
                            roll < 0.72 ? .contact : roll < 0.86 ? .mailboxOnly : roll < 0.96 ? .notAtHome : .refused
                    }
                    history.append(
                        ContactMoment(
                            id: ids(), residentID: resident.id, stopID: nil, deliveryID: delivery.id, outcome: outcome,
                            durationMinutes: outcome == .contact ? random.int(3..<21) : nil,
                            note: outcome == .contact && random.chance(0.15) ? random.pick(contactNotes) : nil,
                            concern: outcome == .contact && random.chance(0.01) ? random.pick(Self.concerns) : nil,
                            recordedAt: recordedAt, recordedBy: concierge))
                }
            }
            if fading {
                // The last three or four times nobody opened.
                for index in history.indices.suffix(random.int(3..<5)) {
                    history[index].outcome = random.chance(0.5) ? .mailboxOnly : .notAtHome
                    history[index].durationMinutes = nil
                    history[index].note = nil
                    history[index].concern = nil
                }
            }
            batch.contactMoments += history
        }
    }
}
