import Foundation

/// The working solution of the search: one route per vehicle (possibly empty) with cached
/// schedules, so that inserting a customer is checked in constant time.
struct SearchState {
    let problem: Problem
    /// Customers the search may route (those that fit a vehicle on their own).
    let routable: [Int]
    var routes: [Route]
    /// The route of each customer, or -1 when absent.
    var routeOf: [Int]
    var absent: [Int]
    let hasBreaks: Bool

    struct Route {
        var nodes: [Int] = []
        var load = 0
        var distance = 0.0
        /// Earliest service start per position of depot + nodes + depot.
        var earliest: [Double] = []
        /// Latest service start per position that keeps the rest of the route feasible.
        var latest: [Double] = []
    }

    init(problem: Problem, routable: [Int]) {
        self.problem = problem
        self.routable = routable
        routes = Array(repeating: Route(), count: problem.vehicles)
        routeOf = Array(repeating: -1, count: problem.stops.count)
        absent = routable
        hasBreaks = !problem.breaks.isEmpty
        for index in routes.indices { refresh(index) }
    }

    var cost: Double { routes.reduce(0) { $0 + $1.distance } }
    var usedVehicles: Int { routes.reduce(0) { $0 + ($1.nodes.isEmpty ? 0 : 1) } }

    /// Recomputes load, distance and the schedule caches of one route.
    mutating func refresh(_ index: Int) {
        let p = problem
        var route = routes[index]
        let n = route.nodes.count
        route.load = 0
        route.distance = 0
        route.earliest = [Double](repeating: 0, count: n + 2)
        route.latest = [Double](repeating: 0, count: n + 2)
        var previous = 0
        var time = p.stops[0].ready
        route.earliest[0] = time
        for (k, node) in route.nodes.enumerated() {
            route.load += p.stops[node].demand
            route.distance += p.distance[previous, node]
            time = max(p.stops[node].ready, time + p.stops[previous].service + p.travelTime[previous, node])
            route.earliest[k + 1] = time
            previous = node
        }
        route.distance += p.distance[previous, 0]
        route.earliest[n + 1] = time + p.stops[previous].service + p.travelTime[previous, 0]
        var latest = p.stops[0].due
        route.latest[n + 1] = latest
        var next = 0
        for k in stride(from: n, through: 1, by: -1) {
            let node = route.nodes[k - 1]
            latest = min(p.stops[node].due, latest - p.travelTime[node, next] - p.stops[node].service)
            route.latest[k] = latest
            next = node
        }
        route.latest[0] = latest - p.travelTime[0, next] - p.stops[0].service
        routes[index] = route
        for node in route.nodes { routeOf[node] = index }
    }

    /// The cheapest feasible place for `customer`, honouring fixed vehicles; `blink` skips positions at random.
    func bestInsertion(of customer: Int, blink: Double, random: inout SeededRandom, allowEmpty: Bool) -> (
        route: Int, position: Int, delta: Double
    )? {
        let p = problem
        let stop = p.stops[customer]
        var best: (route: Int, position: Int, delta: Double)?
        var triedEmpty = false
        let fixed = p.fixedVehicle[customer]
        for r in routes.indices {
            if let fixed, fixed != r { continue }
            let route = routes[r]
            if route.nodes.isEmpty {
                // Empty routes are all alike unless vehicles differ (breaks, fixed assignments).
                if !allowEmpty || (triedEmpty && !hasBreaks && fixed == nil) { continue }
                triedEmpty = true
            }
            if route.load + stop.demand > p.capacity { continue }
            let n = route.nodes.count
            var previous = 0
            for k in 0...n {
                let next = k < n ? route.nodes[k] : 0
                defer { previous = next }
                if blink > 0 && random.unit() < blink { continue }
                let delta = p.distance[previous, customer] + p.distance[customer, next] - p.distance[previous, next]
                if let best, delta >= best.delta { continue }
                let arrival = route.earliest[k] + p.stops[previous].service + p.travelTime[previous, customer]
                if arrival > stop.due { continue }
                let start = max(arrival, stop.ready)
                let nextArrival = start + stop.service + p.travelTime[customer, next]
                if nextArrival > route.latest[k + 1] { continue }
                if hasBreaks && !scheduleFits(r, inserting: customer, at: k) { continue }
                best = (r, k, delta)
            }
        }
        return best
    }

    /// Slow exact check for vehicles with a break: builds the route and schedules it.
    func scheduleFits(_ r: Int, inserting customer: Int, at position: Int) -> Bool {
        var nodes = routes[r].nodes
        nodes.insert(customer, at: position)
        return (try? FeasibilityChecker.schedule(nodes, vehicle: r, problem)) != nil
    }

    mutating func insert(_ customer: Int, route r: Int, position: Int) {
        routes[r].nodes.insert(customer, at: position)
        refresh(r)
    }

    /// Removes customers from their routes and marks them absent; refreshes each touched route once.
    mutating func remove(_ customers: [Int]) {
        var touched = Set<Int>()
        for customer in customers {
            let r = routeOf[customer]
            guard r >= 0, let index = routes[r].nodes.firstIndex(of: customer) else { continue }
            routes[r].nodes.remove(at: index)
            routeOf[customer] = -1
            absent.append(customer)
            touched.insert(r)
        }
        for r in touched { refresh(r) }
    }

    func solution() -> Solution {
        var used: [[Int]] = []
        var vehicles: [Int] = []
        for (index, route) in routes.enumerated() where !route.nodes.isEmpty {
            used.append(route.nodes)
            vehicles.append(index)
        }
        return Solution(routes: used, vehicleOfRoute: vehicles)
    }
}
