import SchakelCore
import SchakelViews
import Vapor

extension Request {
    /// What the pages know of this request.
    var pageContext: PageContext {
        PageContext(
            language: language, csrfToken: csrfToken, today: today, path: url.path,
            viewer: authenticated.map {
                PageContext.Viewer(
                    userID: $0.user.id, displayName: $0.user.displayName, sections: AccessPolicy.sections(for: $0.actor)
                )
            })
    }

    /// A page inside the common layout (header, navigation, language switch), as an HTML response;
    /// always `text/html; charset=utf-8`.
    func page(_ content: PageContent) -> Response {
        let response = Response(status: HTTPResponseStatus(statusCode: content.status.code))
        response.headers.contentType = .html
        response.body = .init(string: Layout.document(content, context: pageContext))
        return response
    }
}

extension ErrorPage {
    static func response(_ description: ErrorDescription, request: Request) -> Response {
        let t = request.localizer
        let content = ErrorPage.content(
            title: description.title(t), problems: description.problems,
            status: PageStatus(code: Int(description.status.code)), t: t)
        let response = request.page(content)
        for (name, value) in description.headers { response.headers.replaceOrAdd(name: name, value: value) }
        return response
    }
}
