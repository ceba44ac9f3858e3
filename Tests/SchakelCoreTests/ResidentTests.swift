import Foundation
import Testing

@testable import SchakelCore

@Suite("Residents")
struct ResidentTests {
    let today = try! LocalDate("2026-11-23")

    @Test("dates of birth are read in ISO and Dutch notation and must be real dates")
    func dates() throws {
        #expect(try LocalDate("1948-03-07") == LocalDate("7-3-1948"))
        #expect(throws: ValidationError(field: "date", key: "date.invalid")) { try LocalDate("2023-02-29") }
        #expect(try LocalDate("2024-02-29").day == 29)
        #expect(throws: ValidationError.self) { try LocalDate("07/03/1948") }
    }

    @Test("a resident needs a name; a date of birth in the future is refused")
    func validation() {
        let input = ResidentInput(givenName: " ", familyName: "Jansen", dateOfBirth: "2030-01-01", phone: "12345")
        do {
            _ = try input.validated(id: EntityID(UUID()), today: today, responsibleTeamID: nil)
            Issue.record("expected a validation error")
        } catch let error as ValidationError {
            #expect(Set(error.problems.map(\.key)) == ["required", "dateOfBirth.outOfRange", "phone.format"])
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("phone numbers: ten digits starting with 0, or + and a country code")
    func phones() throws {
        #expect(try PhoneNumber("06-12 34 56 78").value == "0612345678")
        #expect(try PhoneNumber("+31 33 123 4567").value == "+31331234567")
        #expect(throws: ValidationError.self) { try PhoneNumber("612345678") }
        #expect(throws: ValidationError.self) { try PhoneNumber("06123456789") }
    }

    @Test("a duplicate is the same name with the same date of birth or the same address, whatever the accents or case")
    func duplicates() throws {
        let address = Address.ID(UUID())
        let existing = [
            Resident(
                id: .init(UUID()), givenName: "Ayşe", familyName: "Çelik", dateOfBirth: try LocalDate("1960-01-01")),
            Resident(id: .init(UUID()), givenName: "Jan", familyName: "de Vries", addressID: address),
            Resident(
                id: .init(UUID()), givenName: "Jan", familyName: "de Vries", dateOfBirth: try LocalDate("1970-01-01")),
        ]
        let ayse = Resident(
            id: .init(UUID()), givenName: "ayse", familyName: "CELIK", dateOfBirth: try LocalDate("1960-01-01"))
        #expect(DuplicateCheck.matches(for: ayse, among: existing).map(\.reasons) == [[.nameAndDateOfBirth]])
        let jan = Resident(
            id: .init(UUID()), givenName: "Jan", familyName: "De  Vries", dateOfBirth: try LocalDate("1980-01-01"),
            addressID: address)
        #expect(DuplicateCheck.matches(for: jan, among: existing).map(\.resident.id) == [existing[1].id])
        let other = Resident(id: .init(UUID()), givenName: "Jan", familyName: "de Vries")
        #expect(DuplicateCheck.matches(for: other, among: existing).isEmpty)
    }

    @Test("a consent needs a purpose from the list and an organisation; withdrawing it twice is refused")
    func consent() throws {
        #expect(throws: ValidationError.self) {
            try Consent(
                id: .init(UUID()), residentID: .init(UUID()), purpose: .referral, organisationIDs: [],
                givenAt: Date(), recordedBy: .init(UUID()))
        }
        let input = ConsentInput(purpose: "Delen met GGZ", recording: "verbal", organisationIDs: [.init(UUID())])
        #expect(throws: ValidationError(field: "purpose", key: "invalid")) {
            try input.consent(id: .init(UUID()), resident: .init(UUID()), at: Date(), by: .init(UUID()))
        }
        let ggz = Organisation.ID(UUID())
        let consent = try ConsentInput(purpose: "referral", recording: "paper", organisationIDs: [ggz]).consent(
            id: .init(UUID()), resident: .init(UUID()), at: Date(), by: .init(UUID()))
        #expect(consent.covers(.referral, for: ggz))
        #expect(!consent.covers(.householdPlan, for: ggz))
        #expect(!consent.covers(.referral, for: .init(UUID())))
        let withdrawn = try consent.withdrawn(at: Date(), by: .init(UUID()))
        #expect(!withdrawn.isActive)
        #expect(throws: DomainError.illegalTransition(from: "withdrawn", to: "withdrawn")) {
            try withdrawn.withdrawn(at: Date(), by: .init(UUID()))
        }
    }

    @Test("page requests are limited to 1–100 items")
    func paging() throws {
        #expect(try Paging(page: 3, perPage: 20).offset == 40)
        #expect(throws: ValidationError.self) { try Paging(page: 0) }
        #expect(throws: ValidationError.self) { try Paging(perPage: 101) }
    }
}
