import Foundation

/// A square matrix of travel costs between locations, stored flat for speed.
public struct Matrix: Sendable, Equatable {
    public let size: Int
    public private(set) var values: [Double]

    public init(size: Int, values: [Double]) {
        precondition(values.count == size * size, "matrix needs size × size values")
        self.size = size
        self.values = values
    }

    public init(size: Int, _ entry: (Int, Int) -> Double) {
        var values = [Double](repeating: 0, count: size * size)
        for i in 0..<size {
            for j in 0..<size { values[i * size + j] = entry(i, j) }
        }
        self.init(size: size, values: values)
    }

    @inline(__always) public subscript(_ i: Int, _ j: Int) -> Double { values[i &* size &+ j] }
}

/// A place to visit: the depot (index 0 of a problem) or a customer.
public struct Stop: Sendable, Equatable {
    /// The number the input gave this stop; routes are reported with it.
    public var id: Int
    public var demand: Int
    /// Service may start at `ready` at the earliest and at `due` at the latest.
    public var ready: Double
    public var due: Double
    /// Time spent at the stop.
    public var service: Double
    /// Planar or geographic position, when known (for distances and neighbourhoods).
    public var x: Double
    public var y: Double

    public init(
        id: Int, x: Double = 0, y: Double = 0, demand: Int = 0, ready: Double = 0, due: Double = .infinity,
        service: Double = 0
    ) {
        self.id = id
        self.x = x
        self.y = y
        self.demand = demand
        self.ready = ready
        self.due = due
        self.service = service
    }
}

/// What the solver minimises.
public enum Objective: String, Sendable, CaseIterable {
    /// Fewest vehicles first, then shortest total distance (the literature's hierarchy).
    case vehicles
    /// Shortest total distance with at most the given number of vehicles (daily practice).
    case distance
}

/// A vehicle routing problem with time windows: one depot (stop 0), customers 1…n,
/// at most `vehicles` identical vehicles of `capacity`.
public struct Problem: Sendable {
    public var name: String
    /// Stop 0 is the depot; its window is the depot's opening hours.
    public var stops: [Stop]
    public var vehicles: Int
    public var capacity: Int
    /// What the objective counts (metres, or the instance's own unit).
    public var distance: Matrix
    /// Travel time between stops, in the unit of the time windows.
    public var travelTime: Matrix
    /// Customers that must go with one vehicle (index into 0..<vehicles), e.g. "always the same concierge".
    public var fixedVehicle: [Int: Int]
    /// A break per vehicle: taken after some stop, starting within the window, lasting `duration`.
    public var breaks: [Break]

    public struct Break: Sendable, Equatable {
        public var vehicle: Int
        public var earliest: Double
        public var latest: Double
        public var duration: Double

        public init(vehicle: Int, earliest: Double, latest: Double, duration: Double) {
            self.vehicle = vehicle
            self.earliest = earliest
            self.latest = latest
            self.duration = duration
        }
    }

    public init(
        name: String, stops: [Stop], vehicles: Int, capacity: Int, distance: Matrix, travelTime: Matrix? = nil,
        fixedVehicle: [Int: Int] = [:], breaks: [Break] = []
    ) {
        self.name = name
        self.stops = stops
        self.vehicles = vehicles
        self.capacity = capacity
        self.distance = distance
        self.travelTime = travelTime ?? distance
        self.fixedVehicle = fixedVehicle
        self.breaks = breaks
    }

    public var customerCount: Int { stops.count - 1 }

    /// Checks the problem itself; a bad problem is an error, not a crash or a hang.
    public func validate() throws {
        var problems: [String] = []
        if stops.count < 2 { problems.append("no customers") }
        if vehicles < 1 { problems.append("the number of vehicles must be at least 1") }
        if capacity < 0 { problems.append("capacity must not be negative") }
        if distance.size != stops.count || travelTime.size != stops.count {
            problems.append("the matrix has \(distance.size) rows for \(stops.count) stops")
        }
        for (index, stop) in stops.enumerated() {
            if stop.demand < 0 { problems.append("stop \(stop.id) has a negative demand") }
            if !(stop.ready <= stop.due) {
                problems.append("stop \(stop.id) has a time window that closes before it opens")
            }
            if stop.service < 0 { problems.append("stop \(stop.id) has a negative service time") }
            if index > 0 && Set(stops.map(\.id)).count != stops.count {
                problems.append("stop numbers are not unique"); break
            }
        }
        if distance.values.contains(where: { !$0.isFinite || $0 < 0 })
            || travelTime.values.contains(where: { !$0.isFinite || $0 < 0 })
        {
            problems.append("the matrix has negative or missing values")
        }
        for (customer, vehicle) in fixedVehicle
        where !(1..<stops.count).contains(customer) || !(0..<vehicles).contains(vehicle) {
            problems.append("fixed assignment of stop index \(customer) to vehicle \(vehicle) is out of range")
        }
        for item in breaks
        where !(0..<vehicles).contains(item.vehicle) || item.duration < 0 || item.earliest > item.latest {
            problems.append("a break of vehicle \(item.vehicle) is invalid")
        }
        if !problems.isEmpty { throw RoundsError.invalidProblem(problems) }
    }
}

/// Errors of reading or solving a problem, worded for the operator.
public enum RoundsError: Error, Equatable, CustomStringConvertible {
    case invalidProblem([String])
    case malformedInput(line: Int?, reason: String)

    public var description: String {
        switch self {
        case .invalidProblem(let problems): "invalid problem: " + problems.joined(separator: "; ")
        case .malformedInput(let line?, let reason): "line \(line): \(reason)"
        case .malformedInput(nil, let reason): reason
        }
    }
}
