import SchakelCore

/// Form building blocks with labels, errors and the CSRF token.
public enum Forms {
    /// A POST form that carries the request's CSRF token.
    public static func post(action: String, context: PageContext, _ attributes: [Attr?] = [], _ children: [HTMLNode])
        -> HTMLNode
    {
        H.el(
            "form", [Attr(name: "method", value: "post"), Attr(name: "action", value: action)] + attributes,
            [H.void("input", [.type("hidden"), .name("_csrf"), .value(context.csrfToken)])] + children)
    }

    /// The id of a field's input: `f-NAME`, or `f-NAME-SCOPE` when one page repeats the form (one per stop,
    /// per resident, per delivery), so each label points at its own input.
    public static func inputID(_ name: String, scope: String?) -> String {
        scope.map { "f-\(name)-\($0)" } ?? "f-\(name)"
    }

    /// A labelled text input with its problems shown beneath it.
    public static func field(
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
    public static func select(
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
    public static func check(_ name: String, label: String, on: Bool) -> HTMLNode {
        H.el(
            "label", [.cls("check")],
            [
                H.void("input", [.type("checkbox"), .name(name), .value("1"), Attr.flag("checked", on)]),
                H.text(" " + label),
            ])
    }

    /// Checkboxes sharing one array-valued name.
    public static func checkboxes(_ name: String, legend: String, options: [(String, String)], checked: Set<String>)
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
    public static func table(headers: [String], rows: [[HTMLNode]]) -> HTMLNode {
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

    public static func textarea(
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
    public static func errorSummary(_ problems: [FieldProblem], t: Localizer) -> HTMLNode {
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

    public static func submit(_ title: String) -> HTMLNode {
        H.el("button", [.type("submit")], [H.text(title)])
    }

    /// Previous and next links for a paged list.
    public static func pager<T>(_ page: Paged<T>, path: String, t: Localizer) -> HTMLNode {
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
