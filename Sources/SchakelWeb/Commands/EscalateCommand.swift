import Foundation
import SchakelCore
import SchakelStore
import Vapor

/// `schakel escalate [--at YYYY-MM-DD]`: runs the deadline job once, as a server does every ten minutes:
/// overdue signals to their coordinator, unanswered referrals to the receiving organisation's coordinator,
/// accepted referrals without first contact flagged. Each is marked by a compare-and-set, so several
/// servers (or this command beside them) escalate each one exactly once. `--at` runs it as on that day
/// (noon, Amsterdam), for trying out deadlines.
struct EscalateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "at", help: "Als op deze dag (JJJJ-MM-DD); standaard nu")
        var at: String?
    }

    var help: String { "Te late signalen en verwijzingen één keer escaleren" }

    func run(using context: CommandContext, signature: Signature) async throws {
        var store = context.application.schakel.store
        if let text = signature.at {
            guard let day = try? LocalDate(text) else {
                throw CommandFailure(description: "--at moet een datum zijn als 2026-12-31.")
            }
            let moment = day.moment(at: try TimeOfDay("12:00"))
            store = store.with(clock: Clock { moment })
        }
        let job = AuditContext(actor: nil, accessPoint: "job")
        let signals = try await store.signals(job).escalateOverdue()
        let referrals = try await store.referrals(job).escalateOverdue()
        context.console.print(
            "Signalen geëscaleerd: \(signals). Verwijzingen geëscaleerd: \(referrals.escalated). "
                + "Zonder eerste contact gemarkeerd: \(referrals.flagged).")
    }
}
