import Foundation
import SchakelCore
import SchakelRoutes
import SchakelStore
import SchakelViews
import Vapor

/// Administration: organisations, teams and the areas they cover, user accounts and neighbourhoods.
/// Only the admin role comes here; it manages accounts and never reads resident files.
enum AdminController {
    /// The logged-in person, once the store has let them into the administration (it decides and logs a
    /// refusal); the store checks each change again.
    static func requireAdmin(_ req: Request) async throws -> Authenticated {
        let authenticated = try req.requireAuthenticated()
        try await req.store.accounts.authorizeAdministration(context: req.auditContext)
        return authenticated
    }

    /// The organisations and teams, and with `users` every account, for the administration pages (a
    /// user's own form lists no accounts).
    static func directory(_ req: Request, users: Bool = true) async throws -> AdminDirectory {
        let accounts = req.store.accounts
        return AdminDirectory(
            organisations: try await accounts.organisations(), teams: try await accounts.teams(),
            users: users ? try await accounts.users() : [])
    }

    static func index(req: Request) async throws -> Response {
        _ = try await requireAdmin(req)
        return req.page(
            AdminPages.overview(
                try await directory(req), context: req.pageContext, problems: [],
                notice: req.query[String.self, at: "ok"].map { _ in req.localizer("common.saved") }))
    }

    struct OrganisationForm: Content {
        var name: String
        var kind: String
    }

    static func createOrganisation(req: Request) async throws -> Response {
        _ = try await requireAdmin(req)
        let form = try req.content.decode(OrganisationForm.self)
        return try await saving(req) {
            guard let kind = OrganisationKind(rawValue: form.kind) else {
                throw ValidationError(field: "kind", key: "invalid")
            }
            _ = try await req.store.accounts.createOrganisation(name: form.name, kind: kind, context: req.auditContext)
        }
    }

    struct TeamForm: Content {
        var name: String
        var organisationID: String?
    }

    static func createTeam(req: Request) async throws -> Response {
        _ = try await requireAdmin(req)
        let form = try req.content.decode(TeamForm.self)
        return try await saving(req) {
            let organisation = form.organisationID?.nonEmpty.flatMap(Organisation.ID.init)
            _ = try await req.store.accounts.createTeam(
                name: form.name, organisationID: organisation, context: req.auditContext)
        }
    }

    struct CoverageForm: Content {
        var code: String
        var year: Int?
        /// `1` once the administrator confirmed removing the area.
        var confirm: String?
    }

    static func addCoverage(req: Request) async throws -> Response {
        _ = try await requireAdmin(req)
        let team = try teamID(req)
        let form = try req.content.decode(CoverageForm.self)
        return try await saving(req) {
            var validator = Validator()
            let code = validator.check("code") { try AreaCode(form.code) }
            let year = form.year ?? 2025
            if !(2000...2100).contains(year) { validator.add("year", "year.outOfRange") }
            try validator.finish()
            try await req.store.accounts.addCoverage(
                .init(code: code!, year: year), to: team, context: req.auditContext)
        }
    }

    static func removeCoverage(req: Request) async throws -> Response {
        _ = try await requireAdmin(req)
        let team = try teamID(req)
        let form = try req.content.decode(CoverageForm.self)
        let code = try ValidationError.rename("code") { try AreaCode(form.code) }
        guard form.confirm == "1" else {
            // Removing an area takes its residents out of the team's view: say so and ask first.
            guard let found = try await req.store.accounts.teams().first(where: { $0.id == team }) else {
                throw DomainError.notFound(kind: "team")
            }
            let name = try await req.store.neighbourhoods.find(code: code)?.name
            return req.page(
                AdminPages.confirmCoverageRemoval(team: found, code: code, name: name, context: req.pageContext))
        }
        return try await saving(req) {
            try await req.store.accounts.removeCoverage(code, from: team, context: req.auditContext)
        }
    }

    struct UserForm: Content {
        var username: String?
        var displayName: String
        var role: String
        var organisationID: String?
        var teamIDs: [String]?
        var password: String?
        var active: String?
    }

    static func createUser(req: Request) async throws -> Response {
        _ = try await requireAdmin(req)
        let form = try req.content.decode(UserForm.self)
        let typed = ["username": form.username ?? "", "displayName": form.displayName]
        return try await saving(req, typed: typed) {
            var validator = Validator()
            let password = form.password ?? ""
            _ = validator.check("password") { try PasswordRule.validate(password) }
            let user = validator.run { try makeUser(from: form, id: req.store.ids(), username: form.username ?? "") }
            try validator.finish()
            let hash = try await req.password.async.hash(password)
            try await req.store.accounts.createUser(user!, passwordHash: hash, context: req.auditContext)
        }
    }

    static func editUser(req: Request) async throws -> Response {
        _ = try await requireAdmin(req)
        guard let id = req.parameters.get("userID").flatMap(User.ID.init),
            let user = try await req.store.accounts.user(id)
        else {
            throw DomainError.notFound(kind: "user")
        }
        return req.page(
            AdminPages.userForm(
                user, directory: try await directory(req, users: false), context: req.pageContext, problems: []))
    }

    static func updateUser(req: Request) async throws -> Response {
        let admin = try await requireAdmin(req)
        guard let id = req.parameters.get("userID").flatMap(User.ID.init),
            let existing = try await req.store.accounts.user(id)
        else {
            throw DomainError.notFound(kind: "user")
        }
        let form = try req.content.decode(UserForm.self)
        do {
            var validator = Validator()
            var user = validator.run { try makeUser(from: form, id: id, username: existing.username) }
            user?.active = form.active == "1"
            if let password = form.password?.nonEmpty {
                _ = validator.check("password") { try PasswordRule.validate(password) }
            }
            // An administrator cannot lock themselves out.
            if id == admin.user.id, user?.active == false || user?.role != .admin {
                validator.add("role", "admin.self")
            }
            try validator.finish()
            try await req.store.accounts.updateUser(user!, context: req.auditContext)
            if let password = form.password?.nonEmpty {
                try await req.store.accounts.setPassword(
                    of: id, passwordHash: try await req.password.async.hash(password), context: req.auditContext)
            }
            return req.redirect(
                to: SiteRoute.admin(.index).path(query: [("ok", "1")], fragment: "gebruikers"), redirectType: .normal)
        } catch let error as ValidationError {
            var shown = existing
            shown.displayName = form.displayName
            return req.page(
                AdminPages.userForm(
                    shown, directory: try await directory(req, users: false), context: req.pageContext,
                    problems: error.problems))
        }
    }

    private static func makeUser(from form: UserForm, id: User.ID, username: String) throws -> User {
        var validator = Validator()
        let role = Role(rawValue: form.role)
        if role == nil { validator.add("role", "invalid") }
        let teams = (form.teamIDs ?? []).compactMap(Team.ID.init)
        if teams.count != (form.teamIDs ?? []).count { validator.add("teamIDs", "team.unknown") }
        let user = validator.run {
            try User(
                id: id, username: username, displayName: form.displayName, role: role ?? .volunteer,
                organisationID: form.organisationID?.nonEmpty.flatMap(Organisation.ID.init), teamIDs: teams)
        }
        try validator.finish()
        return user!
    }

    struct NeighbourhoodForm: Content {
        var code: String
        var name: String
        var year: Int?
    }

    static func neighbourhoods(req: Request) async throws -> Response {
        _ = try await requireAdmin(req)
        let page = try await req.store.neighbourhoods.list(
            page: try Paging(page: try? req.query.get(Int.self, at: "page"), perPage: 50))
        return req.page(AdminPages.neighbourhoods(page, context: req.pageContext, problems: []))
    }

    static func addNeighbourhood(req: Request) async throws -> Response {
        _ = try await requireAdmin(req)
        let form = try req.content.decode(NeighbourhoodForm.self)
        do {
            let code = try ValidationError.rename("code") { try AreaCode(form.code) }
            let neighbourhood = try Neighbourhood(
                id: req.store.ids(), code: code, name: form.name, year: form.year ?? 2025)
            try await req.store.neighbourhoods.add([neighbourhood], context: req.auditContext)
            return req.redirect(to: SiteRoute.admin(.neighbourhoods).path(), redirectType: .normal)
        } catch let error as ValidationError {
            let page = try await req.store.neighbourhoods.list(page: try Paging(perPage: 50))
            let response = req.page(AdminPages.neighbourhoods(page, context: req.pageContext, problems: error.problems))
            response.status = .unprocessableEntity
            return response
        }
    }

    /// Runs a change; on invalid input shows the overview again with the problems.
    /// Saves, or shows the overview again with the problem at its field and what was typed kept.
    private static func saving(_ req: Request, typed: [String: String] = [:], _ change: () async throws -> Void)
        async throws -> Response
    {
        do {
            try await change()
            return req.redirect(to: SiteRoute.admin(.index).path(query: [("ok", "1")]), redirectType: .normal)
        } catch let error as ValidationError {
            let response = req.page(
                AdminPages.overview(
                    try await directory(req), context: req.pageContext, problems: error.problems, notice: nil,
                    typed: typed))
            response.status = .unprocessableEntity
            return response
        } catch DomainError.conflict(let key) {
            let field = conflictFields[key] ?? "name"
            let response = req.page(
                AdminPages.overview(
                    try await directory(req), context: req.pageContext,
                    problems: [FieldProblem(field: field, key: key)], notice: nil, typed: typed))
            response.status = .conflict
            return response
        }
    }

    /// Which field of the overview's forms a conflict is about.
    static let conflictFields = [
        "user.usernameTaken": "username", "team.nameTaken": "name", "organisation.nameTaken": "name",
        "team.coverageExists": "code",
    ]

    private static func teamID(_ req: Request) throws -> Team.ID {
        guard let id = req.parameters.get("teamID").flatMap(Team.ID.init) else {
            throw DomainError.notFound(kind: "team")
        }
        return id
    }
}
