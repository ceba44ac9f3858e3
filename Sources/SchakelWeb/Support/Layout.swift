import SchakelCore
import SchakelRoutes
import Vapor

/// A page to render inside the common layout.
struct PageContent {
    var title: String
    var body: [HTMLNode]
    var status: HTTPResponseStatus = .ok
}

enum Layout {
    /// Renders a page with header, navigation and language switch; always `text/html; charset=utf-8`.
    static func response(_ page: PageContent, request: Request) -> Response {
        let t = request.localizer
        let authenticated = request.authenticated
        var document = "<!DOCTYPE html><html lang=\"\(request.language.rawValue)\"><head><meta charset=\"UTF-8\"/>"
        document.reserveCapacity(16_384)
        document += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>"
        document += H.escape("\(page.title) · \(t("app.name"))")
        document += "</title><link rel=\"stylesheet\" href=\"/app.css\" type=\"text/css\"/></head><body>"
        H.a(t("nav.skip"), href: "#inhoud", [.cls("skip")]).render(into: &document)
        header(request: request, authenticated: authenticated, t: t).render(into: &document)
        H.el("main", [.id("inhoud")], [H.h1(page.title)] + page.body).render(into: &document)
        document += "</body></html>"
        let response = Response(status: page.status)
        response.headers.contentType = .html
        response.body = .init(string: document)
        return response
    }

    private static func header(request: Request, authenticated: Authenticated?, t: Localizer) -> HTMLNode {
        var links: [HTMLNode] = []
        if let authenticated {
            let actor = authenticated.actor
            links.append(navLink(t("nav.home"), SiteRoute.home.path()))
            for section in AccessPolicy.sections(for: actor) {
                switch section {
                case .rounds: links.append(navLink(t("nav.rounds"), SiteRoute.rounds(.index).path()))
                case .residents: links.append(navLink(t("nav.residents"), SiteRoute.residents(.index).path()))
                case .signals: links.append(navLink(t("nav.signals"), SiteRoute.signals(.inbox).path()))
                case .outOfView: links.append(navLink(t("nav.outOfView"), SiteRoute.outOfView(.list).path()))
                case .addresses: links.append(navLink(t("nav.addresses"), SiteRoute.addresses(.index).path()))
                case .map: links.append(navLink(t("nav.map"), SiteRoute.map.path()))
                case .admin:
                    links.append(navLink(t("nav.admin"), SiteRoute.admin(.index).path()))
                    links.append(navLink(t("nav.audit"), SiteRoute.admin(.audit).path()))
                }
            }
        }
        if authenticated == nil {
            links.append(navLink(t("nav.map"), SiteRoute.map.path()))
            links.append(navLink(t("nav.login"), SiteRoute.login.path()))
        }
        let switchTo: Language = request.language == .nl ? .en : .nl
        var tools: [HTMLNode] = [
            H.a(
                t("nav.language"),
                href:
                    SiteRoute.language.path(query: [("lang", switchTo.rawValue), ("back", request.url.path)]),
                [Attr(name: "lang", value: switchTo.rawValue)])
        ]
        if let authenticated {
            tools.append(H.el("span", [.cls("who")], [H.text(authenticated.user.displayName)]))
            tools.append(
                Forms.post(
                    action: SiteRoute.logout.path(), request: request, [.cls("inline")],
                    [
                        H.el("button", [.type("submit"), .cls("link")], [H.text(t("nav.logout"))])
                    ]))
        }
        return H.el(
            "header", [.cls("site")],
            [
                H.a(t("app.name"), href: SiteRoute.home.path(), [.cls("brand")]),
                H.el("nav", [.aria("label", t("nav.menu"))], [H.el("ul", [], links)]),
                H.div([.cls("tools")], tools),
            ])
    }

    private static func navLink(_ title: String, _ href: String) -> HTMLNode {
        H.el("li", [], [H.a(title, href: href)])
    }
}

/// Form building blocks with labels, errors and the CSRF token.
enum Forms {
    /// A POST form that carries the request's CSRF token.
    static func post(action: String, request: Request, _ attributes: [Attr?] = [], _ children: [HTMLNode]) -> HTMLNode {
        H.el(
            "form", [Attr(name: "method", value: "post"), Attr(name: "action", value: action)] + attributes,
            [H.void("input", [.type("hidden"), .name("_csrf"), .value(request.csrfToken)])] + children)
    }

    /// The id of a field's input: `f-NAME`, or `f-NAME-SCOPE` when one page repeats the form (one per stop,
    /// per resident, per delivery), so each label points at its own input.
    static func inputID(_ name: String, scope: String?) -> String {
        scope.map { "f-\(name)-\($0)" } ?? "f-\(name)"
    }

    /// A labelled text input with its problems shown beneath it.
    static func field(
        _ name: String, label: String, value: String?, type: String = "text", required: Bool = false,
        problems: [FieldProblem] = [], t: Localizer, autocomplete: String? = nil, hint: String? = nil,
        markOptional: Bool = true, scope: String? = nil, extra: [Attr?] = []
    ) -> HTMLNode {
        let mine = problems.filter { $0.field == name }
        let inputID = inputID(name, scope: scope)
        var children: [HTMLNode] = [
            H.el(
                "label", [.for(inputID)],
                [H.text(label + (required || !markOptional ? "" : " " + t("common.optional")))])
        ]
        if let hint { children.append(H.el("small", [.id("\(inputID)-hint")], [H.text(hint)])) }
        let describedBy = (hint == nil ? [] : ["\(inputID)-hint"]) + (mine.isEmpty ? [] : ["\(inputID)-error"])
        children.append(
            H.void(
                "input",
                [
                    .type(type), .name(name), .id(inputID), .value(value), Attr.flag("required", required),
                    autocomplete.map { Attr(name: "autocomplete", value: $0) },
                    mine.isEmpty ? nil : .aria("invalid", "true"),
                    describedBy.isEmpty ? nil : .aria("describedby", describedBy.joined(separator: " ")),
                ] + extra))
        if !mine.isEmpty {
            children.append(
                H.el(
                    "p", [.cls("field-error"), .id("\(inputID)-error")],
                    [H.text(mine.map { t.problem($0) }.joined(separator: "; "))]))
        }
        return H.div([.cls(mine.isEmpty ? "field" : "field invalid")], children)
    }

    /// A labelled select; `options` are value and label pairs.
    static func select(
        _ name: String, label: String, options: [(String, String)], selected: String?, problems: [FieldProblem] = [],
        t: Localizer, scope: String? = nil
    ) -> HTMLNode {
        let mine = problems.filter { $0.field == name }
        let inputID = inputID(name, scope: scope)
        return H.div(
            [.cls(mine.isEmpty ? "field" : "field invalid")],
            [
                H.el("label", [.for(inputID)], [H.text(label)]),
                H.el(
                    "select", [.name(name), .id(inputID)],
                    options.map { value, text in
                        H.el("option", [.value(value), Attr.flag("selected", value == selected)], [H.text(text)])
                    }),
            ]
                + (mine.isEmpty
                    ? []
                    : [H.el("p", [.cls("field-error")], [H.text(mine.map { t.problem($0) }.joined(separator: "; "))])]))
    }

    /// One checkbox sending `1` when ticked, e.g. a filter such as "Alleen gratis".
    static func check(_ name: String, label: String, on: Bool) -> HTMLNode {
        H.el(
            "label", [.cls("check")],
            [
                H.void("input", [.type("checkbox"), .name(name), .value("1"), Attr.flag("checked", on)]),
                H.text(" " + label),
            ])
    }

    /// Checkboxes sharing one array-valued name.
    static func checkboxes(_ name: String, legend: String, options: [(String, String)], checked: Set<String>)
        -> HTMLNode
    {
        H.el(
            "fieldset", [.cls("checks")],
            [H.el("legend", [], [H.text(legend)])]
                + options.map { value, text in
                    H.el(
                        "label", [.cls("check")],
                        [
                            H.void(
                                "input",
                                [
                                    .type("checkbox"), .name(name + "[]"), .value(value),
                                    Attr.flag("checked", checked.contains(value)),
                                ]),
                            H.text(" " + text),
                        ])
                })
    }

    /// A table with a header row.
    static func table(headers: [String], rows: [[HTMLNode]]) -> HTMLNode {
        H.div(
            [.cls("table-wrap")],
            [
                H.el(
                    "table", [],
                    [
                        H.el(
                            "thead", [],
                            [
                                H.el(
                                    "tr", [],
                                    headers.map { H.el("th", [Attr(name: "scope", value: "col")], [H.text($0)]) })
                            ]),
                        H.el("tbody", [], rows.map { cells in H.el("tr", [], cells.map { H.el("td", [], [$0]) }) }),
                    ])
            ])
    }

    static func textarea(
        _ name: String, label: String, value: String?, problems: [FieldProblem], t: Localizer,
        markOptional: Bool = true,
        scope: String? = nil
    ) -> HTMLNode {
        let mine = problems.filter { $0.field == name }
        let inputID = inputID(name, scope: scope)
        return H.div(
            [.cls(mine.isEmpty ? "field" : "field invalid")],
            [
                H.el("label", [.for(inputID)], [H.text(label + (markOptional ? " " + t("common.optional") : ""))]),
                H.el("textarea", [.name(name), .id(inputID), Attr(name: "rows", value: "3")], [H.text(value ?? "")]),
            ]
                + (mine.isEmpty
                    ? []
                    : [H.el("p", [.cls("field-error")], [H.text(mine.map { t.problem($0) }.joined(separator: "; "))])]))
    }

    /// The summary at the top of a form that did not save: every problem, linked to its field.
    static func errorSummary(_ problems: [FieldProblem], t: Localizer) -> HTMLNode {
        guard !problems.isEmpty else { return H.group([]) }
        return H.div(
            [.cls("error-summary"), Attr(name: "role", value: "alert")],
            [
                H.p(t("common.formErrors")),
                H.el(
                    "ul", [],
                    problems.map { problem in
                        H.el(
                            "li", [],
                            [H.a("\(t.field(problem.field)) \(t.problem(problem))", href: "#f-\(problem.field)")])
                    }),
            ])
    }

    static func submit(_ title: String) -> HTMLNode {
        H.el("button", [.type("submit")], [H.text(title)])
    }

    /// Previous and next links for a paged list.
    static func pager<T>(_ page: Paged<T>, path: String, t: Localizer) -> HTMLNode {
        guard page.pageCount > 1 else { return H.p(t("common.total", page.total), [.cls("muted")]) }
        var items: [HTMLNode] = []
        let separator = path.contains("?") ? "&" : "?"
        if page.page > 1 {
            items.append(
                H.a(
                    t("common.previous"), href: "\(path)\(separator)page=\(page.page - 1)",
                    [Attr(name: "rel", value: "prev")]))
        }
        items.append(
            H.el(
                "span", [],
                [H.text(t("common.page", page.page, page.pageCount) + " · " + t("common.total", page.total))]))
        if page.page < page.pageCount {
            items.append(
                H.a(
                    t("common.next"), href: "\(path)\(separator)page=\(page.page + 1)",
                    [Attr(name: "rel", value: "next")]))
        }
        return H.el("nav", [.cls("pager")], items)
    }
}

enum ErrorPage {
    static func response(_ description: ErrorDescription, request: Request) -> Response {
        let t = request.localizer
        var body: [HTMLNode] = [H.p(description.title(t))]
        if !description.problems.isEmpty {
            body.append(
                H.el(
                    "ul", [],
                    description.problems.map { H.el("li", [], [H.text("\(t.field($0.field)) \(t.problem($0))")]) }))
        }
        body.append(H.p("", []))
        body.append(H.a(t("error.home"), href: SiteRoute.home.path()))
        let response = Layout.response(
            PageContent(title: t("error.title"), body: body, status: description.status), request: request)
        for (name, value) in description.headers { response.headers.replaceOrAdd(name: name, value: value) }
        return response
    }
}
