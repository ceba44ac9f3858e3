import Foundation
import SchakelCore

/// A value in a route's path: the real value when a link is made, the pattern's key when the route is
/// registered (`.key` becomes `:residentID`).
public enum Parameter<Value: CustomStringConvertible & Hashable & Sendable>: Hashable, Sendable {
    case key
    case value(Value)
}

/// Every page and form of the web app, in Dutch as its users read them. The same value registers the
/// route (with `.key` parameters) and makes every link, form action and redirect (with values), so a path
/// is written once. Query values are encoded by `path(query:)`. The JSON API keeps its own paths.
public indirect enum SiteRoute: Hashable, Sendable {
    case home
    case healthz
    case login
    case logout
    case language

    // The public social map and its activities.
    case map
    case mapService(Parameter<MapService.ID>)
    case activities
    case activitiesFeed
    case activity(Parameter<Activity.ID>)
    case activityDay(Parameter<Activity.ID>, date: Parameter<LocalDate>)
    case attendance(Parameter<ActivitySignUp.ID>)

    case admin(Admin)
    case addresses(Addresses)
    case residents(Residents)
    case resident(Parameter<Resident.ID>, ResidentPart)
    case delivery(Parameter<Delivery.ID>, DeliveryPart)
    case rounds(Rounds)
    case upkeep(Upkeep)
    case signals(Signals)
    case signal(Parameter<Signal.ID>, SignalPart)
    case taskDone(Parameter<SignalTask.ID>)
    case referrals(Referrals)
    case referral(Parameter<Referral.ID>, ReferralPart)
    case outOfView(OutOfView)

    public enum Admin: Hashable, Sendable {
        case index, organisations, teams, neighbourhoods, audit, users
        case coverage(Parameter<Team.ID>)
        case removeCoverage(Parameter<Team.ID>)
        case user(Parameter<User.ID>)
    }

    public enum Addresses: Hashable, Sendable {
        case index, new, importFile
        case update(Parameter<Address.ID>)
        case edit(Parameter<Address.ID>)
    }

    public enum Residents: Hashable, Sendable {
        case index, search, new
    }

    public enum ResidentPart: Hashable, Sendable {
        case file, edit, timeline, consents, household, joinHousehold, leaveHousehold, newDelivery, deliveries
        case newContact, contacts, activities, transfer
        case withdrawConsent(Parameter<Consent.ID>)
    }

    public enum DeliveryPart: Hashable, Sendable {
        case update, edit, pause, end
        case removePause(Parameter<DeliveryPause.ID>)
    }

    public enum Rounds: Hashable, Sendable {
        case index, plan, summary
        case moveStop(Parameter<RoundStop.ID>)
        case round(Parameter<Round.ID>)
        case outcome(Parameter<Round.ID>, stop: Parameter<RoundStop.ID>)
        case correction(Parameter<Round.ID>, stop: Parameter<RoundStop.ID>)
    }

    public enum Upkeep: Hashable, Sendable {
        case index, new, terms, synonyms, newActivity, activities
        case term(Parameter<String>)
        case removeSynonyms(Parameter<UUID>)
        case service(Parameter<MapService.ID>)
        case checked(Parameter<MapService.ID>)
        case activity(Parameter<Activity.ID>)
        case cancelActivity(Parameter<Activity.ID>)
    }

    public enum Signals: Hashable, Sendable {
        case inbox, new, sent, reported, settings, deadlines, rules
        case removeRule(Parameter<RoutingRule.ID>)
    }

    public enum SignalPart: Hashable, Sendable {
        case detail, transition, assign, merge, tasks, meldcode
    }

    public enum Referrals: Hashable, Sendable {
        /// The partner's inbox: referrals addressed to the viewer's organisation.
        case inbox
        /// The referrals the viewer sent.
        case sent
        /// The form (GET) and sending it (POST).
        case new
    }

    public enum ReferralPart: Hashable, Sendable {
        case detail, step, send, assign, message
    }

    public enum OutOfView: Hashable, Sendable {
        case list, visits, settings
    }

    /// The path's segments; a `.key` parameter is `:name`, as the route is registered, a value is encoded.
    public var segments: [String] {
        switch self {
        case .home: []
        case .healthz: ["healthz"]
        case .login: ["inloggen"]
        case .logout: ["uitloggen"]
        case .language: ["taal"]
        case .map: ["kaart"]
        case .mapService(let id): ["kaart", "diensten", Self.segment(id, "serviceID")]
        case .activities: ["kaart", "activiteiten"]
        case .activitiesFeed: ["kaart", "activiteiten.ics"]
        case .activity(let id): ["kaart", "activiteiten", Self.segment(id, "activityID")]
        case .activityDay(let id, let date):
            ["kaart", "activiteiten", Self.segment(id, "activityID"), Self.segment(date, "date")]
        case .attendance(let id): ["kaart", "aanmeldingen", Self.segment(id, "signUpID"), "aanwezig"]
        case .admin(let page): ["beheer"] + page.segments
        case .addresses(let page): ["adressen"] + page.segments
        case .residents(let page): ["bewoners"] + page.segments
        case .resident(let id, let part): ["bewoners", Self.segment(id, "residentID")] + part.segments
        case .delivery(let id, let part): ["leveringen", Self.segment(id, "deliveryID")] + part.segments
        case .rounds(let page): ["rondes"] + page.segments
        case .upkeep(let page): ["kaart", "beheer"] + page.segments
        case .signals(let page): ["signalen"] + page.segments
        case .signal(let id, let part): ["signalen", Self.segment(id, "signalID")] + part.segments
        case .taskDone(let id): ["taken", Self.segment(id, "taskID"), "gedaan"]
        case .referrals(let page): ["verwijzingen"] + page.segments
        case .referral(let id, let part): ["verwijzingen", Self.segment(id, "referralID")] + part.segments
        case .outOfView(let page): ["uit-beeld"] + page.segments
        }
    }

    /// The path of a link: `/bewoners/1f2e…`, with the query's values encoded and empty ones left out.
    public func path(query: [(String, String?)] = []) -> String {
        let path = "/" + segments.joined(separator: "/")
        let items = query.compactMap { name, value in
            value.map { "\(Self.encodeQuery(name))=\(Self.encodeQuery($0))" }
        }
        return items.isEmpty ? path : path + "?" + items.joined(separator: "&")
    }

    /// The path with a fragment (`#stop-…`), for a redirect back to a place on a long page.
    public func path(query: [(String, String?)] = [], fragment: String) -> String {
        path(query: query) + "#" + fragment
    }

    /// A parameter's segment: `:key` as registered, or the value, percent-encoded, in a link.
    static func segment<Value>(_ parameter: Parameter<Value>, _ key: String) -> String {
        switch parameter {
        case .key: ":" + key
        case .value(let value): value.description.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
        }
    }

    static let unreserved = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))

    static func encodeQuery(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}

extension SiteRoute.Admin {
    var segments: [String] {
        switch self {
        case .index: []
        case .organisations: ["organisaties"]
        case .teams: ["teams"]
        case .neighbourhoods: ["buurten"]
        case .audit: ["toegangslog"]
        case .users: ["accounts"]
        case .coverage(let id): ["teams", SiteRoute.segment(id, "teamID"), "werkgebied"]
        case .removeCoverage(let id): ["teams", SiteRoute.segment(id, "teamID"), "werkgebied", "weghalen"]
        case .user(let id): ["accounts", SiteRoute.segment(id, "userID")]
        }
    }
}

extension SiteRoute.Addresses {
    var segments: [String] {
        switch self {
        case .index: []
        case .new: ["nieuw"]
        case .importFile: ["importeren"]
        case .update(let id): [SiteRoute.segment(id, "addressID")]
        case .edit(let id): [SiteRoute.segment(id, "addressID"), "wijzigen"]
        }
    }
}

extension SiteRoute.Residents {
    var segments: [String] {
        switch self {
        case .index: []
        case .search: ["zoeken"]
        case .new: ["nieuw"]
        }
    }
}

extension SiteRoute.ResidentPart {
    var segments: [String] {
        switch self {
        case .file: []
        case .edit: ["wijzigen"]
        case .timeline: ["tijdlijn"]
        case .consents: ["toestemmingen"]
        case .withdrawConsent(let id): ["toestemmingen", SiteRoute.segment(id, "consentID"), "intrekken"]
        case .household: ["huishouden"]
        case .joinHousehold: ["huishouden", "koppelen"]
        case .leaveHousehold: ["huishouden", "verlaten"]
        case .newDelivery: ["leveringen", "nieuw"]
        case .deliveries: ["leveringen"]
        case .newContact: ["contacten", "nieuw"]
        case .contacts: ["contacten"]
        case .activities: ["activiteiten"]
        case .transfer: ["overdragen"]
        }
    }
}

extension SiteRoute.DeliveryPart {
    var segments: [String] {
        switch self {
        case .update: []
        case .edit: ["wijzigen"]
        case .pause: ["pauzeren"]
        case .end: ["beeindigen"]
        case .removePause(let id): ["pauzes", SiteRoute.segment(id, "pauseID"), "weghalen"]
        }
    }
}

extension SiteRoute.Rounds {
    var segments: [String] {
        switch self {
        case .index: []
        case .plan: ["planning"]
        case .summary: ["dagoverzicht"]
        case .moveStop(let id): ["stops", SiteRoute.segment(id, "stopID"), "verplaatsen"]
        case .round(let id): [SiteRoute.segment(id, "roundID")]
        case .outcome(let id, let stop):
            [SiteRoute.segment(id, "roundID"), "stops", SiteRoute.segment(stop, "stopID"), "uitkomst"]
        case .correction(let id, let stop):
            [SiteRoute.segment(id, "roundID"), "stops", SiteRoute.segment(stop, "stopID"), "correctie"]
        }
    }
}

extension SiteRoute.Upkeep {
    var segments: [String] {
        switch self {
        case .index: []
        case .new: ["nieuw"]
        case .terms: ["soorten"]
        case .term(let id): ["soorten", SiteRoute.segment(id, "termID")]
        case .synonyms: ["zoekwoorden"]
        case .removeSynonyms(let id): ["zoekwoorden", SiteRoute.segment(id, "groupID"), "verwijderen"]
        case .service(let id): [SiteRoute.segment(id, "serviceID")]
        case .checked(let id): [SiteRoute.segment(id, "serviceID"), "gecontroleerd"]
        case .newActivity: ["activiteiten", "nieuw"]
        case .activities: ["activiteiten"]
        case .activity(let id): ["activiteiten", SiteRoute.segment(id, "activityID")]
        case .cancelActivity(let id): ["activiteiten", SiteRoute.segment(id, "activityID"), "afgelast"]
        }
    }
}

extension SiteRoute.Signals {
    var segments: [String] {
        switch self {
        case .inbox: []
        case .new: ["nieuw"]
        case .sent: ["verstuurd"]
        case .reported: ["gemeld"]
        case .settings: ["instellingen"]
        case .deadlines: ["instellingen", "termijnen"]
        case .rules: ["instellingen", "regels"]
        case .removeRule(let id): ["instellingen", "regels", SiteRoute.segment(id, "ruleID"), "weghalen"]
        }
    }
}

extension SiteRoute.SignalPart {
    var segments: [String] {
        switch self {
        case .detail: []
        case .transition: ["stap"]
        case .assign: ["toewijzen"]
        case .merge: ["samenvoegen"]
        case .tasks: ["taken"]
        case .meldcode: ["meldcode"]
        }
    }
}

extension SiteRoute.Referrals {
    var segments: [String] {
        switch self {
        case .inbox: []
        case .sent: ["verstuurd"]
        case .new: ["nieuw"]
        }
    }
}

extension SiteRoute.ReferralPart {
    var segments: [String] {
        switch self {
        case .detail: []
        case .step: ["stap"]
        case .send: ["versturen"]
        case .assign: ["toewijzen"]
        case .message: ["bericht"]
        }
    }
}

extension SiteRoute.OutOfView {
    var segments: [String] {
        switch self {
        case .list: []
        case .visits: ["bezoeken"]
        case .settings: ["instellingen"]
        }
    }
}
