import Foundation

/// A referral as HL7 FHIR R4: a `Bundle` of its `ServiceRequest`, the `Task` under the SDOH Clinical Care
/// guide's *TaskForReferralManagement* profile and, while the partner may reach the resident, a `Patient`
/// with the contact details. Only what the partner may see: the question, the domains, the chosen parts
/// of the file, the states; never the referrer's file.
public enum ReferralFHIR {
    public static let taskProfile =
        "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-TaskForReferralManagement"
    public static let serviceRequestProfile =
        "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-ServiceRequest"
    /// Schakel's code system for the ZRM life domains, named by their codes in Schakel (`financien` …).
    public static let domainSystem = "https://schakel.example/fhir/CodeSystem/zrm-levensdomein"

    /// The `ServiceRequest` status for a referral's state.
    public static func serviceRequestStatus(_ state: ReferralState) -> String {
        switch state {
        case .draft: "draft"
        case .sent, .received, .accepted, .inContact: "active"
        case .completed, .logged: "completed"
        case .declined, .closed, .withdrawn: "revoked"
        }
    }

    /// The bundle; `domainNames` gives each life domain's display text.
    public static func bundle(_ detail: ReferralDetail, now: Date, domainNames: (LifeDomain) -> String) -> JSONValue {
        let referral = detail.referral
        // The resources are named by UUIDs, so their `urn:uuid:` references are valid: the service request by the
        // referral's id, the task and the patient by ids derived from it.
        let requestID = referral.id.description
        let taskID = UUID.derived(from: referral.id.uuid, "task").uuidString.lowercased()
        let patientID = UUID.derived(from: referral.id.uuid, "patient").uuidString.lowercased()
        let requester: JSONValue = .object(
            [
                "display": .string(
                    [detail.people[referral.referrerID], detail.referrerOrganisationName].compactMap { $0 }
                        .joined(separator: ", "))
            ])
        let owner: JSONValue = .object(["display": .string(detail.organisationName ?? referral.targetName)])
        let subject: JSONValue = .object(
            ["reference": .string("urn:uuid:\(patientID)"), "display": .string(detail.residentName)])

        var request: [String: JSONValue] = [
            "resourceType": "ServiceRequest",
            "id": .string(requestID),
            "meta": ["profile": [.string(serviceRequestProfile)]],
            "status": .string(serviceRequestStatus(referral.state)),
            "intent": "order",
            "code": ["text": .string(referral.targetName)],
            "subject": subject,
            "authoredOn": .string(timestamp(referral.sentAt ?? referral.createdAt)),
            "requester": requester,
            "performer": [owner],
            "reasonCode": .array(
                referral.domains.map { domain in
                    [
                        "coding": [
                            [
                                "system": .string(domainSystem), "code": .string(domain.rawValue),
                                "display": .string(domainNames(domain)),
                            ]
                        ]
                    ]
                }),
            "note": [["text": .string(referral.question)]],
        ]
        if let method = referral.contactMethod {
            request["patientInstruction"] = .string("contact: \(method.rawValue)")
        }
        var task: [String: JSONValue] = [
            "resourceType": "Task",
            "id": .string(taskID),
            "meta": ["profile": [.string(taskProfile)]],
            "status": .string(referral.state.fhirTaskStatus),
            "businessStatus": ["text": .string(referral.state.rawValue)],
            "intent": "order",
            "priority": "routine",
            "code": [
                "coding": [
                    ["system": "http://hl7.org/fhir/CodeSystem/task-code", "code": "fulfill"]
                ]
            ],
            "focus": ["reference": .string("urn:uuid:\(requestID)")],
            "for": subject,
            "authoredOn": .string(timestamp(referral.sentAt ?? referral.createdAt)),
            "lastModified": .string(timestamp(detail.history.last?.at ?? referral.createdAt)),
            "requester": requester,
            "owner": owner,
        ]
        if let due = referral.contactDue ?? referral.answerDue {
            task["restriction"] = ["period": ["end": .string(due.description)]]
        }
        if let reason = referral.declineReason?.rawValue ?? referral.closeReason?.rawValue {
            task["statusReason"] = ["text": .string(reason)]
        }
        if let outcome = referral.outcome {
            task["output"] = [["type": ["text": "outcome"], "valueString": .string(outcome.rawValue)]]
        }
        if let override = referral.override {
            task["note"] = [
                ["text": .string("Verstuurd zonder toestemming: \(override.ground.rawValue). \(override.reason)")]
            ]
        }
        var entries: [JSONValue] = [
            ["fullUrl": .string("urn:uuid:\(requestID)"), "resource": .object(request)],
            ["fullUrl": .string("urn:uuid:\(taskID)"), "resource": .object(task)],
        ]
        var patient: [String: JSONValue] = [
            "resourceType": "Patient", "id": .string(patientID), "name": [["text": .string(detail.residentName)]],
        ]
        if let contact = detail.contact {
            if let phone = contact.phone {
                patient["telecom"] = [["system": "phone", "value": .string(phone)]]
            }
            if let line = contact.addressLine { patient["address"] = [["text": .string(line)]] }
            if let language = contact.preferredLanguage {
                patient["communication"] = [
                    ["language": ["coding": [["system": "urn:ietf:bcp:47", "code": .string(language)]]]]
                ]
            }
        }
        if let birth = detail.shared.dateOfBirth { patient["birthDate"] = .string(birth.description) }
        entries.append(["fullUrl": .string("urn:uuid:\(patientID)"), "resource": .object(patient)])
        return [
            "resourceType": "Bundle",
            "id": .string(referral.id.description),
            "type": "collection",
            "timestamp": .string(timestamp(now)),
            "entry": .array(entries),
        ]
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
