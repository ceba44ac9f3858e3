import Foundation

/// `schakel rounds solve FILE --format solomon|tsplib|json [--seconds S] [--iterations N] [--seed N]
/// [--objective vehicles|distance] [--threads N]`: prints the solution as JSON.
public enum RoundsCLI {
    public static let usage = """
        usage: schakel rounds solve FILE --format solomon|tsplib|json [--seconds S] [--iterations N]
                                    [--seed N] [--objective vehicles|distance] [--threads N]
        Prints JSON with vehicles, distance, routes (customer numbers as in the file, depot excluded),
        unassigned customers with the reason, and the schedule of every route.
        """

    /// Runs the command; returns the text for standard output or standard error and the exit code.
    public static func run(_ arguments: [String]) -> (output: String, error: String, status: Int32) {
        do {
            let command = try parse(arguments)
            let text: String
            do {
                text = try String(contentsOfFile: command.file, encoding: .utf8)
            } catch {
                return ("", "cannot read \(command.file)\n", 1)
            }
            let name = URL(fileURLWithPath: command.file).deletingPathExtension().lastPathComponent
            let problem = try Problem.parse(text, format: command.format, name: name)
            let result = try RoundsSolver.solve(problem, options: command.options)
            return (try render(result, problem), "", 0)
        } catch let error as UsageError {
            return ("", "\(error.message)\n\(usage)\n", 64)
        } catch let error as RoundsError {
            return ("", "\(error)\n", 1)
        } catch {
            return ("", "\(error)\n", 1)
        }
    }

    struct UsageError: Error {
        let message: String
    }

    struct Command {
        var file: String
        var format: InputFormat
        var options: SolverOptions
    }

    static func parse(_ arguments: [String]) throws -> Command {
        var rest = arguments
        if rest.first == "rounds" { rest.removeFirst() }
        guard rest.first == "solve" else { throw UsageError(message: "unknown command") }
        rest.removeFirst()
        var file: String?
        var format: InputFormat?
        var options = SolverOptions(seconds: 1)
        var index = 0
        func value(_ name: String) throws -> String {
            index += 1
            guard index < rest.count else { throw UsageError(message: "\(name) needs a value") }
            return rest[index]
        }
        while index < rest.count {
            let argument = rest[index]
            switch argument {
            case "--format":
                let raw = try value(argument)
                guard let parsed = InputFormat(rawValue: raw) else {
                    throw UsageError(message: "unknown format \(raw)")
                }
                format = parsed
            case "--seconds":
                guard let seconds = Double(try value(argument)), seconds > 0, seconds <= 86_400 else {
                    throw UsageError(message: "--seconds must be a number between 0 and 86400")
                }
                options.seconds = seconds
            case "--iterations":
                guard let iterations = Int(try value(argument)), iterations > 0 else {
                    throw UsageError(message: "--iterations must be a positive number")
                }
                options.iterations = iterations
            case "--seed":
                guard let seed = UInt64(try value(argument)) else {
                    throw UsageError(message: "--seed must be a non-negative whole number")
                }
                options.seed = seed
            case "--objective":
                let raw = try value(argument)
                guard let objective = Objective(rawValue: raw) else {
                    throw UsageError(message: "unknown objective \(raw)")
                }
                options.objective = objective
            case "--threads":
                guard let threads = Int(try value(argument)), (1...256).contains(threads) else {
                    throw UsageError(message: "--threads must be 1 to 256")
                }
                options.threads = threads
            default:
                guard !argument.hasPrefix("--"), file == nil else {
                    throw UsageError(message: "unexpected \(argument)")
                }
                file = argument
            }
            index += 1
        }
        // An iteration budget alone makes the run reproducible; a time limit then only guards it.
        if options.iterations != nil && !arguments.contains("--seconds") { options.seconds = nil }
        guard let file else { throw UsageError(message: "no input file") }
        guard let format else { throw UsageError(message: "--format is required") }
        return Command(file: file, format: format, options: options)
    }

    static func render(_ result: SolveResult, _ problem: Problem) throws -> String {
        let solution = result.solution
        var schedule: [[[String: Any]]] = []
        for (index, route) in solution.routes.enumerated() {
            let visits = try FeasibilityChecker.schedule(route, vehicle: solution.vehicleOfRoute[index], problem)
            schedule.append(
                visits.map { visit in
                    var entry: [String: Any] = [
                        "stop": visit.stop, "arrival": round3(visit.arrival), "waiting": round3(visit.waiting),
                        "start": round3(visit.serviceStart), "departure": round3(visit.departure),
                    ]
                    if let pause = visit.breakStart { entry["breakStart"] = round3(pause) }
                    return entry
                })
        }
        let object: [String: Any] = [
            "name": problem.name,
            "vehicles": result.vehicles,
            "distance": round3(result.distance),
            "routes": solution.routes.map { $0.map { problem.stops[$0].id } },
            "vehicleOfRoute": solution.vehicleOfRoute,
            "unassigned": solution.unassigned.map { ["stop": $0.stop, "reason": $0.reason.rawValue] },
            "schedule": schedule,
            "iterations": result.iterations,
            "seconds": round3(result.seconds),
        ]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func round3(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
