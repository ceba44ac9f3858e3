import Foundation

/// A stopping rule: a wall-clock limit, an iteration budget, or both (whichever comes first).
/// With only an iteration budget the search is fully deterministic for a seed.
struct Deadline: Sendable {
    let start: UInt64
    let nanoseconds: UInt64?
    let iterations: Int?

    init(seconds: Double?, iterations: Int?) {
        start = DispatchTime.now().uptimeNanoseconds
        nanoseconds = seconds.map { UInt64(max(0, $0) * 1e9) }
        self.iterations = iterations
    }

    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }

    /// Fraction of the budget used, 0…1: drives the annealing temperature.
    func progress(iteration: Int) -> Double {
        var fraction = 0.0
        if let nanoseconds, nanoseconds > 0 {
            fraction = max(fraction, Double(DispatchTime.now().uptimeNanoseconds - start) / Double(nanoseconds))
        }
        if let iterations, iterations > 0 { fraction = max(fraction, Double(iteration) / Double(iterations)) }
        return min(1, fraction)
    }

    func expired(iteration: Int) -> Bool {
        if let iterations, iteration >= iterations { return true }
        if let nanoseconds, DispatchTime.now().uptimeNanoseconds - start >= nanoseconds { return true }
        return false
    }

    /// A deadline for a share of what is left, e.g. the fleet-minimisation phase.
    func share(_ fraction: Double, iterationsUsed: Int = 0) -> Deadline {
        let remaining = nanoseconds.map {
            $0 > (DispatchTime.now().uptimeNanoseconds - start)
                ? $0 - (DispatchTime.now().uptimeNanoseconds - start) : 0
        }
        return Deadline(
            seconds: remaining.map { Double($0) / 1e9 * fraction },
            iterations: iterations.map { Int(Double(max(0, $0 - iterationsUsed)) * fraction) })
    }
}
