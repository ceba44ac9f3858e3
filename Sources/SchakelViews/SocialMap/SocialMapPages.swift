import Foundation
import SchakelCore
import SchakelRoutes

/// The pages of the social map: readable on a phone, printable, with no personal data.
public enum SocialMapPages {
    public static func search(
        form: MapSearchForm, results: Paged<MapHit>, partial: Bool = false, terms: [MapService.Term],
        wijken: [Neighbourhood], problems: [FieldProblem], now: Date, context: PageContext
    ) -> PageContent {
        let t = context.t
        var body: [HTMLNode] = [
            H.p(t("map.intro"), [.cls("muted")]),
            H.el("p", [.cls("no-print")], [H.a(t("activity.title"), href: SiteRoute.activities.path())]),
            Forms.errorSummary(problems, t: t),
        ]
        let languages = ServiceDraft.languageNames.sorted { $0.value < $1.value }
        body.append(
            H.el(
                "form",
                [
                    Attr(name: "method", value: "get"), Attr(name: "action", value: SiteRoute.map.path()),
                    .cls("filters map-search"),
                    Attr(name: "role", value: "search"),
                ],
                [
                    Forms.field(
                        "q", label: t("map.query"), value: form.q, type: "search", t: t, hint: t("map.queryHint"),
                        markOptional: false),
                    Forms.select(
                        "soort", label: t("map.term"),
                        options: [("", t("common.all"))] + terms.map { ($0.id, $0.name) }, selected: form.soort, t: t),
                    Forms.select(
                        "wijk", label: t("map.wijk"),
                        options: [("", t("map.everywhere"))] + wijken.map { ($0.code.description, $0.name) },
                        selected: form.wijk, problems: problems, t: t),
                    Forms.select(
                        "taal", label: t("map.language"),
                        options: [("", t("common.all"))] + languages.map { ($0.key, $0.value) }, selected: form.taal,
                        t: t),
                    Forms.field(
                        "postcode", label: t("map.postcode"), value: form.postcode, problems: problems, t: t,
                        autocomplete: "postal-code", hint: t("map.postcodeHint"), markOptional: false),
                    Forms.select(
                        "sorteer", label: t("map.sort"),
                        options: MapQuery.Sort.allCases.map { ($0.rawValue, t("map.sort.\($0.rawValue)")) },
                        selected: form.sorteer ?? "relevance", t: t),
                    Forms.check("gratis", label: t("map.free"), on: form.gratis == "1"),
                    Forms.check("open", label: t("map.openNow"), on: form.open == "1"),
                    H.void("input", [.type("hidden"), .name("lat"), .value(nil)]),
                    H.void("input", [.type("hidden"), .name("lon"), .value(nil)]),
                    Forms.submit(t("map.search")),
                    H.el(
                        "button",
                        [
                            .type("button"), .id("near-me"), .cls("secondary"), Attr.flag("hidden", true),
                            Attr(name: "data-failed", value: t("map.nearMeFailed")),
                        ], [H.text(t("map.nearMe"))]),
                ]))
        body.append(H.el("script", [Attr(name: "src", value: "/map.js"), Attr.flag("defer", true)], []))
        if results.items.isEmpty {
            body.append(H.p(form.isEmpty ? t("map.emptyMap") : t("map.noResults"), [.cls("empty")]))
        } else {
            if partial {
                body.append(H.p(t("map.partial"), [.cls("notice"), Attr(name: "role", value: "status")]))
            }
            body.append(
                H.el(
                    "ul", [.cls("cards services")],
                    results.items.map { hit in
                        let service = hit.service
                        var badges: [HTMLNode] = []
                        if OpeningHours.isOpen(service.hours, at: now) {
                            badges.append(H.el("span", [.cls("badge open")], [H.text(t("map.open"))]))
                        }
                        if service.free { badges.append(H.el("span", [.cls("badge")], [H.text(t("map.freeBadge"))])) }
                        var lines: [HTMLNode] = [
                            H.div([.cls("badges")], badges),
                            H.a(service.name, href: SiteRoute.mapService(.value(service.id)).path(), [.cls("title")]),
                        ]
                        if let organization = service.organizationName {
                            lines.append(H.p(organization, [.cls("muted")]))
                        }
                        if let description = service.description { lines.append(H.p(description)) }
                        let place = service.places.first?.addressLine ?? t("map.noPlace")
                        lines.append(
                            H.p(
                                place + (hit.distance.map { " · " + t("map.distance", distance($0)) } ?? ""),
                                [.cls("muted")]))
                        return H.el("li", [], lines)
                    }))
        }
        let query: [(String, String?)] = [
            ("q", form.q), ("soort", form.soort), ("wijk", form.wijk), ("taal", form.taal), ("gratis", form.gratis),
            ("open", form.open), ("sorteer", form.sorteer), ("postcode", form.postcode), ("lat", form.lat),
            ("lon", form.lon),
        ].map { ($0.0, $0.1?.nonEmpty) }
        body.append(Forms.pager(results, path: SiteRoute.map.path(query: query), t: t))
        return PageContent(title: t("map.title"), body: body)
    }

    public static func distance(_ metres: Double) -> String {
        metres < 1000
            ? "\(Int((metres / 10).rounded()) * 10) m"
            : String(format: "%.1f km", metres / 1000)
                .replacingOccurrences(of: ".", with: ",")
    }

    public static func service(
        _ hit: MapHit, now: Date, responsiveness: ReferralResponsiveness? = nil, canRefer: Bool = false,
        forResident: Resident.ID? = nil, context: PageContext
    ) -> PageContent {
        let t = context.t
        let service = hit.service
        var body: [HTMLNode] = []
        if let organization = service.organizationName { body.append(H.p(organization, [.cls("subject")])) }
        if service.status != "active" {
            body.append(H.p(t("map.status.\(service.status)"), [.cls("notice")]))
        }
        if let alert = service.document["alert"]?.text { body.append(H.p(alert, [.cls("notice")])) }
        if let description = service.description { body.append(H.p(description)) }
        var facts: [(String, String)] = []
        if !service.terms.isEmpty { facts.append((t("map.term"), service.terms.map(\.name).joined(separator: ", "))) }
        if let eligibility = service.eligibility { facts.append((t("map.eligibility"), eligibility)) }
        if let apply = service.applicationProcess { facts.append((t("map.apply"), apply)) }
        facts.append((t("map.costs"), service.free ? t("map.freeBadge") : service.fees ?? t("map.costsUnknown")))
        if !service.languages.isEmpty {
            facts.append(
                (
                    t("map.language"),
                    service.languages.map { ServiceDraft.languageNames[$0] ?? $0 }.joined(separator: ", ")
                ))
        }
        facts.append(
            (
                t("map.referrals"),
                hit.acceptsReferrals
                    ? (hit.waitWeeks.map { t("map.waitWeeks", $0) } ?? t("map.acceptsReferrals"))
                    : t("map.noReferrals")
            ))
        if hit.acceptsReferrals, let figures = responsiveness {
            facts.append((t("map.responsiveness"), responsivenessText(figures, t: t)))
        }
        body.append(
            H.el(
                "dl", [.cls("facts")],
                facts.flatMap { [H.el("dt", [], [H.text($0.0)]), H.el("dd", [], [H.text($0.1)])] }))
        if canRefer && hit.acceptsReferrals && service.status == "active" {
            body.append(
                H.div(
                    [.cls("actions")],
                    [
                        H.a(
                            t("referral.refer"),
                            href: SiteRoute.referrals(.new).path(query: [
                                ("dienst", service.id.description), ("bewoner", forResident?.description),
                            ]), [.cls("button")])
                    ]))
        }
        var contact: [HTMLNode] = []
        for phone in service.phones {
            contact.append(
                H.el(
                    "li", [],
                    [
                        H.text(t("map.phone") + " "),
                        H.a(phone, href: "tel:" + phone.filter { $0.isNumber || $0 == "+" }),
                    ]))
        }
        if let email = service.email {
            contact.append(H.el("li", [], [H.text(t("map.email") + " "), H.a(email, href: "mailto:" + email)]))
        }
        if let url = service.url, url.hasPrefix("http") {
            contact.append(H.el("li", [], [H.a(t("map.website"), href: url, [Attr(name: "rel", value: "noopener")])]))
        }
        if !contact.isEmpty {
            body.append(H.h2(t("map.contact")))
            body.append(H.el("ul", [.cls("contact")], contact))
        }
        body.append(H.h2(t("map.whereWhen")))
        if OpeningHours.isOpen(service.hours, at: now) {
            body.append(H.p(t("map.openNowText"), [.cls("status")]))
        }
        for place in service.places {
            body.append(
                H.p([place.name, place.addressLine].compactMap { $0 }.joined(separator: " · "), [.cls("place")]))
        }
        if service.places.isEmpty { body.append(H.p(t("map.noPlace"), [.cls("muted")])) }
        let notes = service.scheduleNotes.isEmpty ? hoursText(service.hours, t: t) : service.scheduleNotes
        if !notes.isEmpty { body.append(H.el("ul", [.cls("hours")], notes.map { H.el("li", [], [H.text($0)]) })) }
        body.append(
            H.p(
                t("map.lastChecked", service.lastChecked?.dutch ?? t("map.never")),
                [.cls("muted")]))
        body.append(
            H.div(
                [.cls("actions no-print")], [H.a(t("map.back"), href: SiteRoute.map.path(), [.cls("button secondary")])]
            ))
        return PageContent(title: service.name, body: body)
    }

    /// How the service answered its referrals of the last 180 days, or that there are too few to say.
    public static func responsivenessText(_ figures: ReferralResponsiveness, t: Localizer) -> String {
        guard figures.isShown else { return t("map.tooFewReferrals") }
        var parts: [String] = []
        if let days = figures.medianDaysToAnswer { parts.append(t("map.answersIn", number(days))) }
        if let share = figures.acceptedShare { parts.append(t("map.acceptedShare", Int((share * 100).rounded()))) }
        if let days = figures.medianDaysToContact { parts.append(t("map.contactIn", number(days))) }
        return parts.joined(separator: " · ") + " " + t("map.referralCount", figures.count)
    }

    static func number(_ value: Double) -> String {
        value == value.rounded()
            ? String(Int(value)) : String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
    }

    /// Opening hours in words when the schedules have no description.
    public static func hoursText(_ hours: [OpeningHours.Interval], t: Localizer) -> [String] {
        hours.map { interval in
            let from = String(format: "%02d:%02d", interval.opens / 60, interval.opens % 60)
            let until = String(format: "%02d:%02d", interval.closes / 60 % 24, interval.closes % 60)
            return t("weekday.\(interval.weekday.key)") + " \(from)–\(until)"
        }
    }
}
