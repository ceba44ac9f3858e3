import Foundation

/// Finds the services in HSDS 3.0 JSON as files come: a `service_full` object, an array of them, a paged list
/// (`contents`), an `organization_full` with its `services`, or a `service_at_location_full` with its `service`.
public enum HSDSJSON {
    /// The service objects in a document, in order. A file given on its own is all services (so a broken one
    /// is reported, not skipped); in a folder (`strict` false) files describing other things, such as a
    /// location or a list of organisations, are passed over.
    public static func services(in document: JSONValue, strict: Bool = true) -> [JSONValue] {
        switch document {
        case .array(let items):
            let objects = items.filter { $0.fields != nil }
            guard strict || objects.contains(where: { $0["status"] != nil }) else { return [] }
            return objects.flatMap { item -> [JSONValue] in
                item["services"] != nil || item["service"] != nil ? services(in: item, strict: strict) : [item]
            }
        case .object:
            if let contents = document["contents"], case .array = contents {
                return services(in: contents, strict: strict)
            }
            if let list = document["services"]?.items, document["status"] == nil {
                // An organization_full: its services carry the organisation itself.
                var parent = document
                parent["services"] = nil
                return list.map { item in
                    var service = item
                    if service["organization"] == nil { service["organization"] = parent }
                    return service
                }
            }
            if let service = document["service"], service.fields != nil, document["status"] == nil {
                return [service]
            }
            return strict || document["status"] != nil ? [document] : []
        default:
            return []
        }
    }

    /// One service per id: where several files describe the same service, the fullest description counts.
    public static func merged(_ services: [JSONValue]) -> [JSONValue] {
        var order: [String] = []
        var best: [String: (JSONValue, Int)] = [:]
        for (index, service) in services.enumerated() {
            let key = service["id"]?.text?.lowercased() ?? "#\(index)"
            let size = service.serialized().utf8.count
            if let current = best[key] {
                if size > current.1 { best[key] = (service, size) }
            } else {
                order.append(key)
                best[key] = (service, size)
            }
        }
        return order.map { best[$0]!.0 }
    }
}
