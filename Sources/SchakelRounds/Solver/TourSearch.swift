import Foundation

/// Iterated local search for a single vehicle without windows or capacity (a travelling salesman tour):
/// 2-opt and Or-opt over neighbour lists, kicked by local double bridges.
struct TourSearch {
    let matrix: Matrix
    let cities: [Int]
    let neighbours: [[Int]]
    var random: SeededRandom
    private(set) var iterations = 0

    init(problem: Problem, cities: [Int], seed: UInt64, neighbourCount: Int = 12) {
        let matrix = problem.distance
        self.matrix = matrix
        self.cities = cities
        random = SeededRandom(seed: seed)
        var neighbours = [[Int]](repeating: [], count: problem.stops.count)
        // The depot takes part in the tour like a city.
        let all = [0] + cities
        for c in all {
            neighbours[c] = Array(
                all.filter { $0 != c }.sorted { matrix[c, $0] < matrix[c, $1] }.prefix(neighbourCount))
        }
        self.neighbours = neighbours
    }

    /// A tour over `cities` starting at the depot (0), returned without the depot.
    mutating func solve(deadline: Deadline) -> [Int] {
        var tour = nearestNeighbourTour()
        var position = positions(of: tour)
        localSearch(&tour, &position, active: tour)
        var best = tour
        var bestLength = length(of: tour)
        var current = tour
        var currentLength = bestLength
        var iteration = 0
        while !deadline.expired(iteration: iteration) && tour.count > 7 {
            var candidate = current
            let touched = kick(&candidate)
            var candidatePosition = positions(of: candidate)
            localSearch(&candidate, &candidatePosition, active: touched)
            let candidateLength = length(of: candidate)
            if candidateLength < currentLength + 1e-9 || random.unit() < 0.01 {
                current = candidate
                currentLength = candidateLength
                if candidateLength < bestLength - 1e-9 {
                    best = candidate
                    bestLength = candidateLength
                }
            }
            if iteration % 2000 == 1999 {
                current = best
                currentLength = bestLength
            }
            iteration += 1
        }
        iterations = iteration
        // Rotate so the depot comes first, and drop it.
        let start = best.firstIndex(of: 0)!
        return Array(best[(start + 1)...] + best[..<start])
    }

    private func nearestNeighbourTour() -> [Int] {
        var tour = [0]
        var left = Set(cities)
        var current = 0
        while !left.isEmpty {
            let next = left.min { matrix[current, $0] < matrix[current, $1] }!
            tour.append(next)
            left.remove(next)
            current = next
        }
        return tour
    }

    private func positions(of tour: [Int]) -> [Int] {
        var position = [Int](repeating: 0, count: matrix.size)
        for (index, city) in tour.enumerated() { position[city] = index }
        return position
    }

    func length(of tour: [Int]) -> Double {
        var total = 0.0
        for index in 0..<tour.count { total += matrix[tour[index], tour[(index + 1) % tour.count]] }
        return total
    }

    /// A double bridge among nearby positions: cuts the tour in four and reconnects A C B D.
    @discardableResult
    private mutating func kick(_ tour: inout [Int]) -> [Int] {
        let n = tour.count
        let span = min(n - 1, 30)
        let offset = random.below(n)
        var cuts = Set<Int>()
        while cuts.count < 3 { cuts.insert(1 + random.below(span - 1)) }
        let sorted = cuts.sorted()
        let rotated = Array(tour[offset...] + tour[..<offset])
        let a = rotated[0..<sorted[0]]
        let b = rotated[sorted[0]..<sorted[1]]
        let c = rotated[sorted[1]..<sorted[2]]
        let d = rotated[sorted[2]...]
        tour = Array(a + c + b + d)
        // The cities at the ends of the changed edges are where the local search looks again.
        return [a.first!, a.last!, b.first!, b.last!, c.first!, c.last!, d.first!, d.last!]
    }

    /// 2-opt (both directions) and Or-opt until no improving move is left, looking only at cities in a queue
    /// (don't-look bits): after a kick only the few cities around the changed edges are examined again.
    private mutating func localSearch(_ tour: inout [Int], _ position: inout [Int], active: [Int]) {
        let n = tour.count
        guard n > 4 else { return }
        var queued = [Bool](repeating: false, count: matrix.size)
        var queue: [Int] = []
        queue.reserveCapacity(n)
        func push(_ city: Int) {
            if !queued[city] {
                queued[city] = true
                queue.append(city)
            }
        }
        for city in active { push(city) }
        var head = 0
        while head < queue.count {
            let a = queue[head]
            head += 1
            queued[a] = false
            if head > 4 * n {
                // Compact the queue now and then so it does not grow without bound.
                queue.removeFirst(head)
                head = 0
            }
            if let touched = improve(around: a, &tour, &position) {
                for city in touched { push(city) }
            }
        }
    }

    /// Tries the improving moves that create an edge at `a`; returns the cities whose edges changed.
    private func improve(around a: Int, _ tour: inout [Int], _ position: inout [Int]) -> [Int]? {
        let n = tour.count
        let pa = position[a]
        let succA = tour[(pa + 1) % n]
        let predA = tour[(pa - 1 + n) % n]
        for c in neighbours[a] {
            let dac = matrix[a, c]
            if dac >= matrix[a, succA] && dac >= matrix[a, predA] { break }
            let pc = position[c]
            let succC = tour[(pc + 1) % n]
            let predC = tour[(pc - 1 + n) % n]
            // a→succA, c→succC become a→c, succA→succC.
            if c != succA && succC != a {
                let gain = matrix[a, succA] + matrix[c, succC] - dac - matrix[succA, succC]
                if gain > 1e-9 {
                    reverse(&tour, &position, from: (pa + 1) % n, to: pc)
                    return [a, succA, c, succC]
                }
            }
            // predA→a, predC→c become c←a… : predA→predC and a→c.
            if c != predA && predC != a {
                let gain = matrix[predA, a] + matrix[predC, c] - dac - matrix[predA, predC]
                if gain > 1e-9 {
                    reverse(&tour, &position, from: pa, to: (pc - 1 + n) % n)
                    return [a, predA, c, predC]
                }
            }
        }
        // Or-opt: move a segment of 1–3 cities starting at a next to one of a's neighbours.
        for segment in 1...3 where segment < n - 2 {
            let lastIndex = (pa + segment - 1) % n
            let before = predA
            let last = tour[lastIndex]
            let after = tour[(lastIndex + 1) % n]
            let removeGain = matrix[before, a] + matrix[last, after] - matrix[before, after]
            if removeGain <= 1e-9 { continue }
            for c in neighbours[a] {
                if matrix[a, c] >= removeGain { break }
                let pc = position[c]
                if inSegment(pc, start: pa, length: segment, n: n) { continue }
                let succC = tour[(pc + 1) % n]
                let predC = tour[(pc - 1 + n) % n]
                // Either c, a … last, succC  or  predC, last … a, c: both make the edge a–c.
                if !inSegment(position[succC], start: pa, length: segment, n: n) {
                    let gain = removeGain - (matrix[c, a] + matrix[last, succC] - matrix[c, succC])
                    if gain > 1e-9 {
                        move(&tour, &position, segmentStart: pa, length: segment, after: c, reversed: false)
                        return [a, last, before, after, c, succC]
                    }
                }
                if !inSegment(position[predC], start: pa, length: segment, n: n) {
                    let gain = removeGain - (matrix[predC, last] + matrix[a, c] - matrix[predC, c])
                    if gain > 1e-9 {
                        move(&tour, &position, segmentStart: pa, length: segment, after: predC, reversed: true)
                        return [a, last, before, after, c, predC]
                    }
                }
            }
        }
        return nil
    }

    private func inSegment(_ index: Int, start: Int, length: Int, n: Int) -> Bool {
        let offset = (index - start + n) % n
        return offset < length
    }

    /// Reverses the tour between two positions (inclusive), wrapping around.
    private func reverse(_ tour: inout [Int], _ position: inout [Int], from i: Int, to j: Int) {
        let n = tour.count
        var left = i
        var right = j
        var steps = ((j - i + n) % n + 1) / 2
        while steps > 0 {
            tour.swapAt(left, right)
            position[tour[left]] = left
            position[tour[right]] = right
            left = (left + 1) % n
            right = (right - 1 + n) % n
            steps -= 1
        }
    }

    /// Moves a segment to follow `anchor`, optionally reversed.
    private func move(
        _ tour: inout [Int], _ position: inout [Int], segmentStart: Int, length: Int, after anchor: Int, reversed: Bool
    ) {
        let n = tour.count
        var segment = (0..<length).map { tour[(segmentStart + $0) % n] }
        if reversed { segment.reverse() }
        let moved = Set(segment)
        var rest = tour.filter { !moved.contains($0) }
        let index = rest.firstIndex(of: anchor)!
        rest.insert(contentsOf: segment, at: index + 1)
        tour = rest
        for (index, city) in tour.enumerated() { position[city] = index }
    }
}
