import SchakelCore
import SchakelRoutes

/// The login page.
public enum LoginPages {
    /// The form, with the name typed kept and a message above it (an error, or e.g. "uitgelogd").
    public static func login(username: String, message: String?, isError: Bool, context: PageContext) -> PageContent {
        let t = context.t
        var body: [HTMLNode] = [H.p(t("login.intro"))]
        if let message {
            body.append(
                H.p(
                    message,
                    [
                        .cls(isError ? "notice error" : "notice"),
                        Attr(name: "role", value: isError ? "alert" : "status"),
                    ]))
        }
        body.append(
            Forms.post(
                action: SiteRoute.login.path(), context: context, [.cls("stacked")],
                [
                    Forms.field(
                        "username", label: t("login.username"), value: username, required: true, t: t,
                        autocomplete: "username", extra: [Attr(name: "autocapitalize", value: "none")]),
                    Forms.field(
                        "password", label: t("login.password"), value: nil, type: "password", required: true, t: t,
                        autocomplete: "current-password"),
                    Forms.submit(t("login.submit")),
                ]))
        return PageContent(title: t("login.title"), body: body)
    }
}
