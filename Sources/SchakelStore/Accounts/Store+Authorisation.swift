import SchakelCore

extension Store {
    /// Account and area administration: for administrators, and for the operator on the server itself
    /// (`schakel user create`, the demo). A refusal is logged.
    func requireAdministrator(_ context: AuditContext, object: String) async throws {
        try await require(context, object: object) { AccessPolicy.canAdministerAccounts($0) }
    }

    /// Keeping the social map and the activity calendar: for the roles that maintain the map, and for the
    /// operator on the server. A refusal is logged.
    func requireMapMaintainer(_ context: AuditContext, object: String) async throws {
        try await require(context, object: object) { AccessPolicy.canMaintainMap($0) }
    }

    private func require(_ context: AuditContext, object: String, _ allowed: (Actor) -> Bool) async throws {
        if context.onServer { return }
        guard let actor = context.actor else { throw DomainError.forbidden(reason: "anonymous") }
        guard allowed(actor) else {
            try await audit.record([AuditEvent(.accessDenied, objects: [object])], context: context)
            throw DomainError.forbidden(reason: "role")
        }
    }
}
