import Foundation

/// One problem with one input field, named by a localisation key so every layer can word it.
public struct FieldProblem: Sendable, Equatable, Codable {
    /// The field as the caller named it, e.g. `postcode`.
    public var field: String
    /// A key of the localisation table, e.g. `postcode.unusedSeries`.
    public var key: String

    public init(field: String, key: String) {
        self.field = field
        self.key = key
    }
}

/// Input that does not satisfy the domain's rules; carries every problem found, not only the first.
public struct ValidationError: Error, Sendable, Equatable {
    public var problems: [FieldProblem]

    public init(_ problems: [FieldProblem]) { self.problems = problems }

    public init(field: String, key: String) { self.problems = [FieldProblem(field: field, key: key)] }
}

/// Collects field problems while a whole form is checked, so a user sees all of them at once.
public struct Validator: Sendable {
    public private(set) var problems: [FieldProblem] = []

    public init() {}

    /// Runs `parse`; records its `ValidationError` under `field` and returns nil instead of throwing.
    public mutating func check<T>(_ field: String, _ parse: () throws -> T) -> T? {
        do {
            return try parse()
        } catch let error as ValidationError {
            problems += error.problems.map { FieldProblem(field: field, key: $0.key) }
        } catch {
            problems.append(FieldProblem(field: field, key: "invalid"))
        }
        return nil
    }

    /// Runs `parse`; records its problems under the fields it named itself and returns nil instead of throwing.
    public mutating func run<T>(_ parse: () throws -> T) -> T? {
        do {
            return try parse()
        } catch let error as ValidationError {
            problems += error.problems
        } catch {
            problems.append(FieldProblem(field: "", key: "invalid"))
        }
        return nil
    }

    public mutating func add(_ field: String, _ key: String) {
        problems.append(FieldProblem(field: field, key: key))
    }

    /// Throws the collected problems, if any.
    public func finish() throws {
        if !problems.isEmpty { throw ValidationError(problems) }
    }
}

/// Failures of the domain that are not input problems.
public enum DomainError: Error, Sendable, Equatable {
    /// The record does not exist, or the caller may not know that it exists.
    case notFound(kind: String)
    /// The access policy refused the action.
    case forbidden(reason: String)
    /// The change conflicts with the current state, e.g. a username that is taken.
    case conflict(key: String)
    /// A state machine refused a transition; names both states.
    case illegalTransition(from: String, to: String)
}
