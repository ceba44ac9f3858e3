import Foundation

/// Slack Induction by String Removals (Christiaens & Vanden Berghe, 2020): ruin adjacent strings of
/// customers across a few routes, recreate by greedy insertion with blinks, accept by simulated annealing.
/// Fleet minimisation removes a route and tries to reinsert its customers, guided by absence counts.
struct SISR {
    struct Parameters {
        var averageRemoved = 10.0
        var maxStringLength = 10.0
        var splitRate = 0.5
        var splitDepth = 0.01
        var blinkRate = 0.01
        var startTemperature = 100.0
        var endTemperature = 1.0
    }

    let problem: Problem
    let parameters: Parameters
    /// Customers by distance from each customer (routable ones only).
    let neighbours: [[Int]]
    var random: SeededRandom
    private(set) var iterations = 0

    init(problem: Problem, routable: [Int], seed: UInt64, parameters: Parameters = .init()) {
        self.problem = problem
        self.parameters = parameters
        random = SeededRandom(seed: seed)
        var neighbours = [[Int]](repeating: [], count: problem.stops.count)
        for c in routable {
            neighbours[c] = routable.filter { $0 != c }.sorted {
                problem.distance[c, $0] + problem.distance[$0, c] < problem.distance[c, $1] + problem.distance[$1, c]
            }
        }
        self.neighbours = neighbours
    }

    // MARK: Ruin

    mutating func ruin(_ state: inout SearchState) {
        let used = state.routes.filter { !$0.nodes.isEmpty }
        guard !used.isEmpty else { return }
        let averageLength = Double(used.reduce(0) { $0 + $1.nodes.count }) / Double(used.count)
        let lsMax = min(parameters.maxStringLength, averageLength)
        let ksMax = 4 * parameters.averageRemoved / (1 + lsMax) - 1
        let ks = Int(random.unit() * ksMax) + 1
        let assigned = state.routable.filter { state.routeOf[$0] >= 0 }
        guard let seed = assigned.isEmpty ? nil : assigned[random.below(assigned.count)] else { return }
        var ruined = Set<Int>()
        var removed: [Int] = []
        for c in [seed] + neighbours[seed] {
            if ruined.count >= ks { break }
            let r = state.routeOf[c]
            guard r >= 0, !ruined.contains(r) else { continue }
            let nodes = state.routes[r].nodes
            let lMax = min(Double(nodes.count), lsMax)
            let length = Int(random.unit() * lMax) + 1
            guard let position = nodes.firstIndex(of: c) else { continue }
            if length == nodes.count || random.unit() < parameters.splitRate || length < 2 {
                removed += string(of: length, containing: position, in: nodes)
            } else {
                removed += splitString(of: length, containing: position, in: nodes)
            }
            ruined.insert(r)
        }
        state.remove(removed)
    }

    /// `length` consecutive customers that include `position`, starting at a random offset.
    private mutating func string(of length: Int, containing position: Int, in nodes: [Int]) -> [Int] {
        let earliestStart = max(0, position - length + 1)
        let latestStart = min(position, nodes.count - length)
        let start = earliestStart + random.below(latestStart - earliestStart + 1)
        return Array(nodes[start..<(start + length)])
    }

    /// A window of `length + m` customers around `position` of which `m` consecutive ones are kept.
    private mutating func splitString(of length: Int, containing position: Int, in nodes: [Int]) -> [Int] {
        var kept = 1
        while length + kept < nodes.count && random.unit() > parameters.splitDepth { kept += 1 }
        let window = length + kept
        let earliestStart = max(0, position - window + 1)
        let latestStart = min(position, nodes.count - window)
        let start = earliestStart + random.below(latestStart - earliestStart + 1)
        let keepStart = start + random.below(length + 1)
        return (start..<(start + window)).filter { $0 < keepStart || $0 >= keepStart + kept }.map { nodes[$0] }
    }

    // MARK: Recreate

    /// Greedy insertion in one of four orders (random, demand, far, close), skipping positions by blinks.
    mutating func recreate(_ state: inout SearchState, allowNewRoutes: Bool, absence: [Int]? = nil) {
        var order = state.absent
        state.absent = []
        let depot = 0
        let roll = random.below(11)
        if let absence, random.unit() < 0.5 {
            order.sort { absence[$0] > absence[$1] }
        } else if roll < 4 {
            order.shuffle(using: &random)
        } else if roll < 8 {
            order.sort { problem.stops[$0].demand > problem.stops[$1].demand }
        } else if roll < 10 {
            order.sort { problem.distance[depot, $0] > problem.distance[depot, $1] }
        } else {
            order.sort { problem.distance[depot, $0] < problem.distance[depot, $1] }
        }
        for customer in order {
            if let place = state.bestInsertion(
                of: customer, blink: parameters.blinkRate, random: &random, allowEmpty: allowNewRoutes)
            {
                state.insert(customer, route: place.route, position: place.position)
            } else {
                state.absent.append(customer)
            }
        }
    }

    // MARK: Searches

    /// Minimises distance; absent customers cost `penalty` each. With a `routeLimit`, routes above it are
    /// allowed for a while at `routePenalty` each (so the search can pass through them), but only
    /// solutions within the limit count as best.
    mutating func minimiseDistance(
        from start: SearchState, deadline: Deadline, penalty: Double, allowNewRoutes: Bool, routeLimit: Int? = nil,
        routePenalty: Double = 0
    ) -> SearchState {
        var current = start
        var best = start
        func score(_ s: SearchState) -> Double {
            var value = s.cost + penalty * Double(s.absent.count)
            if let routeLimit { value += routePenalty * Double(max(0, s.usedVehicles - routeLimit)) }
            return value
        }
        func counts(_ s: SearchState) -> Bool { routeLimit.map { s.usedVehicles <= $0 } ?? true }
        var currentScore = score(current)
        var bestScore = currentScore
        var iteration = 0
        let t0 = parameters.startTemperature
        let tf = parameters.endTemperature
        var temperature = t0
        while !deadline.expired(iteration: iteration) {
            if iteration & 63 == 0 { temperature = t0 * pow(tf / t0, deadline.progress(iteration: iteration)) }
            var candidate = current
            ruin(&candidate)
            recreate(&candidate, allowNewRoutes: allowNewRoutes)
            let candidateScore = score(candidate)
            if candidateScore < currentScore - temperature * log(random.unit()) {
                current = candidate
                currentScore = candidateScore
                if candidateScore < bestScore - 1e-9 && counts(candidate) {
                    best = candidate
                    bestScore = candidateScore
                }
            }
            iteration += 1
        }
        iterations += iteration
        return best
    }

    /// Removes routes one by one while all customers can still be placed on the rest.
    /// Returns the solution with the fewest routes found (all customers placed).
    ///
    /// A ruined and recreated candidate is kept when it leaves fewer customers out, or as many whose
    /// absence counts (how often each was left out so far) sum lower: the customers that are often left
    /// out get placed first. The paper also accepts candidates that leave more customers out if their
    /// sum is lower; with a budget of seconds rather than hours that lets the count run away (from 4 to
    /// 40 out on RC106), so the count may not grow here.
    mutating func minimiseRoutes(from start: SearchState, deadline: Deadline, lowerBound: Int) -> SearchState {
        var best = start
        var absence = [Int](repeating: 0, count: problem.stops.count)
        var iteration = 0
        outer: while best.usedVehicles > lowerBound && !deadline.expired(iteration: iteration) {
            // Remove the route whose customers are the easiest to place: the shortest.
            var current = best
            guard
                let victim = current.routes.indices.filter({ !current.routes[$0].nodes.isEmpty })
                    .min(by: { current.routes[$0].nodes.count < current.routes[$1].nodes.count })
            else { break }
            current.remove(current.routes[victim].nodes)
            recreate(&current, allowNewRoutes: false, absence: absence)
            var currentAbsent = current.absent
            while !currentAbsent.isEmpty {
                if deadline.expired(iteration: iteration) { break outer }
                var candidate = current
                ruin(&candidate)
                recreate(&candidate, allowNewRoutes: false, absence: absence)
                for c in candidate.absent { absence[c] += 1 }
                let fewer = candidate.absent.count < currentAbsent.count
                let sameCountLowerSum =
                    candidate.absent.count == currentAbsent.count
                    && candidate.absent.reduce(0) { $0 + absence[$1] } < currentAbsent.reduce(0) { $0 + absence[$1] }
                if fewer || sameCountLowerSum {
                    current = candidate
                    currentAbsent = candidate.absent
                }
                iteration += 1
            }
            best = current
        }
        iterations += iteration
        return best
    }
}
