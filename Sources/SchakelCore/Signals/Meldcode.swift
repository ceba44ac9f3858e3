import Foundation

/// The five steps of the meldcode huiselijk geweld en kindermishandeling.
public enum MeldcodeStep: Int, Sendable, Codable, CaseIterable, Comparable {
    /// Map the signals, factually, in the file.
    case mapSignals = 1
    /// Consult a colleague and, if needed, Veilig Thuis for advice.
    case consult
    /// Talk with the client; skipped only when that endangers someone.
    case conversation
    /// Weigh the nature and severity of the violence.
    case weigh
    /// Decide with the afwegingskader.
    case decide

    public static func < (lhs: MeldcodeStep, rhs: MeldcodeStep) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// With whom step 2 was consulted.
public enum MeldcodeConsultee: String, Sendable, Codable, CaseIterable {
    case colleague
    case veiligThuis = "veilig_thuis"
    case both
}

/// The decision of step 5.
public enum MeldcodeDecision: String, Sendable, Codable, CaseIterable {
    /// No suspicion after steps 1–4: close and record why.
    case noSuspicion = "no_suspicion"
    /// Report to Veilig Thuis (0800-2000).
    case report = "report_veilig_thuis"
    /// Offer or organise help, with follow-up agreements.
    case offerHelp = "offer_help"

    /// How the signal closes after this decision.
    public var outcome: SignalOutcome {
        switch self {
        case .noSuspicion: .noConcern
        case .report: .reportedToVeiligThuis
        case .offerHelp: .helpAccepted
        }
    }
}

/// The five questions of the afwegingskader, asked in order until one decides.
public enum Afwegingskader {
    /// The questions by number, as localisation keys `meldcode.question.1` … `5`.
    public static let questionCount = 5

    /// The decision the answers lead to, and the answers that led there (later answers do not count).
    /// 1 suspicion? no → close. 2 acute or structural unsafety? yes → report. 3 can I offer or organise
    /// effective help? no → report. 4 do those involved accept it? no → report. 5 does it reach safety
    /// within the agreed term? no → report; yes → help with follow-up agreements.
    public static func decision(for answers: [Bool]) throws -> (decision: MeldcodeDecision, answers: [Bool]) {
        let reportWhen: [Bool] = [false, true, false, false, false]
        for (index, answer) in answers.prefix(questionCount).enumerated() {
            if index == 0 && !answer { return (.noSuspicion, [false]) }
            if index > 0 && answer == reportWhen[index] { return (.report, Array(answers.prefix(index + 1))) }
        }
        guard answers.count >= questionCount else {
            throw ValidationError(field: "answers", key: "meldcode.unanswered:\(answers.count + 1)")
        }
        return (.offerHelp, Array(answers.prefix(questionCount)))
    }
}

/// One recorded step: who, when and the reasoning, with what the step asks for.
public struct MeldcodeEntry: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<MeldcodeEntry>
    public var id: ID
    public var step: MeldcodeStep
    public var by: User.ID
    public var at: Date
    public var reasoning: String
    /// Step 2: with whom.
    public var consultedWith: MeldcodeConsultee?
    /// Step 3: not held because it would endanger someone; the reasoning says why.
    public var conversationSkipped: Bool
    /// Step 5: the afwegingskader's answers up to the deciding one.
    public var answers: [Bool]
    public var decision: MeldcodeDecision?
    /// Step 5 with help: the follow-up agreements.
    public var followUp: String?

    public init(
        id: ID, step: MeldcodeStep, by: User.ID, at: Date, reasoning: String, consultedWith: MeldcodeConsultee? = nil,
        conversationSkipped: Bool = false, answers: [Bool] = [], decision: MeldcodeDecision? = nil,
        followUp: String? = nil
    ) {
        self.id = id
        self.step = step
        self.by = by
        self.at = at
        self.reasoning = reasoning
        self.consultedWith = consultedWith
        self.conversationSkipped = conversationSkipped
        self.answers = answers
        self.decision = decision
        self.followUp = followUp
    }
}

/// What a professional enters for one step, as text from a form or the API.
public struct MeldcodeStepInput: Sendable, Equatable {
    public var step: Int
    public var reasoning: String
    public var consultedWith: String?
    public var conversationSkipped: Bool
    public var answers: [Bool]
    public var followUp: String?

    public init(
        step: Int, reasoning: String, consultedWith: String? = nil, conversationSkipped: Bool = false,
        answers: [Bool] = [], followUp: String? = nil
    ) {
        self.step = step
        self.reasoning = reasoning
        self.consultedWith = consultedWith
        self.conversationSkipped = conversationSkipped
        self.answers = answers
        self.followUp = followUp
    }
}

/// The meldcode workflow of one signal: the steps in order, each recorded once, closed only by a decision.
public struct MeldcodeWorkflow: Sendable, Equatable, Codable {
    public var entries: [MeldcodeEntry]

    public init(entries: [MeldcodeEntry] = []) {
        self.entries = entries.sorted { $0.step < $1.step }
    }

    /// The step to record next; nil once decided.
    public var nextStep: MeldcodeStep? {
        guard let last = entries.last else { return .mapSignals }
        return MeldcodeStep(rawValue: last.step.rawValue + 1)
    }

    public var decision: MeldcodeDecision? { entries.last(where: { $0.step == .decide })?.decision }

    public var isDecided: Bool { decision != nil }

    /// The state's name for messages: `meldcode_step_0` (not started) … `meldcode_decided`.
    public var stateName: String {
        isDecided ? "meldcode_decided" : "meldcode_step_\(entries.last?.step.rawValue ?? 0)"
    }

    /// Records the next step; a step out of order throws an error naming both states, bad input a validation error.
    public func recording(_ input: MeldcodeStepInput, id: MeldcodeEntry.ID, by user: User.ID, at now: Date) throws
        -> (workflow: MeldcodeWorkflow, entry: MeldcodeEntry)
    {
        guard let step = MeldcodeStep(rawValue: input.step) else {
            throw ValidationError(field: "step", key: "invalid")
        }
        guard step == nextStep else {
            throw DomainError.illegalTransition(from: stateName, to: "meldcode_step_\(step.rawValue)")
        }
        var validator = Validator()
        let reasoning = input.reasoning.trimmingCharacters(in: .whitespacesAndNewlines)
        if reasoning.isEmpty { validator.add("reasoning", "required") }
        if reasoning.count > 4000 { validator.add("reasoning", "tooLong") }
        var entry = MeldcodeEntry(id: id, step: step, by: user, at: now, reasoning: reasoning)
        switch step {
        case .consult:
            entry.consultedWith = input.consultedWith.flatMap(MeldcodeConsultee.init(rawValue:))
            if entry.consultedWith == nil {
                validator.add("consultedWith", input.consultedWith?.nonEmpty == nil ? "required" : "invalid")
            }
        case .conversation:
            entry.conversationSkipped = input.conversationSkipped
        case .decide:
            if let (decision, answers) = validator.run({ try Afwegingskader.decision(for: input.answers) }) {
                entry.decision = decision
                entry.answers = answers
                if decision == .offerHelp {
                    entry.followUp = input.followUp?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
                    if entry.followUp == nil { validator.add("followUp", "required") }
                    if (entry.followUp?.count ?? 0) > 2000 { validator.add("followUp", "tooLong") }
                }
            }
        case .mapSignals, .weigh:
            break
        }
        try validator.finish()
        var next = self
        next.entries.append(entry)
        return (next, entry)
    }
}
