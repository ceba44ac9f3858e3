import Foundation
import SchakelCore
import SchakelRoutes
import SchakelStore
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
        return AddressPages.list(page, postcode: text, problems: problems, request: req)
    }

    static func new(req: Request) async throws -> Response {
        try await requireManager(req, .addressCreate)
        return AddressPages.form(
            AddressInput(postcode: "", houseNumber: "", street: "", place: "Amersfoort"), id: nil, problems: [],
            request: req)
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
            return AddressPages.form(input, id: nil, problems: error.problems, request: req)
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
        return AddressPages.form(input, id: id, problems: [], request: req)
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
            return AddressPages.form(input, id: id, problems: error.problems, request: req)
        }
    }

    static func importForm(req: Request) async throws -> Response {
        try await requireManager(req, .addressImport)
        return AddressPages.importPage(report: nil, fileProblems: [], request: req)
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
            return AddressPages.importPage(
                report: nil, fileProblems: [FieldProblem(field: "file", key: "csv.notUTF8")], request: req)
        }
        do {
            let rows = try AddressCSV.parse(text)
            let report = try await req.store.addresses.importRows(rows, context: req.auditContext)
            return AddressPages.importPage(report: report, fileProblems: [], request: req)
        } catch let error as ValidationError {
            return AddressPages.importPage(report: nil, fileProblems: error.problems, request: req)
        }
    }

    private static func addressID(_ req: Request) throws -> Address.ID {
        guard let id = req.parameters.get("addressID").flatMap(Address.ID.init) else {
            throw DomainError.notFound(kind: "address")
        }
        return id
    }
}

enum AddressPages {
    static func list(_ page: Paged<Address>, postcode: String?, problems: [FieldProblem], request: Request) -> Response
    {
        let t = request.localizer
        var body: [HTMLNode] = [
            H.el(
                "form",
                [
                    Attr(name: "method", value: "get"), Attr(name: "action", value: SiteRoute.addresses(.index).path()),
                    .cls("search"),
                ],
                [
                    Forms.field(
                        "postcode", label: t("field.postcode"), value: postcode, problems: problems, t: t,
                        markOptional: false),
                    Forms.submit(t("common.search")),
                ]),
            H.div(
                [.cls("actions")],
                [
                    H.a(t("addresses.new"), href: SiteRoute.addresses(.new).path(), [.cls("button")]),
                    H.a(
                        t("addresses.import"), href: SiteRoute.addresses(.importFile).path(), [.cls("button secondary")]
                    ),
                ]),
        ]
        if page.items.isEmpty {
            body.append(H.p(t("addresses.empty"), [.cls("empty")]))
        } else {
            body.append(
                Forms.table(
                    headers: [t("field.address"), t("field.buurtCode"), ""],
                    rows: page.items.map { address in
                        [
                            H.text(address.singleLine), H.text(address.buurtCode?.description ?? "—"),
                            H.a(t("resident.edit"), href: SiteRoute.addresses(.edit(.value(address.id))).path()),
                        ]
                    }))
        }
        body.append(
            Forms.pager(
                page,
                path: SiteRoute.addresses(.index).path()
                    + (postcode.map {
                        "?postcode=\($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
                    } ?? ""), t: t))
        return Layout.response(
            PageContent(title: t("addresses.title"), body: body, status: problems.isEmpty ? .ok : .unprocessableEntity),
            request: request)
    }

    static func form(_ input: AddressInput, id: Address.ID?, problems: [FieldProblem], request: Request) -> Response {
        let t = request.localizer
        let body: [HTMLNode] = [
            Forms.errorSummary(problems, t: t),
            Forms.post(
                action: id.map { SiteRoute.addresses(.update(.value($0))).path() }
                    ?? SiteRoute.addresses(.index).path(), request: request,
                [.cls("stacked"), Attr(name: "novalidate", value: nil)],
                [
                    Forms.field(
                        "postcode", label: t("field.postcode"), value: input.postcode, required: true,
                        problems: problems, t: t),
                    Forms.field(
                        "houseNumber", label: t("field.houseNumber"), value: input.houseNumber, required: true,
                        problems: problems, t: t, extra: [Attr(name: "inputmode", value: "numeric")]),
                    Forms.field(
                        "houseLetter", label: t("field.houseLetter"), value: input.houseLetter, problems: problems, t: t
                    ),
                    Forms.field(
                        "houseNumberAddition", label: t("field.houseNumberAddition"), value: input.houseNumberAddition,
                        problems: problems, t: t),
                    Forms.field(
                        "street", label: t("field.street"), value: input.street, required: true, problems: problems,
                        t: t),
                    Forms.field(
                        "place", label: t("field.place"), value: input.place, required: true, problems: problems, t: t),
                    Forms.field(
                        "latitude", label: t("field.latitude"), value: input.latitude,
                        problems: problems
                            + problems.filter { $0.field == "coordinate" }.map {
                                FieldProblem(field: "latitude", key: $0.key)
                            }, t: t, extra: [Attr(name: "inputmode", value: "decimal")]),
                    Forms.field(
                        "longitude", label: t("field.longitude"), value: input.longitude, problems: problems, t: t,
                        extra: [Attr(name: "inputmode", value: "decimal")]),
                    Forms.field(
                        "buurtCode", label: t("field.buurtCode"), value: input.buurtCode, problems: problems, t: t,
                        hint: "BU03070902"),
                    Forms.submit(t("common.save")),
                ]),
        ]
        return Layout.response(
            PageContent(
                title: t(id == nil ? "addresses.new" : "addresses.edit"), body: body,
                status: problems.isEmpty ? .ok : .unprocessableEntity), request: request)
    }

    static func importPage(report: AddressRepository.ImportReport?, fileProblems: [FieldProblem], request: Request)
        -> Response
    {
        let t = request.localizer
        var body: [HTMLNode] = [
            H.p(t("addresses.importIntro")),
            H.el(
                "pre", [],
                [
                    H.text(
                        "postcode;huisnummer;huisletter;toevoeging;straat;plaats;lat;lon;buurtcode\n3822AB;12;;;Elly Takmastraat;Amersfoort;52.1795;5.4071;BU03070900"
                    )
                ]),
        ]
        var status: HTTPResponseStatus = .ok
        if !fileProblems.isEmpty {
            status = .unprocessableEntity
            body.append(
                H.div(
                    [.cls("error-summary"), Attr(name: "role", value: "alert")],
                    [
                        H.p(t("addresses.importFailed")),
                        H.el(
                            "ul", [],
                            fileProblems.map { H.el("li", [], [H.text("\(t.field($0.field)): \(t.problem($0))")]) }),
                    ]))
        }
        if let report {
            if report.succeeded {
                body.append(
                    H.p(
                        t("addresses.importDone", report.created, report.updated),
                        [.cls("notice"), Attr(name: "role", value: "status")]))
            } else {
                status = .unprocessableEntity
                body.append(
                    H.div(
                        [.cls("error-summary"), Attr(name: "role", value: "alert")],
                        [
                            H.p(t("addresses.importRejected", report.rejected.count)),
                            H.el(
                                "ul", [],
                                report.rejected.prefix(500).map { rejection in
                                    H.el(
                                        "li", [],
                                        [
                                            H.text(
                                                t("addresses.line", rejection.line) + ": "
                                                    + rejection.problems.map { "\(t.field($0.field)) \(t.problem($0))" }
                                                    .joined(separator: "; "))
                                        ])
                                }),
                        ]))
            }
        }
        body.append(
            H.el(
                "form",
                [
                    Attr(name: "method", value: "post"),
                    Attr(name: "action", value: SiteRoute.addresses(.importFile).path()),
                    Attr(name: "enctype", value: "multipart/form-data"), .cls("stacked"),
                ],
                [
                    H.void("input", [.type("hidden"), .name("_csrf"), .value(request.csrfToken)]),
                    H.div(
                        [.cls("field")],
                        [
                            H.el("label", [.for("f-file")], [H.text(t("field.file"))]),
                            H.void(
                                "input",
                                [
                                    .type("file"), .name("file"), .id("f-file"),
                                    Attr(name: "accept", value: ".csv,text/csv"), Attr.flag("required"),
                                ]),
                        ]),
                    Forms.submit(t("addresses.import")),
                ]))
        return Layout.response(PageContent(title: t("addresses.import"), body: body, status: status), request: request)
    }
}
