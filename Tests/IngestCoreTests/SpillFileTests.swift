import Foundation
@testable import IngestCore
import IngestTestSupport
import Testing

@Suite struct SpillFileTests {
    @Test("appended records read back from their offsets, concurrently and in any order")
    func concurrentReads() async throws {
        let file = try SpillFile(directory: FixturePaths.temporaryDirectory().path)
        let records = (0..<200).map { number in (0..<(number * 37 % 5000)).map { UInt8(truncatingIfNeeded: $0 &+ number) } }
        let offsets = try records.map { record throws(SpillFile.Failure) in try file.append(record) }
        #expect(file.size == records.reduce(0) { $0 + $1.count })
        let order = Array(records.indices.reversed()) + records.indices.shuffled()
        let matches = await withTaskGroup(of: Bool.self) { group in
            for index in order {
                group.addTask { file.read(at: offsets[index], count: records[index].count) == records[index] }
            }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(matches == order.count)
    }

    @Test("a read past the end gives nothing rather than part of a record")
    func shortRead() throws {
        let file = try SpillFile(directory: FixturePaths.temporaryDirectory().path)
        let offset = try file.append([1, 2, 3, 4])
        #expect(file.read(at: offset, count: 4) == [1, 2, 3, 4])
        #expect(file.read(at: offset, count: 5) == nil)
        #expect(file.read(at: 10, count: 1) == nil)
    }

    @Test("bytes written in place read back, a resized file reads as zeros past what was written")
    func inPlace() throws {
        let file = try SpillFile(directory: FixturePaths.temporaryDirectory().path, prefix: "ingest-test")
        try file.resize(to: 64)
        #expect(file.size == 64)
        let bytes: [UInt8] = [9, 8, 7, 6]
        try bytes.withUnsafeBytes { buffer in try file.write(buffer, at: 30) }
        var back = [UInt8](repeating: 0xFF, count: 8)
        let inside = back.withUnsafeMutableBytes { buffer in file.read(into: buffer, at: 28) }
        #expect(inside)
        #expect(back == [0, 0, 9, 8, 7, 6, 0, 0])
        let pastTheEnd = back.withUnsafeMutableBytes { buffer in file.read(into: buffer, at: 60) }
        #expect(!pastTheEnd)
    }

    @Test("a write the disk refuses is a failure with the system's reason")
    func fullDisk() throws {
        let descriptor = open("/dev/full", O_WRONLY)
        try #require(descriptor >= 0)
        let file = SpillFile(adopting: descriptor)
        let bytes: [UInt8] = [1, 2, 3]
        var failure: SpillFile.Failure?
        do {
            try bytes.withUnsafeBytes { buffer in try file.write(buffer, at: 0) }
        } catch {
            failure = error as? SpillFile.Failure
        }
        #expect(failure?.message.contains("No space left") == true)
    }
}
