import Foundation
import SchakelViews
import SnapshotTesting
import Testing

/// A whole page as its HTML document, one tag per line so a snapshot's diff reads as the page changed.
/// Text never holds a raw `<` (it is escaped), so breaking before each one keeps every text whole.
enum Snapshot {
    static func document(_ page: PageContent, _ context: PageContext) -> String {
        Layout.document(page, context: context).replacingOccurrences(of: "<", with: "\n<")
    }
}

/// Compares a page with its stored snapshot under `__Snapshots__`, and its status too; a missing snapshot
/// is written and fails the test once, so a new page is looked at before it is kept.
func assertPage(
    _ page: PageContent, _ context: PageContext, status: PageStatus = .ok, named name: String? = nil,
    fileID: StaticString = #fileID, file: StaticString = #filePath, testName: String = #function,
    line: UInt = #line, column: UInt = #column
) {
    #expect(page.status == status)
    assertSnapshot(
        of: Snapshot.document(page, context), as: .lines, named: name, fileID: fileID, file: file,
        testName: testName, line: line, column: column)
}
