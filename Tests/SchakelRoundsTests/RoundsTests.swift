import Foundation
import Testing

@testable import SchakelRounds

/// A small problem on a line: the depot at 0, customers at the given x positions.
func lineProblem(
    _ xs: [Double], vehicles: Int = 1, capacity: Int = 100, demands: [Int]? = nil, windows: [(Double, Double)]? = nil,
    service: Double = 0, depotDue: Double = .infinity
) -> Problem {
    var stops = [Stop(id: 0, x: 0, y: 0, ready: 0, due: depotDue)]
    for (index, x) in xs.enumerated() {
        let window = windows?[index] ?? (0, .infinity)
        stops.append(
            Stop(
                id: index + 1, x: x, y: 0, demand: demands?[index] ?? 1, ready: window.0, due: window.1,
                service: service))
    }
    let matrix = Matrix(size: stops.count) { i, j in abs(stops[i].x - stops[j].x) }
    return Problem(name: "line", stops: stops, vehicles: vehicles, capacity: capacity, distance: matrix)
}

/// A random planar problem for enumeration, from a seed.
func randomProblem(customers: Int, vehicles: Int, capacity: Int, seed: UInt64, windows: Bool) -> Problem {
    var random = SeededRandom(seed: seed)
    var stops = [Stop(id: 0, x: 50, y: 50, ready: 0, due: windows ? 400 : .infinity)]
    for id in 1...customers {
        let ready = windows ? Double(random.below(200)) : 0
        stops.append(
            Stop(
                id: id, x: Double(random.below(100)), y: Double(random.below(100)), demand: 1 + random.below(4),
                ready: ready, due: windows ? ready + 60 + Double(random.below(120)) : .infinity,
                service: windows ? 10 : 0))
    }
    let matrix = Matrix(size: stops.count) { i, j in
        ((stops[i].x - stops[j].x) * (stops[i].x - stops[j].x) + (stops[i].y - stops[j].y) * (stops[i].y - stops[j].y))
            .squareRoot()
    }
    return Problem(name: "random", stops: stops, vehicles: vehicles, capacity: capacity, distance: matrix)
}

/// The optimum by trying every assignment of customers to ordered routes (small problems only).
func enumeratedOptimum(_ problem: Problem) -> Double? {
    let customers = Array(1..<problem.stops.count)
    var best: Double?
    func permutations(_ items: [Int]) -> [[Int]] {
        if items.count <= 1 { return [items] }
        return items.indices.flatMap { index -> [[Int]] in
            var rest = items
            let head = rest.remove(at: index)
            return permutations(rest).map { [head] + $0 }
        }
    }
    // Every permutation, cut into at most `vehicles` consecutive routes.
    for order in permutations(customers) {
        func cut(_ start: Int, _ routes: [[Int]]) {
            if start == order.count {
                let solution = Solution(routes: routes)
                if (try? FeasibilityChecker.check(solution, problem)) != nil {
                    let distance = solution.distance(in: problem)
                    if best == nil || distance < best! - 1e-9 { best = distance }
                }
                return
            }
            if routes.count == problem.vehicles { return }
            for end in (start + 1)...order.count { cut(end, routes + [Array(order[start..<end])]) }
        }
        cut(0, [])
    }
    return best
}

@Suite("Feasibility checker")
struct FeasibilityTests {
    @Test("a route that arrives after a window closes is refused, naming the stop")
    func lateArrival() {
        let problem = lineProblem([10, 5], windows: [(0, 100), (0, 6)])
        #expect(throws: FeasibilityChecker.Violation.lateArrival(route: 0, stop: 2, arrival: 15, due: 6)) {
            try FeasibilityChecker.check(Solution(routes: [[1, 2]]), problem)
        }
        #expect((try? FeasibilityChecker.check(Solution(routes: [[2, 1]]), problem)) != nil)
    }

    @Test("waiting for a window to open is allowed and shows in the schedule")
    func waiting() throws {
        let problem = lineProblem([10], windows: [(30, 40)], service: 5)
        let visits = try FeasibilityChecker.schedule([1], vehicle: 0, problem)
        #expect(visits == [Visit(stop: 1, arrival: 10, waiting: 20, serviceStart: 30, departure: 35)])
    }

    @Test("capacity, the depot's closing time and the number of vehicles are checked")
    func limits() {
        let heavy = lineProblem([10, 20], capacity: 5, demands: [3, 3])
        #expect(throws: FeasibilityChecker.Violation.capacity(route: 0, load: 6)) {
            try FeasibilityChecker.check(Solution(routes: [[1, 2]]), heavy)
        }
        let closing = lineProblem([10, 20], depotDue: 35)
        #expect(throws: FeasibilityChecker.Violation.lateReturn(route: 0, time: 40, close: 35)) {
            try FeasibilityChecker.check(Solution(routes: [[1, 2]]), closing)
        }
        let few = lineProblem([10, 20], vehicles: 1)
        #expect(throws: FeasibilityChecker.Violation.tooManyVehicles(used: 2, available: 1)) {
            try FeasibilityChecker.check(Solution(routes: [[1], [2]]), few)
        }
    }

    @Test("every customer is routed once or reported unassigned")
    func coverage() {
        let problem = lineProblem([10, 20, 30])
        #expect(throws: FeasibilityChecker.Violation.missing(stop: 3)) {
            try FeasibilityChecker.check(Solution(routes: [[1, 2]]), problem)
        }
        #expect(throws: FeasibilityChecker.Violation.duplicate(stop: 2)) {
            try FeasibilityChecker.check(Solution(routes: [[1, 2, 2, 3]]), problem)
        }
        let reported = Solution(routes: [[1, 2]], unassigned: [Unassigned(stop: 3, reason: .timeWindow)])
        #expect((try? FeasibilityChecker.check(reported, problem)) != nil)
    }

    @Test("a break is taken within its window, or the route is refused")
    func breaks() throws {
        var problem = lineProblem([10, 20, 30], service: 10)
        problem.breaks = [.init(vehicle: 0, earliest: 25, latest: 40, duration: 15)]
        let visits = try FeasibilityChecker.schedule([1, 2, 3], vehicle: 0, problem)
        // Leaving stop 1 at 20 would arrive after the break window opens: the break starts at 25, after stop 1.
        #expect(visits[0].breakStart == 25)
        #expect(visits[1].arrival == 50)
        #expect(visits[2].arrival == 70)
        problem.breaks = [.init(vehicle: 0, earliest: 0, latest: 5, duration: 15)]
        let late = try FeasibilityChecker.schedule([1], vehicle: 0, problem)
        #expect(late.first?.arrival == 25)
    }
}

@Suite("Solver")
struct SolverTests {
    @Test("small problems reach the optimum found by enumeration", arguments: 0..<6)
    func optimumByEnumeration(seed: Int) throws {
        let problem = randomProblem(
            customers: 6, vehicles: seed % 2 == 0 ? 2 : 3, capacity: 9, seed: UInt64(seed), windows: seed >= 3)
        let optimum = enumeratedOptimum(problem)
        let result = try RoundsSolver.solve(
            problem, options: .init(seconds: nil, iterations: 3000, seed: 7, objective: .distance))
        if let optimum {
            try FeasibilityChecker.check(result.solution, problem)
            #expect(result.solution.unassigned.isEmpty)
            #expect(abs(result.distance - optimum) < 1e-6, "found \(result.distance), optimum \(optimum)")
        } else {
            #expect(!result.solution.unassigned.isEmpty)
        }
    }

    @Test("a tour on a line goes out and back: twice the farthest point")
    func tourOnALine() throws {
        let problem = lineProblem([5, 40, 12, 33, 27, 8, 19, 44, 3])
        let result = try RoundsSolver.solve(problem, options: .init(seconds: nil, iterations: 200))
        #expect(result.distance == 88)
        try FeasibilityChecker.check(result.solution, problem)
    }

    @Test("fewest vehicles first: capacity decides the number of routes")
    func fewestVehicles() throws {
        let problem = lineProblem([10, 20, 30, 40, 50, 60], vehicles: 6, capacity: 3, demands: [1, 1, 1, 1, 1, 1])
        let result = try RoundsSolver.solve(
            problem, options: .init(seconds: nil, iterations: 2000, objective: .vehicles))
        #expect(result.vehicles == 2)
        try FeasibilityChecker.check(result.solution, problem)
    }

    @Test("the same seed and iteration budget give the same solution")
    func deterministic() throws {
        let problem = randomProblem(customers: 30, vehicles: 6, capacity: 20, seed: 99, windows: true)
        let options = SolverOptions(seconds: nil, iterations: 2000, seed: 42, objective: .vehicles, threads: 2)
        let first = try RoundsSolver.solve(problem, options: options)
        let second = try RoundsSolver.solve(problem, options: options)
        #expect(first.solution == second.solution)
    }

    @Test("customers no vehicle can serve are listed with the reason, the rest are routed")
    func unassigned() throws {
        let problem = lineProblem(
            [10, 500, 20, 30], vehicles: 2, capacity: 5, demands: [1, 1, 9, 1],
            windows: [(0, 100), (0, 100), (0, 100), (0, 100)])
        let result = try RoundsSolver.solve(problem, options: .init(seconds: nil, iterations: 500))
        let reasons = Dictionary(uniqueKeysWithValues: result.solution.unassigned.map { ($0.stop, $0.reason) })
        #expect(reasons == [2: .timeWindow, 3: .capacity])
        #expect(Set(result.solution.routes.flatMap { $0 }) == [1, 4])
        try FeasibilityChecker.check(result.solution, problem)
    }

    @Test("too few vehicles leave customers out with the reason, never a hang")
    func tooFewVehicles() throws {
        let problem = lineProblem([10, 20, 30, 40], vehicles: 1, capacity: 2, demands: [1, 1, 1, 1])
        let result = try RoundsSolver.solve(
            problem, options: .init(seconds: nil, iterations: 300, objective: .distance))
        #expect(result.solution.unassigned.count == 2)
        #expect(result.solution.unassigned.allSatisfy { $0.reason == .noVehicleLeft })
        try FeasibilityChecker.check(result.solution, problem)
    }

    @Test("fixed assignments keep a customer with its vehicle")
    func fixedVehicle() throws {
        var problem = lineProblem([10, 11, 12, 13], vehicles: 2, capacity: 10)
        problem.fixedVehicle = [2: 1]
        let result = try RoundsSolver.solve(
            problem, options: .init(seconds: nil, iterations: 500, objective: .distance))
        try FeasibilityChecker.check(result.solution, problem)
        let route = try #require(result.solution.routes.firstIndex { $0.contains(2) })
        #expect(result.solution.vehicleOfRoute[route] == 1)
    }
}

@Suite("Input formats")
struct FormatTests {
    static let solomon = """
        TINY

        VEHICLE
        NUMBER     CAPACITY
          2         10

        CUSTOMER
        CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME

            0      0          0          0          0       1000          0
            1      3          4          5          0        100         10
            2      6          8          5          0        200         10
        """

    @Test("Solomon files are read with Euclidean distances in double precision")
    func solomon() throws {
        let problem = try Problem.parse(Self.solomon, format: .solomon)
        #expect(problem.vehicles == 2)
        #expect(problem.capacity == 10)
        #expect(problem.stops.map(\.id) == [0, 1, 2])
        #expect(problem.distance[0, 2] == 10)
        #expect(problem.distance[1, 2] == 5)
    }

    @Test("TSPLIB EUC_2D distances are rounded to the nearest integer")
    func tsplib() throws {
        let text =
            "NAME : t\nTYPE : TSP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EUC_2D\nNODE_COORD_SECTION\n1 0 0\n2 1 1\n3 3 0\nEOF\n"
        let problem = try Problem.parse(text, format: .tsplib)
        #expect(problem.distance[0, 1] == 1)
        #expect(problem.distance[1, 2] == 2)
        #expect(problem.stops.map(\.id) == [1, 2, 3])
    }

    @Test(
        "malformed and impossible inputs get a clear error",
        arguments: [
            ("VEHICLE\nNUMBER CAPACITY\n2 10\nCUSTOMER\n0 0 0 0 0 100\n", InputFormat.solomon, "line 5"),
            (
                "VEHICLE\nNUMBER CAPACITY\n0 10\nCUSTOMER\n0 0 0 0 0 100 0\n1 1 1 1 0 100 0\n", .solomon,
                "number of vehicles"
            ),
            (
                "VEHICLE\nNUMBER CAPACITY\n2 10\nCUSTOMER\n0 0 0 0 0 100 0\n1 1 1 -3 0 100 0\n", .solomon,
                "negative demand"
            ),
            ("NAME : t\nEDGE_WEIGHT_TYPE : GEO\nNODE_COORD_SECTION\n1 0 0\n2 1 1\n", .tsplib, "GEO"),
            ("{\"vehicles\": 1, \"depot\": {\"id\": 0}}", .json, "missing stops"),
            ("not json", .json, "not JSON"),
        ])
    func malformed(text: String, format: InputFormat, message: String) {
        do {
            _ = try Problem.parse(text, format: format)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }

    @Test("JSON stops with coordinates get walking times from haversine distance and a detour factor")
    func json() throws {
        let text = """
            {"vehicles": 2, "speed": 1.25, "detourFactor": 1.3,
             "depot": {"id": 0, "lat": 52.1800, "lon": 5.4100, "ready": 36000, "due": 54000},
             "stops": [{"id": 7, "lat": 52.1810, "lon": 5.4100, "ready": 41400, "due": 46800, "service": 600, "vehicle": 1}]}
            """
        let problem = try Problem.parse(text, format: .json)
        #expect(abs(problem.distance[0, 1] - 111.19 * 1.3) < 0.5)
        #expect(abs(problem.travelTime[0, 1] - problem.distance[0, 1] / 1.25) < 1e-9)
        #expect(problem.fixedVehicle == [1: 1])
    }

    @Test("the command prints vehicles, distance and routes with the file's numbers")
    func command() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tiny-\(UUID()).txt")
        try Self.solomon.write(to: file, atomically: true, encoding: .utf8)
        let result = RoundsCLI.run([
            "rounds", "solve", file.path, "--format", "solomon", "--iterations", "200", "--seed", "3",
        ])
        #expect(result.status == 0, "\(result.error)")
        let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        #expect(json?["vehicles"] as? Int == 1)
        let routes = json?["routes"] as? [[Int]] ?? []
        #expect(routes == [[1, 2]] || routes == [[2, 1]])
        #expect(json?["distance"] as? Double == 20)
        #expect(RoundsCLI.run(["rounds", "solve", file.path]).status == 64)
        #expect(RoundsCLI.run(["rounds", "solve", "/no/such/file", "--format", "solomon"]).status == 1)
    }
}
