import SchakelCore

/// A repository working for someone: reads and changes are done as, and checked for, the context's actor.
protocol ActingRepository {
    var context: AuditContext { get }
}

extension ActingRepository {
    /// The logged-in person; anonymous callers are refused.
    var actor: Actor {
        get throws {
            guard let actor = context.actor else { throw DomainError.forbidden(reason: "anonymous") }
            return actor
        }
    }
}
