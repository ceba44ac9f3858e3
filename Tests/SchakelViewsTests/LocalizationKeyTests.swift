import Foundation
import SchakelCore
import Testing

@testable import SchakelViews

/// The one table of interface texts against the code that uses it: every key the code asks for exists, in
/// Dutch and English, and every key in the table is asked for somewhere. A missing key would show itself
/// on a page; an unused one is text nobody maintains.
@Suite("Interface texts: every key used exists, none is unused")
struct LocalizationKeyTests {
    /// The Swift sources of the product, read once.
    static let sources: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let files =
            FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return files.compactMap { try? String(contentsOf: $0, encoding: .utf8) }
    }()

    /// Every string literal of the sources (without interpolation).
    static let literals: Set<String> = {
        var found = Set<String>()
        for source in sources {
            for match in source.matches(of: /"([^"\\\n]+)"/) { found.insert(String(match.1)) }
        }
        return found
    }()

    /// Keys made from a prefix and the cases of an enum (`t("outcome." + outcome.rawValue)`).
    static let families: [(prefix: String, values: [String])] = [
        ("outcome.", ContactOutcome.allCases.map(\.rawValue) + SignalOutcome.allCases.map(\.rawValue)),
        ("state.", SignalState.allCases.map(\.rawValue) + ReferralState.allCases.map(\.rawValue)),
        ("timeline.referral.", ReferralState.allCases.map(\.rawValue)),
        ("referralMode.", ReferralMode.allCases.map(\.rawValue)),
        ("referralModeShort.", ReferralMode.allCases.map(\.rawValue)),
        ("contactMethod.", ReferralContactMethod.allCases.map(\.rawValue)),
        ("share.", ReferralShare.allCases.map(\.rawValue)),
        ("declineReason.", ReferralDeclineReason.allCases.map(\.rawValue)),
        ("closeReason.", ReferralCloseReason.allCases.map(\.rawValue)),
        ("referralOutcome.", ReferralOutcome.allCases.map(\.rawValue)),
        ("legalGround.", LegalGround.allCases.map(\.rawValue)),
        ("consentPurpose.", ConsentPurpose.allCases.map(\.rawValue)),
        ("consentRecording.", ConsentRecording.allCases.map(\.rawValue)),
        ("referral.consentNow.", ConsentRecording.allCases.map(\.rawValue)),
        ("referralReporter.", ReferralReporterStatus.allCases.map(\.rawValue)),
        ("referralEvent.", ReferralEvent.offered.map(\.name)),
        ("domain.", LifeDomain.allCases.map(\.rawValue)),
        ("urgency.", SignalUrgency.allCases.map(\.rawValue)),
        ("deliveryKind.", DeliveryKind.allCases.map(\.rawValue)),
        ("role.", Role.allCases.map(\.rawValue)),
        ("organisationKind.", OrganisationKind.allCases.map(\.rawValue)),
        ("weekday.", Weekday.allCases.map(\.key)),
        ("channel.", ContactChannel.allCases.map(\.rawValue)),
        ("auditEvent.", AuditAction.allCases.map(\.rawValue)),
    ]

    /// The keys of problems and conflicts that Core and Store raise: `key: "contact.tooOld"`,
    /// `validator.add("field", "key")`, `conflict(key: "…")`.
    static let raised: (problems: Set<String>, conflicts: Set<String>) = {
        var problems = Set<String>()
        var conflicts = Set<String>()
        for source in sources {
            for match in source.matches(of: /ValidationError\(field: "[^"]*", key: "([A-Za-z0-9_.]+)[":]/) {
                problems.insert(String(match.1))
            }
            for match in source.matches(of: /\.add\("[^"]*", "([A-Za-z0-9_.]+)[":]/) {
                problems.insert(String(match.1))
            }
            for match in source.matches(of: /conflict\(key: "([A-Za-z0-9_.]+)"/) { conflicts.insert(String(match.1)) }
        }
        return (problems, conflicts)
    }()

    @Test("every key the code asks for is in the table, with an English text")
    func usedKeysExist() {
        let table = Localizer.table
        var asked = Set<String>()
        for source in Self.sources {
            for match in source.matches(of: /\b(?:t|localizer|self)\(\s*"([A-Za-z0-9_.]*[A-Za-z0-9_])"/) {
                asked.insert(String(match.1))
            }
        }
        for family in Self.families { asked.formUnion(family.values.map { family.prefix + $0 }) }
        asked.formUnion(Self.raised.problems.map { "problem." + $0 })
        asked.formUnion(Self.raised.conflicts.map { "conflict." + $0 })
        // The scan found the sources (a wrong path would make both tests pass on nothing).
        #expect(Self.sources.count > 100)
        #expect(asked.count > 500)
        let missing = asked.filter { table[$0] == nil }.sorted()
        #expect(missing.isEmpty, "missing: \(missing)")
        let untranslated = table.filter { $0.value.en == nil && $0.key != "app.name" }.keys.sorted()
        #expect(untranslated.isEmpty, "no English text: \(untranslated)")
    }

    @Test("every key in the table is asked for somewhere")
    func noUnusedKeys() {
        var used = Set<String>()
        for family in Self.families { used.formUnion(family.values.map { family.prefix + $0 }) }
        let unused = Localizer.table.keys.filter { key in
            if Self.literals.contains(key) || used.contains(key) { return false }
            // A key made at run time from a prefix and a name the code spells out (`"problem." + key`,
            // `"timeline." + kind`, `"field." + name`): used when that name is a literal somewhere.
            guard let dot = key.firstIndex(of: ".") else { return true }
            let rest = String(key[key.index(after: dot)...])
            return !Self.literals.contains(rest)
        }.sorted()
        #expect(unused.isEmpty, "unused: \(unused)")
    }
}
