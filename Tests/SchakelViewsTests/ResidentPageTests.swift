import Foundation
import SchakelCore
import SchakelViews
import Testing

/// The resident pages in their main states: the full file, the basic view at the door, the list, and the
/// form that did not save.
@Suite("Resident pages: snapshots of the main states")
struct ResidentPageTests {
    static func file(_ view: ResidentView) -> ResidentFile {
        ResidentFile(
            resident: Fixture.resident, view: view, address: Fixture.address, household: nil, householdMembers: [],
            consents: view == .full
                ? [
                    try! Consent(
                        id: Fixture.id(70), residentID: Fixture.resident.id, purpose: .referral,
                        note: "Alleen over de schulden", recording: .verbal,
                        organisationIDs: [Fixture.organisation.id], givenAt: Fixture.morning,
                        recordedBy: Fixture.socialWorker.id)
                ] : [],
            canEdit: view == .full, canManageDeliveries: view == .full, canLogContact: true, canRaiseSignal: true,
            canSignUpForActivities: view == .full, canViewAuditLog: false)
    }

    @Test("the full file for a social worker, with consents and what they may do")
    func fullFile() {
        let context = Fixture.context(Fixture.socialWorker, sections: [.residents, .signals])
        let page = ResidentPages.file(
            Self.file(.full), organisations: [Fixture.organisation], joinable: [], context: context)
        assertPage(page, context)
    }

    @Test("the basic view for a concierge: what the door needs, nothing more")
    func basicFile() {
        let context = Fixture.context(Fixture.concierge, sections: [.rounds, .residents])
        let page = ResidentPages.file(Self.file(.basic), organisations: [], joinable: [], saved: true, context: context)
        assertPage(page, context)
    }

    @Test("the list, for someone who may add residents")
    func list() {
        let context = Fixture.context(Fixture.socialWorker, sections: [.residents])
        let summary = ResidentSummary(
            id: Fixture.resident.id, fullName: Fixture.resident.fullName, addressLine: Fixture.address.singleLine,
            dateOfBirth: Fixture.resident.dateOfBirth)
        let page = ResidentPages.list(
            Paged(items: [summary], page: 1, perPage: 20, total: 1), query: nil, canCreate: true, context: context)
        assertPage(page, context)
    }

    @Test("a search without results, for someone who may not add residents")
    func emptySearch() {
        let context = Fixture.context(Fixture.concierge, sections: [.residents])
        let page = ResidentPages.list(
            Paged(items: [], page: 1, perPage: 20, total: 0), query: "Pietersen", canCreate: false, context: context)
        assertPage(page, context)
    }

    @Test("the new-resident form that did not save, in English")
    func formWithProblems() {
        let context = Fixture.context(Fixture.socialWorker, sections: [.residents], language: .en)
        var form = ResidentForm.empty
        form.givenName = "Piet"
        form.postcode = "3822"
        let page = ResidentPages.form(
            form, residentID: nil,
            problems: [
                FieldProblem(field: "familyName", key: "required"),
                FieldProblem(field: "postcode", key: "postcode.format"),
            ], context: context)
        assertPage(page, context, status: .unprocessableEntity)
    }
}
