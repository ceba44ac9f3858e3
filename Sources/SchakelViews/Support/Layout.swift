import SchakelCore
import SchakelRoutes

/// The common layout: header, menu, language switch and the page's own body.
public enum Layout {
    /// The whole HTML document of a page.
    public static func document(_ page: PageContent, context: PageContext) -> String {
        let t = context.t
        var document = "<!DOCTYPE html><html lang=\"\(context.language.rawValue)\"><head><meta charset=\"UTF-8\"/>"
        document.reserveCapacity(16_384)
        document += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>"
        document += H.escape("\(page.title) · \(t("app.name"))")
        document += "</title><link rel=\"stylesheet\" href=\"/app.css\" type=\"text/css\"/></head><body>"
        H.a(t("nav.skip"), href: "#inhoud", [.cls("skip")]).render(into: &document)
        header(context: context, t: t).render(into: &document)
        H.el("main", [.id("inhoud")], [H.h1(page.title)] + page.body).render(into: &document)
        document += "</body></html>"
        return document
    }

    private static func header(context: PageContext, t: Localizer) -> HTMLNode {
        var links: [HTMLNode] = []
        if let viewer = context.viewer {
            links.append(navLink(t("nav.home"), SiteRoute.home.path()))
            for section in viewer.sections {
                switch section {
                case .rounds: links.append(navLink(t("nav.rounds"), SiteRoute.rounds(.index).path()))
                case .residents: links.append(navLink(t("nav.residents"), SiteRoute.residents(.index).path()))
                case .signals: links.append(navLink(t("nav.signals"), SiteRoute.signals(.inbox).path()))
                case .referrals: links.append(navLink(t("nav.referrals"), SiteRoute.referrals(.inbox).path()))
                case .outOfView: links.append(navLink(t("nav.outOfView"), SiteRoute.outOfView(.list).path()))
                case .addresses: links.append(navLink(t("nav.addresses"), SiteRoute.addresses(.index).path()))
                case .map: links.append(navLink(t("nav.map"), SiteRoute.map.path()))
                case .admin:
                    links.append(navLink(t("nav.admin"), SiteRoute.admin(.index).path()))
                    links.append(navLink(t("nav.audit"), SiteRoute.admin(.audit).path()))
                }
            }
        } else {
            links.append(navLink(t("nav.map"), SiteRoute.map.path()))
            links.append(navLink(t("nav.login"), SiteRoute.login.path()))
        }
        let switchTo: Language = context.language == .nl ? .en : .nl
        var tools: [HTMLNode] = [
            H.a(
                t("nav.language"),
                href: SiteRoute.language.path(query: [("lang", switchTo.rawValue), ("back", context.path)]),
                [Attr(name: "lang", value: switchTo.rawValue)])
        ]
        if let viewer = context.viewer {
            tools.append(H.el("span", [.cls("who")], [H.text(viewer.displayName)]))
            tools.append(
                Forms.post(
                    action: SiteRoute.logout.path(), context: context, [.cls("inline")],
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
