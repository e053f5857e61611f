import Foundation
import IngestCore

/// A JSON Lines file written through a temporary file and renamed into place at the end, so a reader
/// never sees half a run, and a crashed run leaves the previous file intact. `-` writes to standard output;
/// a path that is not a regular file (`/dev/null`, a FIFO, a symlink) is written in place, never replaced.
final class JSONLFile {
    let path: String
    private let temporaryPath: String?
    private let handle: FileHandle
    private var pending: [UInt8] = []
    private(set) var lines = 0

    init(path: String) throws(RunError) {
        self.path = path
        if path == "-" {
            temporaryPath = nil
            handle = FileHandle.standardOutput
            return
        }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        if !Self.isReplaceable(path) {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw RunError(.cannotCreateOutput, "cannot open \(path) for writing")
            }
            try? handle.truncate(atOffset: 0)
            temporaryPath = nil
            self.handle = handle
            return
        }
        let temporary = path + ".\(ProcessInfo.processInfo.processIdentifier).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil),
            let handle = FileHandle(forWritingAtPath: temporary)
        else {
            throw RunError(.cannotCreateOutput, "cannot create \(path)")
        }
        temporaryPath = temporary
        self.handle = handle
    }

    /// Whether `path` may be swapped for a new file by rename: it is missing or a regular file. Renaming
    /// over a device, a FIFO or a symlink would replace it rather than write through it.
    static func isReplaceable(_ path: String) -> Bool {
        var status = stat()
        guard lstat(path, &status) == 0 else { return errno == ENOENT }
        return status.st_mode & S_IFMT == S_IFREG
    }

    func append(_ json: [UInt8]) throws(RunError) {
        pending.append(contentsOf: json)
        pending.append(0x0A)
        lines += 1
        if pending.count >= 1 << 20 { try flush() }
    }

    func flush() throws(RunError) {
        guard !pending.isEmpty else { return }
        do {
            try handle.write(contentsOf: pending)
        } catch {
            throw RunError(.writeFailed, "writing \(path) failed: \(error)")
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Flushes, syncs and renames the file into place.
    func close() throws(RunError) {
        try flush()
        guard let temporaryPath else {
            if handle !== FileHandle.standardOutput { try? handle.close() }
            return
        }
        do {
            try handle.synchronize()
            try handle.close()
        } catch {
            throw RunError(.writeFailed, "finishing \(path) failed: \(error)")
        }
        // rename(2) replaces the old file atomically: readers see the old run or the new one, never a mix.
        guard rename(temporaryPath, path) == 0 else {
            throw RunError(.writeFailed, "cannot move \(temporaryPath) to \(path): \(String(cString: strerror(errno)))")
        }
    }
}
