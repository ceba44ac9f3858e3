import Foundation
import SQLKit
import SchakelCore

extension Address {
    /// The one-line address from a row that selected the address columns (`street`, `house_number`,
    /// `house_letter`, `house_number_addition`, `postcode`, `place`); nil when the row has no address.
    static func singleLine(from row: any SQLRow) throws -> String? {
        guard let street = try row.decode(column: "street", as: String?.self) else { return nil }
        let number = try HouseNumber(
            number: try row.decode(column: "house_number", as: Int.self),
            letter: try row.decode(column: "house_letter", as: String?.self),
            addition: try row.decode(column: "house_number_addition", as: String?.self))
        let postcode = try Postcode(try row.decode(column: "postcode", as: String.self))
        return "\(street) \(number), \(postcode) \(try row.decode(column: "place", as: String.self))"
    }
}

extension Date {
    /// Whole milliseconds since 1970, as the database stores moments.
    var millisecondsSince1970: Int64 { Int64((timeIntervalSince1970 * 1000).rounded()) }

    init(millisecondsSince1970 milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
