import Foundation

/// How to solve: when to stop, which objective, how many cores.
public struct SolverOptions: Sendable {
    /// Wall-clock limit; the search is anytime and returns the best found.
    public var seconds: Double?
    /// Iteration limit; with this alone the result is the same on every machine for a seed.
    public var iterations: Int?
    public var seed: UInt64
    public var objective: Objective
    /// Independent searches run in parallel with seeds `seed`, `seed + 1`, …; the best is kept.
    public var threads: Int

    public init(
        seconds: Double? = 1, iterations: Int? = nil, seed: UInt64 = 1, objective: Objective = .vehicles,
        threads: Int = 1
    ) {
        self.seconds = seconds
        self.iterations = iterations
        self.seed = seed
        self.objective = objective
        self.threads = max(1, threads)
    }
}

/// The outcome of a solve: the solution, what it costs, and how hard the solver worked.
public struct SolveResult: Sendable {
    public var solution: Solution
    public var distance: Double
    public var vehicles: Int
    public var iterations: Int
    public var seconds: Double
}

/// Solves vehicle routing problems with time windows, capacities and a depot with opening hours.
public enum RoundsSolver {
    public static func solve(_ problem: Problem, options: SolverOptions = .init()) throws -> SolveResult {
        try problem.validate()
        let deadline = Deadline(seconds: options.seconds, iterations: options.iterations)
        let (routable, impossible) = classify(problem)
        let seeds = (0..<options.threads).map { options.seed &+ UInt64($0) }
        let results = ResultSlots(count: seeds.count)
        DispatchQueue.concurrentPerform(iterations: seeds.count) { index in
            results[index] = search(
                problem, routable: routable, seed: seeds[index], objective: options.objective, deadline: deadline)
        }
        let found = results.values
        // The first of equally good results wins, so the outcome does not depend on thread timing.
        let best = found.indices.min { a, b in
            rank(found[a].0, problem, options.objective).lexicographicallyPrecedes(
                rank(found[b].0, problem, options.objective))
        }!
        var solution = found[best].0
        let placed = Set(solution.routes.flatMap { $0 })
        solution.unassigned =
            impossible
            + routable.filter { !placed.contains($0) }.map {
                Unassigned(stop: problem.stops[$0].id, reason: .noVehicleLeft)
            }
        return SolveResult(
            solution: solution, distance: solution.distance(in: problem), vehicles: solution.vehicleCount,
            iterations: found.reduce(0) { $0 + $1.1 }, seconds: deadline.elapsed)
    }

    /// Sorts solutions: fewer unassigned first, then (for the vehicles objective) fewer vehicles, then distance.
    static func rank(_ solution: Solution, _ problem: Problem, _ objective: Objective) -> [Double] {
        let unassigned = Double(problem.customerCount - solution.routes.reduce(0) { $0 + $1.count })
        let distance = solution.distance(in: problem)
        return objective == .vehicles ? [unassigned, Double(solution.vehicleCount), distance] : [unassigned, distance]
    }

    /// Splits customers into those a vehicle can serve on its own and those that no vehicle can, with the reason.
    static func classify(_ problem: Problem) -> (routable: [Int], impossible: [Unassigned]) {
        var routable: [Int] = []
        var impossible: [Unassigned] = []
        for index in 1..<problem.stops.count {
            let stop = problem.stops[index]
            if stop.demand > problem.capacity {
                impossible.append(Unassigned(stop: stop.id, reason: .capacity))
                continue
            }
            let vehicles = problem.fixedVehicle[index].map { [$0] } ?? Array(0..<problem.vehicles)
            let alone = vehicles.contains { (try? FeasibilityChecker.schedule([index], vehicle: $0, problem)) != nil }
            if alone {
                routable.append(index)
            } else {
                impossible.append(Unassigned(stop: stop.id, reason: .timeWindow))
            }
        }
        return (routable, impossible)
    }

    /// One independent search.
    static func search(_ problem: Problem, routable: [Int], seed: UInt64, objective: Objective, deadline: Deadline) -> (
        Solution, Int
    ) {
        if isTour(problem, routable: routable) {
            var tour = TourSearch(problem: problem, cities: routable, seed: seed)
            let route = tour.solve(deadline: deadline)
            return (Solution(routes: route.isEmpty ? [] : [route], vehicleOfRoute: [0]), tour.iterations)
        }
        var sisr = SISR(problem: problem, routable: routable, seed: seed)
        var state = SearchState(problem: problem, routable: routable)
        sisr.recreate(&state, allowNewRoutes: true)
        // An absent customer must always cost more than any detour it saves.
        let penalty = 10 * (problem.distance.values.max() ?? 1) + 1
        if objective == .vehicles {
            let demand = routable.reduce(0) { $0 + problem.stops[$1].demand }
            let lowerBound = max(
                1, problem.capacity > 0 ? Int((Double(demand) / Double(problem.capacity)).rounded(.up)) : 1)
            // First a good structure with routes as needed, then fewer routes, then the shortest distance
            // with that many routes (passing through one more at a price, which keeps the search moving).
            state = sisr.minimiseDistance(
                from: state, deadline: deadline.share(0.25), penalty: penalty, allowNewRoutes: true)
            if state.absent.isEmpty {
                state = sisr.minimiseRoutes(from: state, deadline: deadline.share(0.35), lowerBound: lowerBound)
            }
            let limit = state.usedVehicles
            let averageRoute = state.cost / Double(max(1, limit))
            state = sisr.minimiseDistance(
                from: state, deadline: deadline, penalty: penalty, allowNewRoutes: true, routeLimit: limit,
                routePenalty: averageRoute)
        } else {
            state = sisr.minimiseDistance(from: state, deadline: deadline, penalty: penalty, allowNewRoutes: true)
        }
        return (state.solution(), sisr.iterations)
    }

    /// One vehicle, no windows that bind, no capacity that binds, no break: a travelling salesman tour.
    static func isTour(_ problem: Problem, routable: [Int]) -> Bool {
        guard problem.vehicles == 1, problem.breaks.isEmpty, routable.count >= 1 else { return false }
        let demand = routable.reduce(0) { $0 + problem.stops[$1].demand }
        return demand <= problem.capacity && problem.stops.allSatisfy { $0.ready <= 0 && $0.due == .infinity }
    }
}

/// Results of parallel searches, one slot per search.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [(Solution, Int)?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> (Solution, Int) {
        get { lock.withLock { slots[index]! } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var values: [(Solution, Int)] { lock.withLock { slots.map { $0! } } }
}
