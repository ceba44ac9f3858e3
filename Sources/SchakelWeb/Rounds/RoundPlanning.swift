import Foundation
import SchakelCore
import SchakelRounds
import SchakelStore

/// Divides and orders a day's stops with the round-planning engine: concierges on foot, ten minutes at
/// each door, meals within their window, each concierge carrying about the same number of stops.
enum RoundPlanning {
    /// Walking speed in metres per second, and how much longer streets are than a straight line.
    static let walkingSpeed = 1.25
    static let detourFactor = 1.3
    static let secondsAtDoor = 600.0
    /// Above this many stops in one team's day the stops are divided in street order instead.
    static let maximumToSolve = 400

    static func planner(seconds: Double) -> RoundPlanner {
        { stops, concierges in plan(stops, concierges: concierges, seconds: seconds) }
    }

    static func plan(_ stops: [StopToPlan], concierges: Int, seconds: Double) -> [[Int]] {
        guard concierges > 0 else { return [] }
        let located = stops.indices.filter { stops[$0].coordinate != nil }
        let unlocated = stops.indices.filter { stops[$0].coordinate == nil }
        var groups = Array(repeating: [Int](), count: concierges)
        if located.count > maximumToSolve {
            // A whole city's day at once is more than a planning click should wait for: street order.
            groups = StreetOrderDivision.divide(located, into: concierges) { stops[$0].streetKey }
        } else if !located.isEmpty {
            groups = solve(located.map { ($0, stops[$0]) }, concierges: concierges, seconds: seconds)
        }
        // Stops without coordinates cannot be planned on a map; they go in street order to the shortest rounds.
        for index in unlocated.sorted(by: { stops[$0].streetKey < stops[$1].streetKey }) {
            let shortest = groups.indices.min { groups[$0].count < groups[$1].count }!
            groups[shortest].append(index)
        }
        return groups
    }

    private static func solve(_ stops: [(index: Int, stop: StopToPlan)], concierges: Int, seconds: Double) -> [[Int]] {
        let points = stops.map { $0.stop.coordinate! }
        // The rounds start and end in the middle of the stops: the community centre is not recorded yet.
        let depot = (
            latitude: points.map(\.latitude).reduce(0, +) / Double(points.count),
            longitude: points.map(\.longitude).reduce(0, +) / Double(points.count)
        )
        let places = [depot] + points.map { (latitude: $0.latitude, longitude: $0.longitude) }
        let distance = Matrix(size: places.count) { i, j in
            Geo.haversine(
                lat1: places[i].latitude, lon1: places[i].longitude, lat2: places[j].latitude,
                lon2: places[j].longitude) * detourFactor
        }
        let travel = Matrix(size: places.count, values: distance.values.map { $0 / walkingSpeed })
        var problemStops = [
            SchakelRounds.Stop(id: 0, x: depot.longitude, y: depot.latitude, demand: 0, ready: 0, due: 24 * 3600)
        ]
        for (offset, item) in stops.enumerated() {
            problemStops.append(
                SchakelRounds.Stop(
                    id: offset + 1, x: points[offset].longitude, y: points[offset].latitude, demand: 1,
                    ready: Double(item.stop.windowStart.minutes * 60), due: Double(item.stop.windowEnd.minutes * 60),
                    service: secondsAtDoor))
        }
        let capacity = (stops.count + concierges - 1) / concierges + 1
        let problem = SchakelRounds.Problem(
            name: "round", stops: problemStops, vehicles: concierges, capacity: capacity, distance: distance,
            travelTime: travel)
        var groups = Array(repeating: [Int](), count: concierges)
        if let result = try? RoundsSolver.solve(
            problem, options: SolverOptions(seconds: seconds, seed: 1, objective: .distance))
        {
            for (route, vehicle) in zip(result.solution.routes, result.solution.vehicleOfRoute)
            where groups.indices.contains(vehicle) {
                groups[vehicle] += route.map { stops[$0 - 1].index }
            }
        }
        // Stops the solver could not fit (e.g. windows too tight for the people on duty) are not dropped:
        // they go to the shortest rounds, where the concierge sees their window.
        let placed = Set(groups.flatMap { $0 })
        for item in stops where !placed.contains(item.index) {
            let shortest = groups.indices.min { groups[$0].count < groups[$1].count }!
            groups[shortest].append(item.index)
        }
        return groups
    }
}
