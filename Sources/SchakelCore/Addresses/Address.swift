import Foundation

/// A Dutch address (BAG style) with optional position and CBS neighbourhood.
public struct Address: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<Address>

    public var id: ID
    public var postcode: Postcode
    public var houseNumber: HouseNumber
    public var street: String
    public var place: String
    public var coordinate: Coordinate?
    /// The CBS buurt the address lies in; decides which teams see its residents.
    public var buurtCode: AreaCode?

    public init(
        id: ID, postcode: Postcode, houseNumber: HouseNumber, street: String, place: String,
        coordinate: Coordinate? = nil, buurtCode: AreaCode? = nil
    ) throws {
        var validator = Validator()
        if street.nonEmpty == nil { validator.add("street", "required") }
        if street.count > 120 { validator.add("street", "tooLong") }
        if place.nonEmpty == nil { validator.add("place", "required") }
        if place.count > 80 { validator.add("place", "tooLong") }
        if let buurtCode, buurtCode.level != .buurt { validator.add("buurtCode", "areaCode.wrongLevel.buurt") }
        try validator.finish()
        self.id = id
        self.postcode = postcode
        self.houseNumber = houseNumber
        self.street = street.collapsingWhitespace
        self.place = place.collapsingWhitespace
        self.coordinate = coordinate
        self.buurtCode = buurtCode
    }

    /// One line for lists: `Hooglandseweg 12A-2, 3815 AB Amersfoort`.
    public var singleLine: String { "\(street) \(houseNumber), \(postcode) \(place)" }
}

/// The unvalidated fields of an address as a form, a CSV row or a JSON body gives them.
public struct AddressInput: Sendable, Equatable, Codable {
    public var postcode: String
    public var houseNumber: String
    public var houseLetter: String?
    public var houseNumberAddition: String?
    public var street: String
    public var place: String
    public var latitude: String?
    public var longitude: String?
    public var buurtCode: String?

    public init(
        postcode: String, houseNumber: String, houseLetter: String? = nil, houseNumberAddition: String? = nil,
        street: String, place: String, latitude: String? = nil, longitude: String? = nil, buurtCode: String? = nil
    ) {
        self.postcode = postcode
        self.houseNumber = houseNumber
        self.houseLetter = houseLetter
        self.houseNumberAddition = houseNumberAddition
        self.street = street
        self.place = place
        self.latitude = latitude
        self.longitude = longitude
        self.buurtCode = buurtCode
    }

    /// Validates every field and reports all problems together.
    public func validated(id: Address.ID) throws -> Address {
        var validator = Validator()
        let validPostcode = validator.check("postcode") { try Postcode(postcode) }
        let number = Int(houseNumber.trimmingCharacters(in: .whitespaces))
        if number == nil {
            validator.add("houseNumber", houseNumber.nonEmpty == nil ? "required" : "houseNumber.notANumber")
        }
        let house = number.flatMap { number in
            validator.run { try HouseNumber(number: number, letter: houseLetter, addition: houseNumberAddition) }
        }
        var coordinate: Coordinate?
        switch (latitude?.nonEmpty, longitude?.nonEmpty) {
        case (nil, nil):
            break
        case let (lat?, lon?):
            if let lat = Double(lat.replacingOccurrences(of: ",", with: ".")),
                let lon = Double(lon.replacingOccurrences(of: ",", with: "."))
            {
                coordinate = validator.check("coordinate") { try Coordinate(latitude: lat, longitude: lon) }
            } else {
                validator.add("coordinate", "coordinate.notANumber")
            }
        default:
            validator.add("coordinate", "coordinate.incomplete")
        }
        let buurt = buurtCode?.nonEmpty.flatMap { code in
            validator.check("buurtCode") { try AreaCode(code, level: .buurt) }
        }
        if street.nonEmpty == nil { validator.add("street", "required") }
        if place.nonEmpty == nil { validator.add("place", "required") }
        try validator.finish()
        return try Address(
            id: id, postcode: validPostcode!, houseNumber: house!, street: street, place: place,
            coordinate: coordinate, buurtCode: buurt)
    }
}
