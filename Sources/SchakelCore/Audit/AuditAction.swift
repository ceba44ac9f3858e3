/// Every kind of entry in the access log (NEN 7513): one case per action, so a typo cannot make a new
/// kind of event. The raw value is what the log stores; entries read back keep their stored text.
public enum AuditAction: String, Sendable, CaseIterable, Codable {
    case accessDenied = "access.denied"
    case activityAttendance = "activity.attendance"
    case activitySignup = "activity.signup"
    case activitySignups = "activity.signups"
    case addressCreate = "address.create"
    case addressImport = "address.import"
    case addressList = "address.list"
    case addressRead = "address.read"
    case addressUpdate = "address.update"
    case auditLookup = "audit.lookup"
    case auditRead = "audit.read"
    case bulkLoad = "bulk.load"
    case consentGive = "consent.give"
    case consentWithdraw = "consent.withdraw"
    case contactCorrect = "contact.correct"
    case contactCreate = "contact.create"
    case contactReplay = "contact.replay"
    case deliveryCreate = "delivery.create"
    case deliveryEnd = "delivery.end"
    case deliveryList = "delivery.list"
    case deliveryPause = "delivery.pause"
    case deliveryRead = "delivery.read"
    case deliveryResume = "delivery.resume"
    case deliveryUpdate = "delivery.update"
    case householdCreate = "household.create"
    case householdJoin = "household.join"
    case householdLeave = "household.leave"
    case householdRead = "household.read"
    case meldcodeStep1 = "meldcode.step1"
    case meldcodeStep2 = "meldcode.step2"
    case meldcodeStep3 = "meldcode.step3"
    case meldcodeStep4 = "meldcode.step4"
    case meldcodeStep5 = "meldcode.step5"
    case neighbourhoodAdd = "neighbourhood.add"
    case organisationCreate = "organisation.create"
    case referralAssign = "referral.assign"
    case referralChange = "referral.change"
    case referralContactOverdue = "referral.contactOverdue"
    case referralCreate = "referral.create"
    case referralEscalate = "referral.escalate"
    case referralExport = "referral.fhir"
    case referralList = "referral.list"
    case referralMessage = "referral.message"
    case referralOverride = "referral.override"
    case referralRead = "referral.read"
    case referralStatus = "referral.status"
    case residentCreate = "resident.create"
    case residentDuplicateCheck = "resident.duplicateCheck"
    case residentList = "resident.list"
    case residentMove = "resident.move"
    case residentOutOfView = "resident.outOfView"
    case residentRead = "resident.read"
    case residentTimeline = "resident.timeline"
    case residentTransfer = "resident.transfer"
    case residentUpdate = "resident.update"
    case roundMove = "round.move"
    case roundPlan = "round.plan"
    case roundRead = "round.read"
    case roundReorder = "round.reorder"
    case routingAdd = "routing.add"
    case routingRemove = "routing.remove"
    case sessionEnd = "session.end"
    case sessionStart = "session.start"
    case signalAssign = "signal.assign"
    case signalClose = "signal.close"
    case signalCreate = "signal.create"
    case signalEscalate = "signal.escalate"
    case signalList = "signal.list"
    case signalMerge = "signal.merge"
    case signalRead = "signal.read"
    case signalResume = "signal.resume"
    case signalSettings = "signal.settings"
    case signalStartFollowUp = "signal.start_follow_up"
    case signalStatus = "signal.status"
    case signalTask = "signal.task"
    case signalTriage = "signal.triage"
    case signalWaitForReporter = "signal.wait_for_reporter"
    case signalWaitForResident = "signal.wait_for_resident"
    case taskDone = "task.done"
    case taskList = "task.list"
    case teamCoverageAdd = "team.coverage.add"
    case teamCoverageRemove = "team.coverage.remove"
    case teamCreate = "team.create"
    case teamSettings = "team.settings"
    case tokenIssue = "token.issue"
    case tokenRevoke = "token.revoke"
    case userCreate = "user.create"
    case userPassword = "user.password"
    case userUpdate = "user.update"
    case visitPlan = "visit.plan"

    /// The entry of a signal's transition.
    public static func signal(_ event: SignalEvent) -> AuditAction {
        switch event {
        case .triage: .signalTriage
        case .startFollowUp: .signalStartFollowUp
        case .waitForReporter: .signalWaitForReporter
        case .waitForResident: .signalWaitForResident
        case .resume: .signalResume
        case .close: .signalClose
        case .merge: .signalMerge
        }
    }

    /// The entry of a recorded meldcode step.
    public static func meldcode(_ step: MeldcodeStep) -> AuditAction {
        switch step {
        case .mapSignals: .meldcodeStep1
        case .consult: .meldcodeStep2
        case .conversation: .meldcodeStep3
        case .weigh: .meldcodeStep4
        case .decide: .meldcodeStep5
        }
    }
}
