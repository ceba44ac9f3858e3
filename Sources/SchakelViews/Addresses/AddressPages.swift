import Foundation
import SchakelCore
import SchakelRoutes

public enum AddressPages {
    public static func list(_ page: Paged<Address>, postcode: String?, problems: [FieldProblem], context: PageContext)
        -> PageContent
    {
        let t = context.t
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
                path: SiteRoute.addresses(.index).path(query: postcode.map { [("postcode", $0)] } ?? []), t: t))
        return PageContent(
            title: t("addresses.title"), body: body, status: problems.isEmpty ? .ok : .unprocessableEntity)
    }

    public static func form(_ input: AddressInput, id: Address.ID?, problems: [FieldProblem], context: PageContext)
        -> PageContent
    {
        let t = context.t
        let body: [HTMLNode] = [
            Forms.errorSummary(problems, t: t),
            Forms.post(
                action: id.map { SiteRoute.addresses(.update(.value($0))).path() }
                    ?? SiteRoute.addresses(.index).path(), context: context,
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
        return PageContent(
            title: t(id == nil ? "addresses.new" : "addresses.edit"), body: body,
            status: problems.isEmpty ? .ok : .unprocessableEntity)
    }

    public static func importPage(report: AddressImportReport?, fileProblems: [FieldProblem], context: PageContext)
        -> PageContent
    {
        let t = context.t
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
        var status: PageStatus = .ok
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
                    H.void("input", [.type("hidden"), .name("_csrf"), .value(context.csrfToken)]),
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
        return PageContent(title: t("addresses.import"), body: body, status: status)
    }
}
