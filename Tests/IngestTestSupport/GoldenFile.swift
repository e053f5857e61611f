import Foundation

/// Compares output with a file under `Fixtures/expected/`; `UPDATE_GOLDEN=1 swift test` rewrites the
/// files instead, for a reviewed change of behaviour.
public enum GoldenFile {
    public static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// The golden content, or nil when the file is missing (after writing it, when updating).
    public static func check(_ actual: String, against name: String) throws -> String? {
        let url = FixturePaths.expected.appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: FixturePaths.expected, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
