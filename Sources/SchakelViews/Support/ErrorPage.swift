import SchakelCore
import SchakelRoutes

/// The page of an error: its title, the problems with what was sent, and the way home.
public enum ErrorPage {
    public static func content(title: String, problems: [FieldProblem], status: PageStatus, t: Localizer)
        -> PageContent
    {
        var body: [HTMLNode] = [H.p(title)]
        if !problems.isEmpty {
            body.append(
                H.el("ul", [], problems.map { H.el("li", [], [H.text("\(t.field($0.field)) \(t.problem($0))")]) }))
        }
        body.append(H.p("", []))
        body.append(H.a(t("error.home"), href: SiteRoute.home.path()))
        return PageContent(title: t("error.title"), body: body, status: status)
    }
}
