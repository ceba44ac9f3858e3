import Foundation

/// A stop on a route with its times.
public struct Visit: Sendable, Equatable {
    /// The stop's number as the input gave it.
    public var stop: Int
    public var arrival: Double
    public var waiting: Double
    public var serviceStart: Double
    public var departure: Double
    /// A break taken after this stop, if any: start time.
    public var breakStart: Double?
}

/// A customer that is not on any route, with the reason.
public struct Unassigned: Sendable, Equatable {
    public enum Reason: String, Sendable {
        /// Even a vehicle driving straight to it arrives after its window closes, or cannot be back in time.
        case timeWindow = "time_window"
        /// Its demand exceeds a vehicle's capacity.
        case capacity
        /// It fits alone, but not together with the others on the available vehicles.
        case noVehicleLeft = "no_vehicle_left"
    }

    public var stop: Int
    public var reason: Reason
}

/// Routes as lists of stop indices into `Problem.stops` (depot excluded), plus what could not be served.
public struct Solution: Sendable, Equatable {
    public var routes: [[Int]]
    public var unassigned: [Unassigned]
    /// Which vehicle drives each route (matters for fixed assignments and breaks).
    public var vehicleOfRoute: [Int]

    public init(routes: [[Int]], unassigned: [Unassigned] = [], vehicleOfRoute: [Int]? = nil) {
        self.routes = routes
        self.unassigned = unassigned
        self.vehicleOfRoute = vehicleOfRoute ?? Array(0..<routes.count)
    }

    public var vehicleCount: Int { routes.filter { !$0.isEmpty }.count }

    public func distance(in problem: Problem) -> Double {
        routes.reduce(0) { total, route in total + Self.routeDistance(route, problem.distance) }
    }

    static func routeDistance(_ route: [Int], _ matrix: Matrix) -> Double {
        guard !route.isEmpty else { return 0 }
        var total = matrix[0, route[0]]
        for index in 1..<route.count { total += matrix[route[index - 1], route[index]] }
        return total + matrix[route[route.count - 1], 0]
    }
}

/// The independent checker: recomputes every route from the problem and reports the first violation.
/// Benchmarks and tests use it instead of trusting the solver.
public enum FeasibilityChecker {
    public enum Violation: Error, Equatable, CustomStringConvertible {
        case missing(stop: Int)
        case duplicate(stop: Int)
        case unknownStop(index: Int)
        case capacity(route: Int, load: Int)
        case lateArrival(route: Int, stop: Int, arrival: Double, due: Double)
        case lateReturn(route: Int, time: Double, close: Double)
        case tooManyVehicles(used: Int, available: Int)
        case wrongVehicle(stop: Int)
        case breakMissed(vehicle: Int)

        public var description: String {
            switch self {
            case .missing(let stop): "customer \(stop) is neither routed nor reported unassigned"
            case .duplicate(let stop): "customer \(stop) is visited twice"
            case .unknownStop(let index): "route has unknown stop index \(index)"
            case .capacity(let route, let load): "route \(route) carries \(load), more than the capacity"
            case .lateArrival(let route, let stop, let arrival, let due):
                "route \(route) reaches \(stop) at \(arrival), after its window closes at \(due)"
            case .lateReturn(let route, let time, let close):
                "route \(route) is back at \(time), after the depot closes at \(close)"
            case .tooManyVehicles(let used, let available): "\(used) vehicles used, \(available) available"
            case .wrongVehicle(let stop): "customer \(stop) is not on its fixed vehicle"
            case .breakMissed(let vehicle): "vehicle \(vehicle) gets no break in its window"
            }
        }
    }

    /// Throws the first violation; `tolerance` absorbs floating-point noise in times.
    public static func check(_ solution: Solution, _ problem: Problem, tolerance: Double = 1e-6) throws {
        var seen = Set<Int>()
        if solution.vehicleCount > problem.vehicles {
            throw Violation.tooManyVehicles(used: solution.vehicleCount, available: problem.vehicles)
        }
        for (routeIndex, route) in solution.routes.enumerated() {
            for index in route {
                guard (1..<problem.stops.count).contains(index) else { throw Violation.unknownStop(index: index) }
                guard seen.insert(index).inserted else { throw Violation.duplicate(stop: problem.stops[index].id) }
                if let fixed = problem.fixedVehicle[index], fixed != solution.vehicleOfRoute[routeIndex] {
                    throw Violation.wrongVehicle(stop: problem.stops[index].id)
                }
            }
            let load = route.reduce(0) { $0 + problem.stops[$1].demand }
            if load > problem.capacity { throw Violation.capacity(route: routeIndex, load: load) }
            _ = try schedule(
                route, vehicle: solution.vehicleOfRoute[routeIndex], problem, routeIndex: routeIndex,
                tolerance: tolerance)
        }
        let unassigned = Set(solution.unassigned.map(\.stop))
        for index in 1..<problem.stops.count
        where !seen.contains(index) && !unassigned.contains(problem.stops[index].id) {
            throw Violation.missing(stop: problem.stops[index].id)
        }
    }

    /// Arrival, waiting, start and departure per stop; throws when a window or the depot closing is missed.
    /// A vehicle's break is taken at the first moment within its window after a stop (or on the way back).
    public static func schedule(
        _ route: [Int], vehicle: Int, _ problem: Problem, routeIndex: Int = 0, tolerance: Double = 1e-6
    ) throws -> [Visit] {
        let depot = problem.stops[0]
        let pause = problem.breaks.first { $0.vehicle == vehicle }
        var breakTaken = pause == nil || route.isEmpty
        var time = depot.ready
        var previous = 0
        var visits: [Visit] = []
        for index in route {
            let stop = problem.stops[index]
            var departure = time
            var breakStart: Double?
            if !breakTaken, let pause,
                departure + problem.travelTime[previous, index] > pause.earliest || departure >= pause.earliest
            {
                let start = max(departure, pause.earliest)
                if start > pause.latest + tolerance { throw Violation.breakMissed(vehicle: vehicle) }
                breakStart = start
                departure = start + pause.duration
                breakTaken = true
            }
            if let breakStart, !visits.isEmpty { visits[visits.count - 1].breakStart = breakStart }
            let arrival = departure + problem.travelTime[previous, index]
            if arrival > stop.due + tolerance {
                throw Violation.lateArrival(route: routeIndex, stop: stop.id, arrival: arrival, due: stop.due)
            }
            let start = max(arrival, stop.ready)
            visits.append(
                Visit(
                    stop: stop.id, arrival: arrival, waiting: start - arrival, serviceStart: start,
                    departure: start + stop.service))
            time = start + stop.service
            previous = index
        }
        if !breakTaken, let pause {
            let start = max(time, pause.earliest)
            if start > pause.latest + tolerance { throw Violation.breakMissed(vehicle: vehicle) }
            if !visits.isEmpty { visits[visits.count - 1].breakStart = start }
            time = start + pause.duration
        }
        let back = time + problem.travelTime[previous, 0]
        if !route.isEmpty && back > depot.due + tolerance {
            throw Violation.lateReturn(route: routeIndex, time: back, close: depot.due)
        }
        return visits
    }
}
