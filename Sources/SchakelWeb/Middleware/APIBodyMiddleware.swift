import Foundation
import SchakelCore
import Vapor

/// Holds JSON bodies of the API to what the OpenAPI document allows where the generated decoder is
/// lenient: `null` is not a value of any field (leave the field out), and a body needs a content type.
struct APIBodyMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.isAPI, [.POST, .PUT, .PATCH].contains(request.method) else {
            return try await next.respond(to: request)
        }
        if let body = try await request.collectedBody(), body.readableBytes > 0 {
            guard request.headers.contentType != nil else { throw Abort(.unsupportedMediaType) }
            if request.headers.contentType == .json,
                let value = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView), options: []),
                let field = Self.firstNull(in: value, path: "")
            {
                throw ValidationError(field: field.isEmpty ? "body" : field, key: "null")
            }
        }
        return try await next.respond(to: request)
    }

    /// The path of the first `null` in a JSON value (`domains`, `items[2].name`), or nil.
    static func firstNull(in value: Any, path: String) -> String? {
        if value is NSNull { return path }
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() {
                if let found = firstNull(in: object[key]!, path: path.isEmpty ? key : "\(path).\(key)") {
                    return found
                }
            }
        }
        if let array = value as? [Any] {
            for (index, item) in array.enumerated() {
                if let found = firstNull(in: item, path: "\(path)[\(index)]") { return found }
            }
        }
        return nil
    }
}
