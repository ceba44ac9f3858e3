import Foundation

/// The 13 life domains of the Zelfredzaamheid-Matrix (ZRM 2017); a signal names one or more.
public enum LifeDomain: String, Sendable, Codable, CaseIterable {
    case finances = "financien"
    case workAndEducation = "werk_opleiding"
    case timeUse = "tijdsbesteding"
    case housing = "huisvesting"
    case domesticRelations = "huiselijke_relaties"
    case mentalHealth = "geestelijke_gezondheid"
    case physicalHealth = "lichamelijke_gezondheid"
    case substanceUse = "middelengebruik"
    case basicADL = "basale_adl"
    case instrumentalADL = "instrumentele_adl"
    case socialNetwork = "sociaal_netwerk"
    case participation = "maatschappelijke_participatie"
    case justice = "justitie"
}

/// How fast a signal must be picked up.
public enum SignalUrgency: String, Sendable, Codable, CaseIterable, Comparable {
    case normal, high, acute

    public static func < (lhs: SignalUrgency, rhs: SignalUrgency) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Where a signal stands. `new → triaged → in follow-up → closed`, with two waiting states beside follow-up.
public enum SignalState: String, Sendable, Codable, CaseIterable {
    case new
    case triaged
    case inFollowUp = "in_follow_up"
    case waitingForReporter = "waiting_reporter"
    case waitingForResident = "waiting_resident"
    case closed

    public var isOpen: Bool { self != .closed }
}

/// How a signal ended.
public enum SignalOutcome: String, Sendable, Codable, CaseIterable {
    case referred
    case helpAccepted = "help_accepted"
    case noConcern = "no_concern"
    case residentDeclined = "resident_declined"
    case moved
    case deceased
    /// Reported to Veilig Thuis after the meldcode's decision.
    case reportedToVeiligThuis = "reported_veilig_thuis"
    /// A duplicate, merged into another signal.
    case merged

    /// Outcomes a person may choose when closing; `merged` comes from merging, `reportedToVeiligThuis` from the meldcode.
    public static let closable: [SignalOutcome] = [
        .referred, .helpAccepted, .noConcern, .residentDeclined, .moved, .deceased,
    ]

    /// What the reporter is told: that something was done, never what is in the file.
    public var neutral: NeutralOutcome {
        switch self {
        case .referred, .helpAccepted, .reportedToVeiligThuis: .helpArranged
        case .noConcern: .noFurtherAction
        case .residentDeclined, .moved, .deceased: .closed
        case .merged: .merged
        }
    }
}

/// The outcome as the person who raised the signal hears it.
public enum NeutralOutcome: String, Sendable, Codable {
    case helpArranged = "help_arranged"
    case noFurtherAction = "no_further_action"
    case closed
    case merged
}

/// What the reporter sees of their signal: that it arrived, was picked up and was closed.
public enum ReporterStatus: String, Sendable, Codable {
    case received, pickedUp = "picked_up", closed

    public init(_ state: SignalState) {
        switch state {
        case .new: self = .received
        case .closed: self = .closed
        case .triaged, .inFollowUp, .waitingForReporter, .waitingForResident: self = .pickedUp
        }
    }
}

/// Something a resident's surroundings noticed that a professional should act on.
public struct Signal: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<Signal>
    public var id: ID
    /// The resident, when known; a signal may be about an address only ("name unknown").
    public var residentID: Resident.ID?
    public var addressID: Address.ID?
    public var domains: [LifeDomain]
    public var urgency: SignalUrgency
    /// What was seen, factually.
    public var observation: String
    /// A suspicion of domestic violence or child abuse: handled through the meldcode workflow.
    public var meldcode: Bool
    public var contactMomentID: ContactMoment.ID?
    public var state: SignalState
    public var outcome: SignalOutcome?
    public var teamID: Team.ID?
    public var assigneeID: User.ID?
    public var reporterID: User.ID
    public var raisedAt: Date
    /// The day by which the signal must be picked up (triaged).
    public var dueDate: LocalDate
    public var escalatedAt: Date?
    public var closedAt: Date?
    public var mergedIntoID: ID?

    public init(
        id: ID, residentID: Resident.ID?, addressID: Address.ID?, domains: [LifeDomain], urgency: SignalUrgency,
        observation: String, meldcode: Bool, contactMomentID: ContactMoment.ID?, state: SignalState = .new,
        outcome: SignalOutcome? = nil, teamID: Team.ID?, assigneeID: User.ID?, reporterID: User.ID, raisedAt: Date,
        dueDate: LocalDate, escalatedAt: Date? = nil, closedAt: Date? = nil, mergedIntoID: ID? = nil
    ) {
        self.id = id
        self.residentID = residentID
        self.addressID = addressID
        self.domains = domains
        self.urgency = urgency
        self.observation = observation
        self.meldcode = meldcode
        self.contactMomentID = contactMomentID
        self.state = state
        self.outcome = outcome
        self.teamID = teamID
        self.assigneeID = assigneeID
        self.reporterID = reporterID
        self.raisedAt = raisedAt
        self.dueDate = dueDate
        self.escalatedAt = escalatedAt
        self.closedAt = closedAt
        self.mergedIntoID = mergedIntoID
    }

    /// Whether the signal waits for pick-up past its due date.
    public func isOverdue(today: LocalDate) -> Bool {
        state == .new && today > dueDate
    }
}

/// What a person enters when raising a signal, as text from a form or the API.
public struct SignalInput: Sendable, Equatable {
    public var residentID: String?
    public var addressID: String?
    public var domains: [String]
    public var urgency: String
    public var observation: String
    public var meldcode: Bool
    public var contactMomentID: String?

    public init(
        residentID: String?, addressID: String?, domains: [String], urgency: String, observation: String,
        meldcode: Bool = false, contactMomentID: String? = nil
    ) {
        self.residentID = residentID
        self.addressID = addressID
        self.domains = domains
        self.urgency = urgency
        self.observation = observation
        self.meldcode = meldcode
        self.contactMomentID = contactMomentID
    }

    public static let maximumObservationLength = 2000

    /// The checked parts; every problem at once.
    public func validated() throws -> ValidatedSignalInput {
        var validator = Validator()
        let resident = residentID?.nonEmpty.flatMap { text in
            validator.check("residentID") { try Resident.ID(parsing: text) }
        }
        let address = addressID?.nonEmpty.flatMap { text in
            validator.check("addressID") { try Address.ID(parsing: text) }
        }
        if residentID?.nonEmpty == nil && addressID?.nonEmpty == nil {
            validator.add("residentID", "signal.residentOrAddress")
        }
        let named = domains.filter { !$0.isEmpty }
        let domainList = LifeDomain.allCases.filter { named.contains($0.rawValue) }
        if named.contains(where: { LifeDomain(rawValue: $0) == nil }) {
            validator.add("domains", "invalid")
        } else if domainList.isEmpty {
            validator.add("domains", "signal.domainRequired")
        }
        let urgency = SignalUrgency(rawValue: urgency)
        if urgency == nil { validator.add("urgency", "invalid") }
        let observation = observation.trimmingCharacters(in: .whitespacesAndNewlines)
        if observation.isEmpty { validator.add("observation", "required") }
        if observation.count > Self.maximumObservationLength { validator.add("observation", "tooLong") }
        let moment = contactMomentID?.nonEmpty.flatMap { text in
            validator.check("contactMomentID") { try ContactMoment.ID(parsing: text) }
        }
        try validator.finish()
        return ValidatedSignalInput(
            residentID: resident, addressID: address, domains: domainList, urgency: urgency!,
            observation: observation, meldcode: meldcode, contactMomentID: moment)
    }
}

/// Raising input after its checks.
public struct ValidatedSignalInput: Sendable, Equatable {
    public var residentID: Resident.ID?
    public var addressID: Address.ID?
    public var domains: [LifeDomain]
    public var urgency: SignalUrgency
    public var observation: String
    public var meldcode: Bool
    public var contactMomentID: ContactMoment.ID?
}

/// A "check again" task for a concierge: "kijk donderdag even of het beter gaat".
public struct SignalTask: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<SignalTask>
    public var id: ID
    public var signalID: Signal.ID
    public var residentID: Resident.ID?
    public var assigneeID: User.ID
    public var date: LocalDate
    public var instruction: String
    public var createdBy: User.ID
    public var doneAt: Date?
    public var doneNote: String?

    public init(
        id: ID, signalID: Signal.ID, residentID: Resident.ID?, assigneeID: User.ID, date: LocalDate,
        instruction: String, createdBy: User.ID, doneAt: Date? = nil, doneNote: String? = nil
    ) throws {
        let instruction = instruction.trimmingCharacters(in: .whitespacesAndNewlines)
        var validator = Validator()
        if instruction.isEmpty { validator.add("instruction", "required") }
        if instruction.count > 500 { validator.add("instruction", "tooLong") }
        try validator.finish()
        self.id = id
        self.signalID = signalID
        self.residentID = residentID
        self.assigneeID = assigneeID
        self.date = date
        self.instruction = instruction
        self.createdBy = createdBy
        self.doneAt = doneAt
        self.doneNote = doneNote
    }
}
