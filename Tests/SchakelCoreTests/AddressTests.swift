import Foundation
import Testing

@testable import SchakelCore

@Suite("Dutch addresses")
struct AddressTests {
    @Test("a postcode is normalised to upper case without a space and shown with one")
    func postcodeNormalises() throws {
        let postcode = try Postcode(" 3815 ab ")
        #expect(postcode.value == "3815AB")
        #expect(postcode.description == "3815 AB")
    }

    @Test("postcodes in the unused SA, SD and SS series are refused", arguments: ["1234SA", "1234 sd", "9999SS"])
    func unusedSeries(text: String) {
        #expect(throws: ValidationError(field: "postcode", key: "postcode.unusedSeries")) { try Postcode(text) }
    }

    @Test(
        "malformed postcodes are refused with a reason",
        arguments: [
            ("0123AB", "postcode.leadingZero"), ("123AB", "postcode.format"), ("12345A", "postcode.format"),
            ("1234ABC", "postcode.format"), ("1234A1", "postcode.format"), ("", "postcode.format"),
            ("１２３４AB", "postcode.format"),
        ])
    func malformed(text: String, key: String) {
        #expect(throws: ValidationError(field: "postcode", key: key)) { try Postcode(text) }
    }

    @Test("house numbers run from 1 to 99999")
    func houseNumberRange() throws {
        #expect(throws: ValidationError.self) { try HouseNumber(number: 0) }
        #expect(throws: ValidationError.self) { try HouseNumber(number: 100_000) }
        #expect(try HouseNumber(number: 99_999).number == 99_999)
    }

    @Test("a house letter is one letter and an addition up to four letters or digits; dashes are display only")
    func letterAndAddition() throws {
        let number = try HouseNumber(number: 12, letter: "a", addition: "-2")
        #expect(number.description == "12A-2")
        #expect(throws: ValidationError(field: "houseLetter", key: "houseLetter.format")) {
            try HouseNumber(number: 1, letter: "AB")
        }
        #expect(throws: ValidationError(field: "houseNumberAddition", key: "houseNumberAddition.format")) {
            try HouseNumber(number: 1, addition: "12345")
        }
    }

    @Test("address input reports every problem at once")
    func allProblems() {
        let input = AddressInput(
            postcode: "1234SS", houseNumber: "0", street: " ", place: "", latitude: "5.3", longitude: "52.1",
            buurtCode: "WK030701")
        do {
            _ = try input.validated(id: EntityID(UUID()))
            Issue.record("expected a validation error")
        } catch let error as ValidationError {
            let fields = Set(error.problems.map(\.field))
            #expect(fields == ["postcode", "houseNumber", "street", "place", "coordinate", "buurtCode"])
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("coordinates outside the Netherlands are refused, which catches swapped latitude and longitude")
    func coordinates() throws {
        #expect(throws: ValidationError.self) { try Coordinate(latitude: 5.38, longitude: 52.15) }
        #expect(try Coordinate(latitude: 52.15, longitude: 5.38).latitude == 52.15)
    }
}

@Suite("CBS area codes")
struct AreaCodeTests {
    @Test("codes of each level parse, letters allowed after the municipality digits")
    func parse() throws {
        #expect(try AreaCode("GM0307").level == .gemeente)
        #expect(try AreaCode("wk030701").description == "WK030701")
        #expect(try AreaCode("BU0363AD03").level == .buurt)
    }

    @Test(
        "malformed codes are refused",
        arguments: ["GM307", "WK03070", "BU030701011", "XX0307", "BU03A70101", "", "BU0307010"])
    func malformed(text: String) {
        #expect(throws: ValidationError.self) { try AreaCode(text) }
    }

    @Test("an area contains the areas whose code extends its own")
    func nesting() throws {
        let gemeente = try AreaCode("GM0307")
        let wijk = try AreaCode("WK030709")
        let buurt = try AreaCode("BU03070902")
        #expect(gemeente.contains(buurt))
        #expect(wijk.contains(buurt))
        #expect(!wijk.contains(try AreaCode("BU03070802")))
        #expect(!buurt.contains(wijk))
        #expect(buurt.wijk == wijk)
        #expect(buurt.gemeente == gemeente)
    }
}

@Suite("Address CSV")
struct AddressCSVTests {
    @Test("semicolon files with quotes and Dutch headers are read with their line numbers")
    func semicolons() throws {
        let text =
            "postcode;huisnummer;toevoeging;straat;plaats\r\n3822AB;12;;\"Elly Takmastraat\";Amersfoort\r\n\r\n3822AC;4;2;\"Straat; met \"\"puntkomma\"\"\";Amersfoort\r\n"
        let rows = try AddressCSV.parse(text)
        #expect(rows.map(\.line) == [2, 4])
        #expect(rows[1].input.street == "Straat; met \"puntkomma\"")
        #expect(rows[1].input.houseNumberAddition == "2")
    }

    @Test("a missing required column is reported for the whole file")
    func missingColumn() {
        #expect(throws: ValidationError([FieldProblem(field: "street", key: "csv.missingColumn")])) {
            try AddressCSV.parse("postcode,huisnummer,plaats\n3822AB,1,Amersfoort\n")
        }
    }

    @Test("an unterminated quote is an error, not a silently shortened file")
    func unterminated() {
        #expect(throws: ValidationError.self) {
            try AddressCSV.parse("postcode,huisnummer,straat,plaats\n3822AB,1,\"Elly,Amersfoort\n")
        }
    }
}
