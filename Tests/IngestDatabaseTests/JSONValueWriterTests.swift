import IngestCore
import IngestSinks
import Testing

/// The direct writer must give the very bytes `RecordJSON`'s encoder gives, or stored entity JSON would
/// depend on which path wrote it.
@Suite struct JSONValueWriterTests {
    static let controls = String(String.UnicodeScalarView((0..<0x20).map { Unicode.Scalar(UInt8($0)) }))

    static let objects: [[String: JSONValue]] = [
        [:],
        ["iso": .string("2026-05-01"), "precision": .string("day")],
        ["text": .string(controls + "\"\\/\u{7F}é😀\u{2028}ѝ")],
        ["a10": .number(1), "a9": .number(2), "B": .null, "a": .bool(true), "_": .bool(false), "é": .string(""), "e": .array([])],
        ["n": .array([.number(0.1), .number(-0.25), .number(1e-7), .number(1e300), .number(2.5e15), .number(-0.0), .number(1.0 / 3)])],
        ["n": .array([.number(999_999_999_999_999), .number(-5), .number(1e15), .number(123_456_789.125)])],
        ["nested": .object(["b": .array([.object(["z": .string("x"), "y": .null])]), "a": .object([:])])],
    ]

    @Test(arguments: objects)
    func matchesTheEncoder(_ object: [String: JSONValue]) throws {
        #expect(try JSONValueWriter.encode(object) == RecordJSON.encode(object))
    }

    @Test func matchesTheEncoderForArbitraryNumbers() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            let object: [String: JSONValue] = ["v": .number(value), "w": .number(Double(Int.random(in: -1_000_000...1_000_000)) / 1000)]
            #expect(try JSONValueWriter.encode(object) == RecordJSON.encode(object), "\(value)")
        }
    }

    @Test(arguments: [Double.nan, .infinity, -.infinity])
    func refusesWhatJSONCannotCarry(_ value: Double) {
        #expect(throws: JSONValueWriter.NonConformingNumber.self) { try JSONValueWriter.encode(["v": .number(value)]) }
        #expect(throws: (any Error).self) { try RecordJSON.encode(["v": JSONValue.number(value)]) }
    }
}
