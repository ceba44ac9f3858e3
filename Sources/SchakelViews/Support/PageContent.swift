/// A page to render inside the common layout: its title, body and the HTTP status it is sent with.
public struct PageContent: Sendable {
    public var title: String
    public var body: [HTMLNode]
    public var status: PageStatus

    public init(title: String, body: [HTMLNode], status: PageStatus = .ok) {
        self.title = title
        self.body = body
        self.status = status
    }
}

/// The HTTP status of a page, named as the web layer names them (the views do not import it).
public struct PageStatus: Sendable, Equatable {
    public var code: Int

    public init(code: Int) { self.code = code }

    public static let ok = PageStatus(code: 200)
    public static let badRequest = PageStatus(code: 400)
    public static let forbidden = PageStatus(code: 403)
    public static let notFound = PageStatus(code: 404)
    public static let conflict = PageStatus(code: 409)
    public static let unprocessableEntity = PageStatus(code: 422)
}
