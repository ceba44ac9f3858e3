import Foundation
import SchakelCore
import SchakelStore

extension DemoData {
    /// A few activities in the eastern neighbourhoods, and some residents signed up, so the calendar, the feed,
    /// the day lists and the timelines have something to show.
    static func activities(store: Store, coordinator: User, residents: [Resident], today: LocalDate) async throws -> Int
    {
        let context = AuditContext(actor: try await store.accounts.actor(for: coordinator), accessPoint: "cli")
        let repository = store.activities(context)
        let weekly: [(String, String, String, String, String?, [String], String, String, String?, Bool)] = [
            (
                "Dinsdaglunch", "Soep, brood en een warme maaltijd met buurtgenoten.", "Stichting Welzijn Eemland",
                "Buurthuis De Koppel", "Gildeplein 3", ["tuesday"], "12:00", "13:30", "30", false
            ),
            (
                "Koffie-inloop", "Koffie en een praatje; iedereen is welkom.", "Stichting Welzijn Eemland",
                "Wijkcentrum Schothorst", "Queekhovenplein 1", ["monday", "wednesday", "friday"], "09:30", "11:30", nil,
                true
            ),
            (
                "Wandelgroep", "Een uur wandelen in het park, in eigen tempo.", "SRO Amersfoort",
                "Start bij de Kruiskamp",
                "Kruiskamplaan 20", ["thursday"], "10:00", "11:00", "15", true
            ),
            (
                "Repair Café", "Samen spullen repareren.", "Stichting Welzijn Eemland", "Buurthuis De Koppel",
                "Gildeplein 3", ["saturday"], "10:00", "13:00", nil, true
            ),
        ]
        var created: [Activity] = []
        for (title, description, organiser, place, address, days, starts, ends, capacity, free) in weekly {
            created.append(
                try await repository.create(
                    ActivityInput(
                        title: title, description: description, organiser: organiser, placeName: place,
                        address: address, buurtCode: address.flatMap(buurt(of:)), schedule: "weekly", weekdays: days,
                        startDate: today.adding(days: -30).description, endDate: nil, starts: starts, ends: ends,
                        capacity: capacity, free: free)))
        }
        let party = today.adding(days: (6 - today.weekday.rawValue + 7) % 7 + 7)
        created.append(
            try await repository.create(
                ActivityInput(
                    title: "Buurtfeest", description: "Muziek, hapjes en kennismaken met de buren.",
                    organiser: "Bewonerscommissie De Koppel", placeName: "Gildeplein", address: nil,
                    buurtCode: "BU03070603", schedule: "once", weekdays: [], startDate: party.description, endDate: nil,
                    starts: "15:00", ends: "19:00", capacity: nil, free: true)))
        // The next lunch, for three residents of the team's area.
        let lunch = created[0]
        if let day = lunch.dates(from: today, through: today.adding(days: 7)).first {
            for resident in residents.prefix(3) {
                _ = try? await repository.signUp(resident.id, for: lunch.id, on: day)
            }
        }
        return created.count
    }
}
