import SchakelCore

/// What every page knows of the request it answers, filled in by the web layer: the reader's language,
/// the form token, today's date, the path (for the language switch's way back) and who is logged in.
/// A page is a function of its model and this context; it never sees the request itself.
public struct PageContext: Sendable {
    /// The person logged in, as the layout shows them.
    public struct Viewer: Sendable {
        public var userID: User.ID
        public var displayName: String
        /// The sections the menu offers, from the access policy.
        public var sections: [AccessPolicy.Section]

        public init(userID: User.ID, displayName: String, sections: [AccessPolicy.Section]) {
            self.userID = userID
            self.displayName = displayName
            self.sections = sections
        }
    }

    public var language: Language
    public var csrfToken: String
    public var today: LocalDate
    public var path: String
    public var viewer: Viewer?
    /// Makes the ids a form carries from the moment it is drawn (a contact moment's, so pressing twice
    /// stores one).
    public var ids: IDGenerator

    public init(
        language: Language, csrfToken: String, today: LocalDate, path: String, viewer: Viewer?,
        ids: IDGenerator = .random
    ) {
        self.ids = ids
        self.language = language
        self.csrfToken = csrfToken
        self.today = today
        self.path = path
        self.viewer = viewer
    }

    /// The interface text in the reader's language.
    public var t: Localizer { Localizer(language: language) }
}
