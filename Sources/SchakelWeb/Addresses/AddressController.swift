import Foundation
import SchakelCore
import SchakelRoutes
import SchakelStore
import SchakelViews
import Vapor

/// The address register on the web: list by postcode, add, change, and import a CSV file.
enum AddressController {
    /// Where a CSV file is uploaded, and how large it may be.
    static let importPath = SiteRoute.addresses(.importFile).path()
    static let importBodyLimit: ByteCount = "20mb"

    static func requireManager(_ req: Request, _ event: AuditAction) async throws {
        _ = try req.requireAuthenticated()
        try await req.store.addresses.requireManager(req.auditContext, event: event)
    }

    static func index(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let paging = try Paging(page: try? req.query.get(Int.self, at: "page"), perPage: 50)
        let text = (try? req.query.get(String.self, at: "postcode"))?.nonEmpty
        var problems: [FieldProblem] = []
        var postcode: Postcode?
        if let text {
            do { postcode = try Postcode(text) } catch let error as ValidationError { problems = error.problems }
        }
        let page =
            problems.isEmpty
            ? try await req.store.addresses.list(page: paging, postcode: postcode, context: req.auditContext)
            : Paged(items: [], page: 1, perPage: 50, total: 0)
        return req.page(AddressPages.list(page, postcode: text, problems: problems, context: req.pageContext))
    }

    static func new(req: Request) async throws -> Response {
        try await requireManager(req, .addressCreate)
        return req.page(
            AddressPages.form(
                AddressInput(postcode: "", houseNumber: "", street: "", place: "Amersfoort"), id: nil, problems: [],
                context: req.pageContext))
    }

    static func create(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let input = try req.content.decode(AddressInput.self)
        do {
            _ = try await req.store.addresses.create(input, context: req.auditContext)
            return req.redirect(
                to: SiteRoute.addresses(.index).path(query: [("postcode", (try? Postcode(input.postcode).value) ?? "")]
                ),
                redirectType: .normal)
        } catch let error as ValidationError {
            return req.page(AddressPages.form(input, id: nil, problems: error.problems, context: req.pageContext))
        }
    }

    static func edit(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let id = try addressID(req)
        guard let a = try await req.store.addresses.find(id, context: req.auditContext) else {
            throw DomainError.notFound(kind: "address")
        }
        let input = AddressInput(
            postcode: a.postcode.description, houseNumber: String(a.houseNumber.number),
            houseLetter: a.houseNumber.letter,
            houseNumberAddition: a.houseNumber.addition, street: a.street, place: a.place,
            latitude: a.coordinate.map { String($0.latitude) },
            longitude: a.coordinate.map { String($0.longitude) }, buurtCode: a.buurtCode?.description)
        return req.page(AddressPages.form(input, id: id, problems: [], context: req.pageContext))
    }

    static func update(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let id = try addressID(req)
        let input = try req.content.decode(AddressInput.self)
        do {
            let address = try await req.store.addresses.update(id, with: input, context: req.auditContext)
            return req.redirect(
                to: SiteRoute.addresses(.index).path(query: [("postcode", address.postcode.value)]),
                redirectType: .normal)
        } catch let error as ValidationError {
            return req.page(AddressPages.form(input, id: id, problems: error.problems, context: req.pageContext))
        }
    }

    static func importForm(req: Request) async throws -> Response {
        try await requireManager(req, .addressImport)
        return req.page(AddressPages.importPage(report: nil, fileProblems: [], context: req.pageContext))
    }

    struct ImportForm: Content {
        var file: File
    }

    /// Imports an uploaded CSV all or nothing, and shows every rejected line.
    static func importFile(req: Request) async throws -> Response {
        try await requireManager(req, .addressImport)
        let form = try req.content.decode(ImportForm.self)
        guard let text = form.file.data.getString(at: form.file.data.readerIndex, length: form.file.data.readableBytes)
        else {
            return req.page(
                AddressPages.importPage(
                    report: nil, fileProblems: [FieldProblem(field: "file", key: "csv.notUTF8")],
                    context: req.pageContext))
        }
        do {
            let rows = try AddressCSV.parse(text)
            let report = try await req.store.addresses.importRows(rows, context: req.auditContext)
            return req.page(AddressPages.importPage(report: report, fileProblems: [], context: req.pageContext))
        } catch let error as ValidationError {
            return req.page(
                AddressPages.importPage(report: nil, fileProblems: error.problems, context: req.pageContext))
        }
    }

    private static func addressID(_ req: Request) throws -> Address.ID {
        guard let id = req.parameters.get("addressID").flatMap(Address.ID.init) else {
            throw DomainError.notFound(kind: "address")
        }
        return id
    }
}
