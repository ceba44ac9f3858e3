import Foundation

/// A sign-up as the list of a day shows it: the name only for those who may see the resident.
public struct SignUpLine: Sendable, Equatable {
    public var signUp: ActivitySignUp
    public var residentName: String?

    public init(
        signUp: ActivitySignUp, residentName: String? = nil
    ) {
        self.signUp = signUp
        self.residentName = residentName
    }

}
