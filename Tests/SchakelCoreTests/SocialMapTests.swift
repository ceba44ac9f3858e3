import Foundation
import SchakelCore
import Testing

/// The HSDS example data shipped with the tests (Open Referral, CC BY-SA 4.0).
enum HSDSFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hsds_3.0")

    static func example(_ name: String) throws -> JSONValue {
        try JSONValue.parse(try Data(contentsOf: folder.appendingPathComponent("examples/\(name)")))
    }
}

@Suite("Dutch text for search")
struct DutchTextTests {
    @Test(
        "the Snowball Dutch stemmer",
        arguments: [
            ("eenzaamheid", "eenzam"), ("eenzaam", "eenzam"), ("schulden", "schuld"), ("schuld", "schuld"),
            ("schuldhulpverlening", "schuldhulpverlen"), ("lopen", "lop"), ("maan", "man"), ("brood", "brod"),
            ("mogelijk", "mogelijk"), ("vrijheden", "vrijheid"), ("opgaven", "opgav"), ("huizen", "huiz"),
            ("ophouden", "ophoud"), ("kinderen", "kinder"), ("gemeentelijk", "gemeent"),
        ])
    func stems(word: String, stem: String) {
        #expect(DutchText.stem(word) == stem)
    }

    @Test("accents fold and stop words go")
    func terms() {
        #expect(DutchText.fold("Financiën één Café") == "financien een cafe")
        #expect(DutchText.terms("Hulp bij de schulden van één gezin") == ["hulp", "schuld", "gezin"])
    }
}

@Suite("Opening hours from HSDS schedules")
struct OpeningHoursTests {
    static func moment(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    @Test("a weekly schedule is open on its days and hours, in Dutch local time")
    func weekly() {
        let hours = OpeningHours.intervals(
            of: .object([
                "freq": .string("WEEKLY"), "byday": .string("TU,TH"), "opens_at": .string("12:00:00"),
                "closes_at": .string("13:30"),
            ]))
        #expect(hours.count == 2)
        // Tuesday 1 December 2026, 12:15 in Amsterdam is 11:15 UTC (winter time).
        #expect(OpeningHours.isOpen(hours, at: Self.moment("2026-12-01T11:15:00Z")))
        #expect(!OpeningHours.isOpen(hours, at: Self.moment("2026-12-01T12:30:00Z")))
        #expect(!OpeningHours.isOpen(hours, at: Self.moment("2026-12-02T11:15:00Z")))
        // In summer time the same wall-clock hour is 10:15 UTC.
        #expect(OpeningHours.isOpen(hours, at: Self.moment("2026-06-02T10:15:00Z")))
        #expect(!OpeningHours.isOpen(hours, at: Self.moment("2026-06-02T11:45:00Z")))
    }

    @Test("a night shelter open past midnight, and across the night the clocks go back")
    func pastMidnight() {
        let hours = OpeningHours.intervals(
            of: .object([
                "byday": .string("SA"), "opens_at": .string("22:00"), "closes_at": .string("02:00"),
                "valid_from": .string("2026-01-01"), "valid_to": .string("2026-12-31"),
            ]))
        // Saturday 24 October 2026, 23:30 local (21:30 UTC, summer time).
        #expect(OpeningHours.isOpen(hours, at: Self.moment("2026-10-24T21:30:00Z")))
        // Sunday 25 October the clocks go back from 03:00 to 02:00: 01:30 local (23:30 UTC on the 24th) is
        // still open, 02:30 local in winter time (01:30 UTC) is closed.
        #expect(OpeningHours.isOpen(hours, at: Self.moment("2026-10-24T23:30:00Z")))
        #expect(!OpeningHours.isOpen(hours, at: Self.moment("2026-10-25T01:30:00Z")))
        // Not on a Friday night, and not after valid_to.
        #expect(!OpeningHours.isOpen(hours, at: Self.moment("2026-10-23T21:30:00Z")))
        #expect(!OpeningHours.isOpen(hours, at: Self.moment("2027-01-02T22:30:00Z")))
    }

    @Test("monthly rules and schedules without times give no hours")
    func notUnderstood() {
        #expect(
            OpeningHours.intervals(
                of: .object([
                    "freq": .string("MONTHLY"), "opens_at": .string("10:00"),
                    "closes_at": .string("11:00"),
                ])
            ).isEmpty)
        #expect(OpeningHours.intervals(of: .object(["description": .string("Op afspraak")])).isEmpty)
    }
}

@Suite("HSDS services")
struct MapServiceTests {
    @Test("the HSDS example service is read with its organisation, places, languages and hours")
    func example() throws {
        let service = try MapService(document: try HSDSFixtures.example("service_full.json"))
        #expect(service.name == "Community Counselling")
        #expect(service.status == "active")
        #expect(service.organizationName != nil)
        #expect(!service.places.isEmpty)
        #expect(service.languages.contains("ur"))
        #expect(!service.hours.isEmpty)
        #expect(service.lastChecked == (try LocalDate("2005-01-01")))
        #expect(!service.free)
    }

    @Test("a record without id, name or a known status is refused naming each field")
    func invalid() throws {
        let document = JSONValue.object([
            "id": .string("nope"), "status": .string("open"),
            "service_at_locations": .array([
                .object(["id": .string(UUID().uuidString), "location": .object(["location_type": .string("x")])])
            ]),
        ])
        #expect(throws: ValidationError.self) { try MapService(document: document) }
        do {
            _ = try MapService(document: document)
        } catch let error as ValidationError {
            #expect(
                Set(error.problems.map(\.field)) == [
                    "id", "name", "status", "service_at_locations[0].location.location_type",
                ])
        }
    }

    @Test("free when no cost option costs anything and no fee is described")
    func free() throws {
        var document = JSONValue.object([
            "id": .string(UUID().uuidString), "name": .string("Inloop"), "status": .string("active"),
        ])
        #expect(try MapService(document: document).free)
        document["cost_options"] = .array([.object(["amount": .int(5)])])
        #expect(try !MapService(document: document).free)
        document["cost_options"] = .array([.object(["amount": .int(0)])])
        document["fees_description"] = .string("Gratis, koffie voor eigen rekening")
        #expect(try MapService(document: document).free)
    }

    @Test("JSON is kept exactly: integers stay integers, unknown fields stay")
    func lossless() throws {
        let text = #"{"a":1,"b":1.5,"c":[true,null,"x"],"d":{"e":"ë"}}"#
        let value = try JSONValue.parse(Data(text.utf8))
        #expect(value.serialized() == text)
    }
}

@Suite("HSDS tabular form")
struct HSDSTabularTests {
    static func exampleFiles() throws -> [String: String] {
        var files: [String: String] = [:]
        for table in HSDSTabular.tables.keys {
            let url = HSDSFixtures.folder.appendingPathComponent("examples/csv/\(HSDSTabular.fileName(table))")
            if let text = try? String(contentsOf: url, encoding: .utf8) { files[table] = text }
        }
        return files
    }

    static func tables(_ files: [String: String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { (String($0.key.dropLast(4)), $0.value) })
    }

    @Test("the example data package becomes one service with its nested parts, and survives a round trip")
    func example() throws {
        let services = try HSDSTabular.services(from: try Self.exampleFiles())
        #expect(services.count == 1)
        let service = try MapService(document: services[0])
        #expect(service.name == "Community Counselling")
        #expect(service.organizationName != nil)
        #expect(service.places.first?.name == "MyCity Civic Center")
        #expect(!service.hours.isEmpty)
        #expect(services[0]["minimum_age"] == .int(12))
        #expect(services[0]["phones"]?.items.first?["service_id"] == nil, "links are the nesting, not fields")
        let again = try HSDSTabular.services(from: Self.tables(HSDSTabular.files(from: services)))
        #expect(again == services)
    }

    @Test("a document written by Schakel goes to tables and back unchanged, quotes and line breaks included")
    func draftRoundTrip() throws {
        let draft = ServiceDraft(
            id: UUID(), name: "Soep, brood \"en\" praten", description: "Regel één\nRegel twee",
            organizationID: UUID(), organizationName: "Buurtvereniging", organizationDescription: "Bewoners",
            costEuros: 2.5, phone: "033 123 4567", languages: ["nl", "tr"], terms: [DutchTaxonomy.terms[0]],
            place: .init(
                name: "Buurthuis", street: "Gildeplein 3", postcode: "3813 NA", city: "Amersfoort", latitude: 52.1679,
                longitude: 5.3811),
            openings: [.init(days: [.tuesday], opens: try TimeOfDay("21:00"), closes: try TimeOfDay("02:00"))],
            lastChecked: try LocalDate("2026-11-01"))
        let document = draft.document()
        let files = HSDSTabular.files(from: [document])
        #expect(files["services.csv"]?.contains("\"Soep, brood \"\"en\"\" praten\"") == true)
        #expect(try HSDSTabular.services(from: Self.tables(files)) == [document])
    }

    @Test("an unterminated quote is refused")
    func broken() {
        #expect(throws: ValidationError.self) {
            try HSDSTabular.services(from: ["services": "id,name,status\n1,\"Kapot,active\n"])
        }
    }
}

@Suite("Activities and their calendar feed")
struct ActivityTests {
    func input(_ changes: (inout ActivityInput) -> Void = { _ in }) -> ActivityInput {
        var input = ActivityInput(
            title: "Dinsdaglunch", description: "Soep", organiser: "Welzijn", placeName: "Buurthuis",
            address: "Gildeplein 3", buurtCode: "BU03070603", schedule: "weekly", weekdays: ["tuesday"],
            startDate: "2026-10-01", endDate: "2026-11-30", starts: "12:00", ends: "13:30", capacity: "30", free: false)
        changes(&input)
        return input
    }

    @Test("a weekly activity falls on its weekdays between its dates, at local time across the clock change")
    func dates() throws {
        let activity = try input().validated(id: Activity.ID(UUID()))
        let days = activity.dates(from: try LocalDate("2026-10-20"), through: try LocalDate("2026-12-31"))
        #expect(
            days.map(\.description) == [
                "2026-10-20", "2026-10-27", "2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24",
            ])
        // 12:00 in Amsterdam is 10:00 UTC in summer time and 11:00 UTC in winter time.
        let formatter = ISO8601DateFormatter()
        #expect(formatter.string(from: activity.period(on: days[0]).start) == "2026-10-20T10:00:00Z")
        #expect(formatter.string(from: activity.period(on: days[1]).start) == "2026-10-27T11:00:00Z")
        var night = try input {
            $0.starts = "22:00"; $0.ends = "02:00"
        }.validated(id: Activity.ID(UUID()))
        #expect(night.period(on: days[1]).end.timeIntervalSince(night.period(on: days[1]).start) == 4 * 3600)
        night.cancelled = true
        #expect(night.dates(from: days[0], through: days[5]).isEmpty)
    }

    @Test("bad input is named field by field")
    func invalid() {
        do {
            _ = try input {
                $0.title = " "; $0.weekdays = ["dinsdag"]; $0.starts = "25:00"; $0.capacity = "0"
                $0.buurtCode = "WK030706"; $0.endDate = "2026-01-01"
            }.validated(id: Activity.ID(UUID()))
            Issue.record("accepted")
        } catch let error as ValidationError {
            #expect(
                Set(error.problems.map(\.field)) == ["title", "weekdays", "starts", "capacity", "buurtCode", "endDate"])
        } catch {
            Issue.record("\(error)")
        }
    }

    @Test("the feed is valid iCalendar: CRLF, escaped text, lines folded at 75 octets without splitting characters")
    func feed() {
        let event = ICalendar.Event(
            uid: "a-1@schakel", start: Date(timeIntervalSince1970: 1_790_000_000),
            end: Date(timeIntervalSince1970: 1_790_003_600), summary: "Lunch; soep, brood",
            description: String(repeating: "één ", count: 40), location: "Buurthuis\nDe Koppel", url: nil)
        let text = ICalendar.feed(
            name: "Activiteiten", events: [event], now: Date(timeIntervalSince1970: 1_790_000_000))
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.dropLast().last == "END:VCALENDAR")
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(text.contains("SUMMARY:Lunch\\; soep\\, brood"))
        #expect(text.contains("LOCATION:Buurthuis\\nDe Koppel"))
        #expect(text.contains("DTSTART:20260921T141320Z"))
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:" + String(repeating: "één ", count: 40)))
    }
}

@Suite("JSON text")
struct JSONTextTests {
    @Test("escapes, surrogate pairs, numbers and nesting read and write back")
    func roundTrip() throws {
        let text = #"{"a":"x\"y\\z\n\u00e9\ud83d\ude00/","b":[1,-2.5,1e3,true,false,null],"c":{}}"#
        let value = try JSONValue.parse(Data(text.utf8))
        #expect(value["a"] == .string("x\"y\\z\né😀/"))
        #expect(value["b"]?.items == [.int(1), .double(-2.5), .double(1000), .bool(true), .bool(false), .null])
        #expect(try JSONValue.parse(Data(value.serialized().utf8)) == value)
        #expect(value.serialized().contains("\\\"y\\\\z\\n"))
    }

    @Test(
        "bad JSON is refused, deep nesting too, never a crash",
        arguments: [
            "", "{", "[1,]", "{\"a\" 1}", "\"abc", "tru", "1.2.3x", "\"\\x\"", "{\"a\":1}x",
            String(repeating: "[", count: 10_000),
        ])
    func invalid(text: String) {
        #expect(throws: ValidationError.self) { try JSONValue.parse(Data(text.utf8)) }
    }
}
