import Foundation
import Testing

@testable import SchakelRounds

/// The parts the search is made of: string removal (ruin), cheapest insertion (recreate), fleet
/// minimisation and the tour moves, each on a problem small enough to know the right answer.
@Suite("Move operators")
struct OperatorTests {
    /// A state with the given routes, one per vehicle, and every other customer absent.
    func state(_ problem: Problem, routes: [[Int]]) -> SearchState {
        var state = SearchState(problem: problem, routable: Array(1..<problem.stops.count))
        for (r, nodes) in routes.enumerated() {
            for (position, customer) in nodes.enumerated() {
                state.absent.removeAll { $0 == customer }
                state.insert(customer, route: r, position: position)
            }
        }
        return state
    }

    @Test("ruin removes strings and keeps the order of what stays; every customer is routed or absent once")
    func ruinRemovesStrings() {
        let problem = randomProblem(customers: 30, vehicles: 3, capacity: 100, seed: 5, windows: false)
        let routes = [Array(1...10), Array(11...20), Array(21...30)]
        for seed in 0..<20 as Range<UInt64> {
            var sisr = SISR(problem: problem, routable: Array(1...30), seed: seed)
            var ruined = state(problem, routes: routes)
            sisr.ruin(&ruined)
            let routed = ruined.routes.flatMap(\.nodes)
            #expect(!ruined.absent.isEmpty)
            #expect(Set(routed + ruined.absent) == Set(1...30))
            #expect(routed.count + ruined.absent.count == 30)
            for (r, route) in ruined.routes.enumerated() {
                // What stays in a route is still in its original order, and the caches agree.
                #expect(route.nodes == routes[r].filter { route.nodes.contains($0) })
                #expect(route.nodes.allSatisfy { ruined.routeOf[$0] == r })
            }
            #expect(ruined.absent.allSatisfy { ruined.routeOf[$0] == -1 })
        }
    }

    @Test("cheapest insertion finds the position that adds the least distance")
    func cheapestInsertion() {
        // Depot at 0; the route visits 10 and 30; 20 fits between them at no extra distance.
        let problem = lineProblem([10, 30, 20, 50])
        let current = state(problem, routes: [[1, 2]])
        var random = SeededRandom(seed: 1)
        let place = current.bestInsertion(of: 3, blink: 0, random: &random, allowEmpty: true)
        #expect(place?.route == 0)
        #expect(place?.position == 1)
        #expect(place?.delta == 0)
        // 50 lies beyond 30: 20 more there and back, wherever it goes.
        let far = current.bestInsertion(of: 4, blink: 0, random: &random, allowEmpty: true)
        #expect(far?.delta == 40)
    }

    @Test("insertion respects time windows and capacity, or finds no place")
    func insertionRespectsConstraints() {
        // Between 10 and 30 costs nothing, but customer 3 at 20 is ready only at 50 while 30 must be
        // served by 35: the only feasible place is after 30.
        let windows: [(Double, Double)] = [(0, .infinity), (0, 35), (50, .infinity)]
        let timed = lineProblem([10, 30, 20], windows: windows)
        var random = SeededRandom(seed: 1)
        let after = state(timed, routes: [[1, 2]]).bestInsertion(of: 3, blink: 0, random: &random, allowEmpty: true)
        #expect(after?.position == 2)
        let free = state(lineProblem([10, 30, 20]), routes: [[1, 2]])
            .bestInsertion(of: 3, blink: 0, random: &random, allowEmpty: true)
        #expect(free?.position == 1)
        // A window that closes before anyone can arrive leaves no place at all.
        let closed = lineProblem([10, 30, 20], windows: [(0, .infinity), (0, .infinity), (0, 5)])
        #expect(
            state(closed, routes: [[1, 2]]).bestInsertion(of: 3, blink: 0, random: &random, allowEmpty: true) == nil)
        // A full vehicle takes no more, and no new route may be opened when that is not allowed.
        let full = lineProblem([10, 30, 20], capacity: 2)
        #expect(
            state(full, routes: [[1, 2]]).bestInsertion(of: 3, blink: 0, random: &random, allowEmpty: false) == nil)
    }

    @Test("ruin and recreate keep every solution feasible, with every customer routed or absent once")
    func ruinAndRecreate() throws {
        let problem = randomProblem(customers: 25, vehicles: 25, capacity: 15, seed: 11, windows: true)
        var sisr = SISR(problem: problem, routable: Array(1...25), seed: 3)
        var current = SearchState(problem: problem, routable: Array(1...25))
        sisr.recreate(&current, allowNewRoutes: true)
        var placedEverything = 0
        for _ in 0..<200 {
            sisr.ruin(&current)
            sisr.recreate(&current, allowNewRoutes: true)
            // A blink may skip the last free place, so a customer can stay absent for a round; the
            // distance search prices that in. What is routed is always feasible.
            var solution = current.solution()
            solution.unassigned = current.absent.map { Unassigned(stop: problem.stops[$0].id, reason: .noVehicleLeft) }
            try FeasibilityChecker.check(solution, problem)
            #expect(current.routes.flatMap(\.nodes).count + current.absent.count == 25)
            #expect(abs(current.cost - solution.distance(in: problem)) < 1e-9)
            if current.absent.isEmpty { placedEverything += 1 }
        }
        #expect(placedEverything > 150)
    }

    @Test("fleet minimisation removes routes down to what capacity needs")
    func fleetMinimisation() throws {
        // Six customers of demand 1, capacity 3: one route each to start with, two routes suffice.
        let problem = lineProblem([10, 20, 30, 40, 50, 60], vehicles: 6, capacity: 3)
        var sisr = SISR(problem: problem, routable: Array(1...6), seed: 1)
        let start = state(problem, routes: (1...6).map { [$0] })
        #expect(start.usedVehicles == 6)
        let fewer = sisr.minimiseRoutes(
            from: start, deadline: Deadline(seconds: nil, iterations: 2000), lowerBound: 2)
        #expect(fewer.usedVehicles == 2)
        #expect(fewer.absent.isEmpty)
        try FeasibilityChecker.check(fewer.solution(), problem)
    }

    @Test("the tour moves untangle a tour: points on a circle are visited around it")
    func tourMoves() throws {
        let count = 16
        var stops = [Stop(id: 0, x: 100, y: 0)]
        for k in 1..<count {
            let angle = 2 * Double.pi * Double(k) / Double(count)
            stops.append(Stop(id: k, x: 100 * cos(angle), y: 100 * sin(angle)))
        }
        let matrix = Matrix(size: count) { i, j in
            ((stops[i].x - stops[j].x) * (stops[i].x - stops[j].x) + (stops[i].y - stops[j].y)
                * (stops[i].y - stops[j].y))
                .squareRoot()
        }
        let problem = Problem(name: "circle", stops: stops, vehicles: 1, capacity: 100, distance: matrix)
        // The polygon's perimeter is the shortest tour.
        let perimeter = Double(count) * matrix[0, 1]
        var search = TourSearch(problem: problem, cities: Array(1..<count), seed: 9)
        let tour = search.solve(deadline: Deadline(seconds: nil, iterations: 50))
        #expect(Set(tour) == Set(1..<count))
        #expect(abs(search.length(of: [0] + tour) - perimeter) < 1e-6, "tour \(tour)")
    }
}
