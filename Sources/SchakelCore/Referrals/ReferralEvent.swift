import Foundation

/// What can happen to a referral; each event leads to one state. Reasons, outcomes and the first contact
/// travel with the event, so the state machine checks that they are there.
public enum ReferralEvent: Sendable, Equatable {
    case send
    /// Someone of the partner opened it for the first time.
    case receive
    case accept
    case decline(ReferralDeclineReason)
    case firstContact(on: LocalDate, how: ReferralContactMethod)
    case complete(ReferralOutcome)
    case close(ReferralCloseReason)
    /// The referrer takes it back (also when the resident withdraws their consent before acceptance).
    case withdraw

    /// The state the event leads to.
    public var target: ReferralState {
        switch self {
        case .send: .sent
        case .receive: .received
        case .accept: .accepted
        case .decline: .declined
        case .firstContact: .inContact
        case .complete: .completed
        case .close: .closed
        case .withdraw: .withdrawn
        }
    }

    /// The name used in forms, the API and the referral's history.
    public var name: String {
        switch self {
        case .send: "send"
        case .receive: "receive"
        case .accept: "accept"
        case .decline: "decline"
        case .firstContact: "first_contact"
        case .complete: "complete"
        case .close: "close"
        case .withdraw: "withdraw"
        }
    }

    /// Whether the partner organisation takes this step; otherwise the referrer's side does.
    public var byPartner: Bool {
        switch self {
        case .send, .withdraw: false
        default: true
        }
    }

    /// The states the event may start from.
    public var sources: Set<ReferralState> {
        switch self {
        case .send: [.draft]
        case .receive: [.sent]
        case .accept, .decline: [.sent, .received]
        case .firstContact: [.accepted]
        case .complete: [.inContact]
        case .close: [.accepted, .inContact]
        case .withdraw: [.draft, .sent, .received, .accepted, .inContact]
        }
    }

    /// Every event a form may offer, in the order it offers them (with placeholder details).
    public static let offered: [ReferralEvent] = [
        .send, .accept, .decline(.other), .firstContact(on: try! LocalDate(year: 2000, month: 1, day: 1), how: .phone),
        .complete(.helped),
        .close(.unreachable), .withdraw,
    ]

    /// Reads an event a person asked for by its name and the fields it needs; `receive` happens by itself.
    /// `today` refuses a first contact in the future.
    public init(
        name: String, reason: String?, outcome: String?, contactDate: String?, contactHow: String?, today: LocalDate
    ) throws {
        var validator = Validator()
        switch name {
        case "send": self = .send
        case "accept": self = .accept
        case "withdraw": self = .withdraw
        case "decline":
            guard let reason = reason?.nonEmpty else { throw ValidationError(field: "reason", key: "required") }
            guard let value = ReferralDeclineReason(rawValue: reason) else {
                throw ValidationError(field: "reason", key: "invalid")
            }
            self = .decline(value)
        case "close":
            guard let reason = reason?.nonEmpty else { throw ValidationError(field: "reason", key: "required") }
            guard let value = ReferralCloseReason(rawValue: reason) else {
                throw ValidationError(field: "reason", key: "invalid")
            }
            self = .close(value)
        case "complete":
            guard let outcome = outcome?.nonEmpty else { throw ValidationError(field: "outcome", key: "required") }
            guard let value = ReferralOutcome(rawValue: outcome) else {
                throw ValidationError(field: "outcome", key: "invalid")
            }
            self = .complete(value)
        case "first_contact":
            let date = validator.check("contactDate") { () -> LocalDate in
                guard let text = contactDate?.nonEmpty else { throw ValidationError(field: "", key: "required") }
                let date = try LocalDate(text)
                guard date <= today else { throw ValidationError(field: "", key: "referral.contactInFuture") }
                return date
            }
            let how = validator.check("contactHow") { () -> ReferralContactMethod in
                guard let text = contactHow?.nonEmpty else { throw ValidationError(field: "", key: "required") }
                guard let how = ReferralContactMethod(rawValue: text) else {
                    throw ValidationError(field: "", key: "invalid")
                }
                return how
            }
            try validator.finish()
            self = .firstContact(on: date!, how: how!)
        default: throw ValidationError(field: "event", key: "invalid")
        }
    }
}

extension ReferralState {
    /// The state after the event; an illegal transition throws an error naming both states.
    public func apply(_ event: ReferralEvent) throws -> ReferralState {
        guard event.sources.contains(self) else {
            throw DomainError.illegalTransition(from: rawValue, to: event.target.rawValue)
        }
        return event.target
    }

    /// The names of the events a person may ask for from this state, in the order a form offers them.
    public var nextEvents: [String] {
        ReferralEvent.offered.filter { $0.sources.contains(self) }.map(\.name)
    }
}

extension ReferralEvent {
    /// Whether the step of this name is the partner organisation's (all but sending and withdrawing).
    public static func isPartnerStep(_ name: String) -> Bool { name != "send" && name != "withdraw" }
}
