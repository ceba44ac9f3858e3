import Foundation

/// The tabular form of HSDS 3.0 (a data package of CSV files, one per table) turned into `service_full`
/// documents and back. Nested objects become rows of their own table, linked by the id columns the data
/// package defines; a row linked from several places (a phone of a service and of its location) is one row
/// with several links, and appears in each place again on the way back.
public enum HSDSTabular {
    /// The columns of each table, as in the HSDS 3.0 data package, and which of them are numbers.
    public static let tables: [String: (columns: [String], numbers: Set<String>)] = [
        "organizations": (
            [
                "id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id",
                "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id",
            ], ["year_incorporated"]
        ),
        "programs": (["id", "organization_id", "name", "alternate_name", "description"], []),
        "services": (
            [
                "id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email",
                "status",
                "interpretation_services", "application_process", "fees_description", "wait_time", "fees",
                "accreditations", "eligibility_description", "minimum_age", "maximum_age", "assured_date",
                "assurer_email", "licenses", "alert", "last_modified",
            ], ["minimum_age", "maximum_age"]
        ),
        "attributes": (["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"], []),
        "service_at_location": (["id", "service_id", "location_id", "description"], []),
        "locations": (
            [
                "id", "location_type", "url", "organization_id", "name", "alternate_name", "description",
                "transportation", "latitude", "longitude", "external_identifier", "external_identifier_type",
            ], ["latitude", "longitude"]
        ),
        "phones": (
            [
                "id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id", "number",
                "extension", "type", "description",
            ], ["extension"]
        ),
        "contacts": (
            [
                "id", "organization_id", "service_id", "service_at_location_id", "location_id", "name", "title",
                "department", "email",
            ], []
        ),
        "addresses": (
            [
                "id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province",
                "postal_code", "country", "address_type",
            ], []
        ),
        "schedules": (
            [
                "id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "dtstart",
                "timezone", "until", "count", "wkst", "freq", "interval", "byday", "byweekno", "bymonthday",
                "byyearday", "description", "opens_at", "closes_at", "schedule_link", "attending_type", "notes",
            ], ["timezone", "count", "interval"]
        ),
        "funding": (["id", "organization_id", "service_id", "source"], []),
        "service_areas": (["id", "service_id", "name", "description", "extent", "extent_type", "uri"], []),
        "required_documents": (["id", "service_id", "document", "uri"], []),
        "languages": (["id", "service_id", "location_id", "phone_id", "name", "code", "note"], []),
        "accessibility": (["id", "location_id", "description", "details", "url"], []),
        "taxonomy_terms": (
            ["id", "code", "name", "description", "parent_id", "taxonomy", "language", "taxonomy_id", "term_uri"], []
        ),
        "metadata": (
            [
                "id", "resource_id", "resource_type", "last_action_date", "last_action_type", "field_name",
                "previous_value", "replacement_value", "updated_by",
            ], []
        ),
        "cost_options": (
            ["id", "service_id", "valid_from", "valid_to", "option", "currency", "amount", "amount_description"],
            ["amount"]
        ),
        "organization_identifiers": (
            ["id", "organization_id", "identifier_scheme", "identifier_type", "identifier"], []
        ),
        "taxonomies": (["id", "name", "description", "uri", "version"], []),
    ]

    /// The file of each table in the data package (the table `service_at_location` is singular there).
    public static func fileName(_ table: String) -> String { table + ".csv" }

    /// How a nested part of a document relates to its table.
    indirect enum Link {
        /// An array under `key`: rows of `table` whose `foreignKey` is the parent's id.
        case children(key: String, table: String, foreignKey: String, nested: [Link])
        /// An object under `key`: the row of `table` whose id is the parent's `localKey` column.
        case parent(key: String, table: String, localKey: String, nested: [Link])
    }

    static let languagesOfPhone = Link.children(
        key: "languages", table: "languages", foreignKey: "phone_id", nested: [])
    static func phones(_ foreignKey: String) -> Link {
        .children(key: "phones", table: "phones", foreignKey: foreignKey, nested: [languagesOfPhone])
    }
    static func contacts(_ foreignKey: String) -> Link {
        .children(key: "contacts", table: "contacts", foreignKey: foreignKey, nested: [phones("contact_id")])
    }
    static let locationParts: [Link] = [
        .children(key: "languages", table: "languages", foreignKey: "location_id", nested: []),
        .children(key: "addresses", table: "addresses", foreignKey: "location_id", nested: []),
        contacts("location_id"),
        .children(key: "accessibility", table: "accessibility", foreignKey: "location_id", nested: []),
        phones("location_id"),
        .children(key: "schedules", table: "schedules", foreignKey: "location_id", nested: []),
    ]

    /// The shape of a `service_full` document.
    static let service: [Link] = [
        phones("service_id"),
        .children(key: "schedules", table: "schedules", foreignKey: "service_id", nested: []),
        .children(key: "service_areas", table: "service_areas", foreignKey: "service_id", nested: []),
        .children(
            key: "service_at_locations", table: "service_at_location", foreignKey: "service_id",
            nested: [
                contacts("service_at_location_id"), phones("service_at_location_id"),
                .children(key: "schedules", table: "schedules", foreignKey: "service_at_location_id", nested: []),
                .parent(key: "location", table: "locations", localKey: "location_id", nested: locationParts),
            ]),
        .children(key: "languages", table: "languages", foreignKey: "service_id", nested: []),
        .parent(
            key: "organization", table: "organizations", localKey: "organization_id",
            nested: [
                .children(key: "funding", table: "funding", foreignKey: "organization_id", nested: []),
                contacts("organization_id"), phones("organization_id"),
                .children(key: "locations", table: "locations", foreignKey: "organization_id", nested: locationParts),
                .children(key: "programs", table: "programs", foreignKey: "organization_id", nested: []),
                .children(
                    key: "organization_identifiers", table: "organization_identifiers", foreignKey: "organization_id",
                    nested: []),
            ]),
        .children(key: "funding", table: "funding", foreignKey: "service_id", nested: []),
        .children(key: "cost_options", table: "cost_options", foreignKey: "service_id", nested: []),
        .parent(key: "program", table: "programs", localKey: "program_id", nested: []),
        .children(key: "required_documents", table: "required_documents", foreignKey: "service_id", nested: []),
        contacts("service_id"),
        .children(
            key: "attributes", table: "attributes", foreignKey: "link_id",
            nested: [
                .parent(
                    key: "taxonomy_term", table: "taxonomy_terms", localKey: "taxonomy_term_id",
                    nested: [.parent(key: "taxonomy_detail", table: "taxonomies", localKey: "taxonomy_id", nested: [])])
            ]),
        .children(key: "metadata", table: "metadata", foreignKey: "resource_id", nested: []),
    ]

    /// The columns that only link rows: in the nested JSON form the nesting says it.
    static let linkColumns: Set<String> = [
        "service_id", "location_id", "organization_id", "contact_id", "service_at_location_id", "phone_id", "link_id",
        "resource_id", "program_id", "taxonomy_term_id", "taxonomy_id",
    ]

    // MARK: Reading

    /// The services of a data package, given its CSV files by table name (missing tables are empty).
    /// A file that is not CSV, or a table with an unknown column, is a `ValidationError` naming the file.
    public static func services(from files: [String: String]) throws -> [JSONValue] {
        var rows: [String: [[String: String]]] = [:]
        for (table, text) in files {
            guard tables[table] != nil else { continue }
            let records = try CSVText.records(of: text)
            guard let header = records.first?.fields.map({ $0.replacingOccurrences(of: "\u{FEFF}", with: "") })
            else { continue }
            rows[table] = records.dropFirst().filter { !$0.fields.allSatisfy(\.isEmpty) }.map { record in
                var row: [String: String] = [:]
                for (index, name) in header.enumerated() where index < record.fields.count {
                    if !record.fields[index].isEmpty { row[name] = record.fields[index] }
                }
                return row
            }
        }
        var byKey: [String: [String: [[String: String]]]] = [:]
        func children(_ table: String, _ foreignKey: String, of id: String) -> [[String: String]] {
            let key = table + "|" + foreignKey
            if byKey[key] == nil {
                byKey[key] = Dictionary(grouping: (rows[table] ?? []).filter { $0[foreignKey] != nil }) {
                    $0[foreignKey]!.lowercased()
                }
            }
            return byKey[key]![id.lowercased()] ?? []
        }
        var byID: [String: [String: [String: String]]] = [:]
        func lookupRow(_ table: String, _ id: String) -> [String: String]? {
            if byID[table] == nil {
                byID[table] = Dictionary(
                    (rows[table] ?? []).compactMap { row in row["id"].map { ($0.lowercased(), row) } },
                    uniquingKeysWith: { first, _ in first })
            }
            return byID[table]![id.lowercased()]
        }
        func object(_ row: [String: String], table: String, links: [Link], dropping link: String?) -> JSONValue {
            var fields: [String: JSONValue] = [:]
            let numbers = tables[table]?.numbers ?? []
            for (name, value) in row where name != link && !linkColumns.contains(name) {
                fields[name] = numbers.contains(name) ? number(value) : .string(value)
            }
            for link in links {
                switch link {
                case .children(let key, let childTable, let foreignKey, let nested):
                    guard let id = row["id"] else { continue }
                    let found = children(childTable, foreignKey, of: id)
                    if !found.isEmpty {
                        fields[key] = .array(
                            found.map { object($0, table: childTable, links: nested, dropping: foreignKey) })
                    }
                case .parent(let key, let parentTable, let localKey, let nested):
                    guard let id = row[localKey], let parent = lookupRow(parentTable, id) else { continue }
                    fields[key] = object(parent, table: parentTable, links: nested, dropping: nil)
                }
            }
            return .object(fields)
        }
        return (rows["services"] ?? []).map { object($0, table: "services", links: service, dropping: nil) }
    }

    static func number(_ text: String) -> JSONValue {
        if let value = Int(text) { return .int(value) }
        if let value = Double(text) { return .double(value) }
        return .string(text)
    }

    // MARK: Writing

    /// The CSV file of every table (header only when it has no rows), by file name.
    public static func files(from services: [JSONValue]) -> [String: String] {
        var rows: [String: [String: [String: String]]] = [:]
        var order: [String: [String]] = [:]
        func emit(_ table: String, _ row: [String: String]) {
            guard let id = row["id"] else { return }
            if var existing = rows[table]?[id] {
                // The same row met in another place: its other links join it.
                for (name, value) in row where existing[name] == nil { existing[name] = value }
                rows[table]![id] = existing
            } else {
                rows[table, default: [:]][id] = row
                order[table, default: []].append(id)
            }
        }
        func flatten(_ object: JSONValue, table: String, links: [Link], linkedBy: (String, String)?) {
            guard let fields = object.fields else { return }
            var row: [String: String] = [:]
            let columns = Set(tables[table]?.columns ?? [])
            for (name, value) in fields where columns.contains(name) {
                if let text = cell(value) { row[name] = text }
            }
            if let (column, id) = linkedBy { row[column] = id }
            for link in links {
                switch link {
                case .children(let key, let childTable, let foreignKey, let nested):
                    guard let id = row["id"] else { continue }
                    for child in object[key]?.items ?? [] {
                        flatten(child, table: childTable, links: nested, linkedBy: (foreignKey, id))
                    }
                case .parent(let key, let parentTable, let localKey, let nested):
                    guard let parent = object[key], let id = parent["id"]?.text else { continue }
                    row[localKey] = id
                    flatten(parent, table: parentTable, links: nested, linkedBy: nil)
                }
            }
            emit(table, row)
        }
        for service in services { flatten(service, table: "services", links: Self.service, linkedBy: nil) }
        var files: [String: String] = [:]
        for (table, definition) in tables {
            var lines = [CSVText.line(definition.columns)]
            for id in order[table] ?? [] {
                let row = rows[table]![id]!
                lines.append(CSVText.line(definition.columns.map { row[$0] ?? "" }))
            }
            files[fileName(table)] = lines.joined(separator: "\r\n") + "\r\n"
        }
        return files
    }

    /// The text of a scalar for a cell; nil for null, arrays and objects.
    static func cell(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number):
            number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    /// A minimal `datapackage.json` describing the files written.
    public static func datapackage() -> JSONValue {
        .object([
            "name": .string("schakel-sociale-kaart"), "profile": .string("tabular-data-package"),
            "resources": .array(
                tables.keys.sorted().map { table in
                    let definition = tables[table]!
                    return .object([
                        "name": .string(table), "path": .string(fileName(table)),
                        "profile": .string("tabular-data-resource"),
                        "schema": .object([
                            "fields": .array(
                                definition.columns.map { column in
                                    .object([
                                        "name": .string(column),
                                        "type": .string(definition.numbers.contains(column) ? "number" : "string"),
                                    ])
                                })
                        ]),
                    ])
                }),
        ])
    }
}
