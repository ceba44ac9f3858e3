import SchakelCore
import SchakelRoutes

/// The start page: what this person can do.
public enum HomePages {
    public static func start(_ home: HomePage, context: PageContext) -> PageContent {
        let t = context.t
        var body: [HTMLNode] = [H.p(t("home.role", t.role(home.role)))]
        switch home.role {
        case .policy: body.append(H.p(t("home.policy")))
        case .admin: body.append(H.p(t("home.admin")))
        case .partner: body.append(H.p(t("home.partner")))
        default: break
        }
        if let teams = home.teams {
            body.append(H.h2(t("home.teams")))
            if teams.isEmpty {
                body.append(H.p(t("home.noTeams")))
            } else {
                body.append(
                    H.el(
                        "ul", [],
                        teams.map { team in
                            // Areas by name, as people know them; the code only where the CBS list does not have it.
                            let areas = team.coverage.map { home.areaNames[$0.code] ?? $0.code.description }
                            return H.el(
                                "li", [],
                                [
                                    H.el("strong", [], [H.text(team.name)]),
                                    H.text(
                                        areas.isEmpty ? "" : " — " + t("home.coverage", areas.joined(separator: ", "))
                                    ),
                                ])
                        }))
            }
        }
        body.append(SignalPages.tasks(home.tasks, context: context))
        if let counts = home.signalCounts, !counts.isEmpty {
            body.append(H.h2(t("signal.inbox")))
            body.append(
                H.el(
                    "ul", [],
                    counts.map { count in
                        H.el(
                            "li", [],
                            [
                                H.a(
                                    t("home.signals", count.team.name, count.open),
                                    href: SiteRoute.signals(.inbox).path(query: [("team", count.team.id.description)])
                                ),
                                count.overdue > 0
                                    ? H.el(
                                        "span", [.cls("badge overdue")],
                                        [H.text(" " + t("home.overdue", count.overdue))]
                                    )
                                    : H.group([]),
                            ])
                    }))
        }
        if home.referralInbox != nil || home.referralsSent != nil {
            body.append(H.h2(t("referral.section")))
        }
        if let inbox = home.referralInbox {
            body.append(H.el("p", [], [H.a(t("home.referralInbox"), href: SiteRoute.referrals(.inbox).path())]))
            body.append(ReferralPages.inboxCounts(inbox, t: t))
        }
        if let sent = home.referralsSent, sent.open > 0 {
            body.append(
                H.el(
                    "p", [],
                    [
                        H.a(t("home.referralsSent", sent.open), href: SiteRoute.referrals(.sent).path()),
                        sent.overdue > 0
                            ? H.el("span", [.cls("badge overdue")], [H.text(" " + t("home.overdue", sent.overdue))])
                            : H.group([]),
                    ]))
        }
        if home.canRaiseSignal {
            body.append(
                H.div([.cls("actions")], [H.a(t("signal.new"), href: SiteRoute.signals(.new).path(), [.cls("button")])])
            )
        }
        if let stale = home.staleMapEntries {
            if stale > 0 {
                body.append(
                    H.el(
                        "p", [.cls("notice")],
                        [
                            H.a(
                                t("upkeep.staleNotice", stale),
                                href: SiteRoute.upkeep(.index).path(query: [("verouderd", "1"), ("mijn", "1")]))
                        ]))
            }
            body.append(
                H.div(
                    [.cls("actions")],
                    [H.a(t("upkeep.title"), href: SiteRoute.upkeep(.index).path(), [.cls("button secondary")])]))
        }
        if home.canSearchResidents {
            body.append(ResidentPages.searchForm(label: t("home.findResident"), query: nil, context: context))
        }
        return PageContent(title: t("home.welcome", home.displayName), body: body)
    }
}
