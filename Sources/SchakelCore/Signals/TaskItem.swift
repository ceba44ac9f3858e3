import Foundation

/// A "check again" task as the concierge's list shows it.
public struct TaskItem: Sendable, Equatable {
    public var task: SignalTask
    public var residentName: String?
    public var addressLine: String?

    public init(
        task: SignalTask, residentName: String? = nil, addressLine: String? = nil
    ) {
        self.task = task
        self.residentName = residentName
        self.addressLine = addressLine
    }

}
