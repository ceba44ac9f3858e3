import Foundation

/// The input formats of `schakel rounds solve`.
public enum InputFormat: String, Sendable, CaseIterable {
    case solomon, tsplib, json
}

extension Problem {
    /// Reads a problem in one of the supported formats.
    public static func parse(_ text: String, format: InputFormat, name: String = "") throws -> Problem {
        switch format {
        case .solomon: try SolomonFormat.parse(text, name: name)
        case .tsplib: try TSPLIBFormat.parse(text)
        case .json: try JSONFormat.parse(Data(text.utf8))
        }
    }
}

/// Solomon's VRPTW text format: a VEHICLE section (number, capacity) and a CUSTOMER table
/// whose first row is the depot. Distances and travel times are Euclidean in double precision.
public enum SolomonFormat {
    public static func parse(_ text: String, name: String = "") throws -> Problem {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { String($0) }
        var vehicles: Int?
        var capacity: Int?
        var stops: [Stop] = []
        var title = name
        var section = ""
        for (offset, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            let number = offset + 1
            if line.isEmpty { continue }
            if title.isEmpty { title = line }
            let upper = line.uppercased()
            if upper.hasPrefix("VEHICLE") { section = "vehicle"; continue }
            if upper.hasPrefix("CUSTOMER") { section = "customer"; continue }
            if upper.hasPrefix("NUMBER") || upper.hasPrefix("CUST") { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            switch section {
            case "vehicle":
                guard fields.count >= 2, let v = Int(fields[0]), let c = Int(fields[1]) else {
                    throw RoundsError.malformedInput(
                        line: number, reason: "expected the number of vehicles and the capacity")
                }
                vehicles = v
                capacity = c
                section = "between"
            case "customer":
                let values = fields.compactMap(Double.init)
                guard fields.count == 7, values.count == 7 else {
                    throw RoundsError.malformedInput(
                        line: number,
                        reason: "expected 7 numbers: number, x, y, demand, ready time, due date, service time")
                }
                guard values[3] == values[3].rounded() else {
                    throw RoundsError.malformedInput(line: number, reason: "demand must be a whole number")
                }
                stops.append(
                    Stop(
                        id: Int(values[0]), x: values[1], y: values[2], demand: Int(values[3]), ready: values[4],
                        due: values[5], service: values[6]))
            default:
                continue
            }
        }
        guard let vehicles, let capacity else {
            throw RoundsError.malformedInput(line: nil, reason: "no VEHICLE section with number and capacity")
        }
        guard stops.count >= 2 else {
            throw RoundsError.malformedInput(line: nil, reason: "no CUSTOMER table with a depot and customers")
        }
        let matrix = Matrix(size: stops.count) { i, j in
            let dx = stops[i].x - stops[j].x
            let dy = stops[i].y - stops[j].y
            return (dx * dx + dy * dy).squareRoot()
        }
        let problem = Problem(name: title, stops: stops, vehicles: vehicles, capacity: capacity, distance: matrix)
        try problem.validate()
        return problem
    }
}

/// TSPLIB symmetric TSP files with EUC_2D or CEIL_2D coordinates. The first node is the depot of one vehicle;
/// EUC_2D distances are rounded to the nearest integer as TSPLIB prescribes.
public enum TSPLIBFormat {
    public static func parse(_ text: String) throws -> Problem {
        var name = ""
        var dimension: Int?
        var weightType = "EUC_2D"
        var coordinates: [(Int, Double, Double)] = []
        var inCoordinates = false
        for (offset, raw) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line == "EOF" { if line == "EOF" { break } else { continue } }
            if inCoordinates {
                let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard fields.count >= 3, let id = Int(fields[0]), let x = Double(fields[1]), let y = Double(fields[2])
                else {
                    if line.contains(":") || line.hasSuffix("SECTION") { inCoordinates = false; continue }
                    throw RoundsError.malformedInput(
                        line: offset + 1, reason: "expected a node number and two coordinates")
                }
                coordinates.append((id, x, y))
                continue
            }
            if line.hasPrefix("NODE_COORD_SECTION") { inCoordinates = true; continue }
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            switch parts[0].uppercased() {
            case "NAME": name = parts[1]
            case "DIMENSION":
                guard let value = Int(parts[1]), value >= 2 else {
                    throw RoundsError.malformedInput(
                        line: offset + 1, reason: "DIMENSION must be a number of at least 2")
                }
                dimension = value
            case "EDGE_WEIGHT_TYPE": weightType = parts[1].uppercased()
            case "TYPE":
                guard parts[1].uppercased().hasPrefix("TSP") else {
                    throw RoundsError.malformedInput(line: offset + 1, reason: "only TSP files are supported")
                }
            default: break
            }
        }
        guard ["EUC_2D", "CEIL_2D"].contains(weightType) else {
            throw RoundsError.malformedInput(
                line: nil, reason: "EDGE_WEIGHT_TYPE \(weightType) is not supported (EUC_2D, CEIL_2D)")
        }
        guard coordinates.count >= 2 else {
            throw RoundsError.malformedInput(line: nil, reason: "no NODE_COORD_SECTION with at least two nodes")
        }
        if let dimension, dimension != coordinates.count {
            throw RoundsError.malformedInput(
                line: nil, reason: "DIMENSION is \(dimension) but \(coordinates.count) nodes are given")
        }
        let stops = coordinates.map { Stop(id: $0.0, x: $0.1, y: $0.2) }
        let ceil = weightType == "CEIL_2D"
        let matrix = Matrix(size: stops.count) { i, j in
            let dx = stops[i].x - stops[j].x
            let dy = stops[i].y - stops[j].y
            let d = (dx * dx + dy * dy).squareRoot()
            return ceil ? d.rounded(.up) : (d + 0.5).rounded(.down)
        }
        let problem = Problem(name: name, stops: stops, vehicles: 1, capacity: 0, distance: matrix)
        try problem.validate()
        return problem
    }
}

/// Schakel's own JSON: stops with coordinates (WGS84) or a caller's matrix, time windows in seconds.
///
/// ```json
/// {"name": "Schothorst dinsdag", "vehicles": 3, "capacity": 20, "speed": 1.25, "detourFactor": 1.3,
///  "depot": {"id": 0, "lat": 52.18, "lon": 5.41, "ready": 36000, "due": 54000},
///  "stops": [{"id": 12, "lat": 52.181, "lon": 5.405, "demand": 1, "ready": 41400, "due": 46800, "service": 600, "vehicle": 0}],
///  "breaks": [{"vehicle": 0, "earliest": 43200, "latest": 46800, "duration": 1800}]}
/// ```
/// Without `matrix`, distances are haversine metres times `detourFactor` and travel times are
/// distance / `speed` (metres per second; 1.25 walking, 4.2 cycling).
public enum JSONFormat {
    struct Input: Decodable {
        struct Place: Decodable {
            var id: Int
            var lat: Double?
            var lon: Double?
            var x: Double?
            var y: Double?
            var demand: Int?
            var ready: Double?
            var due: Double?
            var service: Double?
            var vehicle: Int?
        }
        var name: String?
        var vehicles: Int
        var capacity: Int?
        var speed: Double?
        var detourFactor: Double?
        var depot: Place
        var stops: [Place]
        var matrix: [[Double]]?
        var timeMatrix: [[Double]]?
        var breaks: [Problem.Break]?
    }

    public static func parse(_ data: Data) throws -> Problem {
        let input: Input
        do {
            input = try JSONDecoder().decode(Input.self, from: data)
        } catch let error as DecodingError {
            throw RoundsError.malformedInput(line: nil, reason: "invalid JSON: \(describe(error))")
        }
        let places = [input.depot] + input.stops
        let stops = places.map { place in
            Stop(
                id: place.id, x: place.lon ?? place.x ?? 0, y: place.lat ?? place.y ?? 0,
                demand: place.demand ?? (place.id == input.depot.id ? 0 : 1),
                ready: place.ready ?? 0, due: place.due ?? .infinity, service: place.service ?? 0)
        }
        let size = places.count
        let distance: Matrix
        if let rows = input.matrix {
            guard rows.count == size, rows.allSatisfy({ $0.count == size }) else {
                throw RoundsError.malformedInput(
                    line: nil, reason: "matrix must be \(size) × \(size) (depot first, then the stops)")
            }
            distance = Matrix(size: size, values: rows.flatMap { $0 })
        } else {
            guard places.allSatisfy({ $0.lat != nil && $0.lon != nil }) else {
                throw RoundsError.malformedInput(line: nil, reason: "every place needs lat and lon, or give a matrix")
            }
            let detour = input.detourFactor ?? 1.3
            distance = Matrix(size: size) { i, j in
                Geo.haversine(lat1: places[i].lat!, lon1: places[i].lon!, lat2: places[j].lat!, lon2: places[j].lon!)
                    * detour
            }
        }
        let travelTime: Matrix
        if let rows = input.timeMatrix {
            guard rows.count == size, rows.allSatisfy({ $0.count == size }) else {
                throw RoundsError.malformedInput(line: nil, reason: "timeMatrix must be \(size) × \(size)")
            }
            travelTime = Matrix(size: size, values: rows.flatMap { $0 })
        } else {
            let speed = input.speed ?? 1.25
            guard speed > 0 else { throw RoundsError.malformedInput(line: nil, reason: "speed must be positive") }
            travelTime = Matrix(size: size, values: distance.values.map { $0 / speed })
        }
        var fixed: [Int: Int] = [:]
        for (offset, place) in input.stops.enumerated() {
            if let vehicle = place.vehicle { fixed[offset + 1] = vehicle }
        }
        let problem = Problem(
            name: input.name ?? "", stops: stops, vehicles: input.vehicles, capacity: input.capacity ?? Int.max / 4,
            distance: distance, travelTime: travelTime, fixedVehicle: fixed, breaks: input.breaks ?? [])
        try problem.validate()
        return problem
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            "missing \((context.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .dataCorrupted(let context):
            context.codingPath.isEmpty
                ? "not JSON" : "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default: "not readable"
        }
    }
}

extension Problem.Break: Decodable {
    enum CodingKeys: String, CodingKey { case vehicle, earliest, latest, duration }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            vehicle: try container.decode(Int.self, forKey: .vehicle),
            earliest: try container.decode(Double.self, forKey: .earliest),
            latest: try container.decode(Double.self, forKey: .latest),
            duration: try container.decode(Double.self, forKey: .duration))
    }
}

/// Distances on the earth.
public enum Geo {
    /// Great-circle distance in metres.
    public static func haversine(lat1: Double, lon1: Double, lat2: Double, lon2: Double) -> Double {
        let radius = 6_371_008.8
        let p1 = lat1 * .pi / 180
        let p2 = lat2 * .pi / 180
        let dp = (lat2 - lat1) * .pi / 180
        let dl = (lon2 - lon1) * .pi / 180
        let a = sin(dp / 2) * sin(dp / 2) + cos(p1) * cos(p2) * sin(dl / 2) * sin(dl / 2)
        return 2 * radius * asin(min(1, a.squareRoot()))
    }
}
