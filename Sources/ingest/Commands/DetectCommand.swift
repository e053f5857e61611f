import ArgumentParser
import Foundation
import IngestCore
import IngestLanguage

/// `ingest detect`: the language stage's detector alone, on text.
struct DetectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "detect",
        abstract: "Identify the language of text read from standard input.",
        discussion: """
            Without --jsonl the whole input is one text. With --jsonl each line is one text: a JSON string, \
            or else the line as it stands (so plain text lines work too, "null" and "2007" included); a line that \
            is a JSON object or array, or is not UTF-8, gets an answer with an "error" and the exit status is 65. Each answer \
            is one line {"candidates": [{"language", "score"}…], "confidence", "language", "script"}, in \
            input order; candidates are ranked best first and their scores add up to 1. The language is \
            `und` when the best candidate's score is below --min-confidence, when the text has fewer than two \
            letters or none in Latin or Cyrillic script, when it is not words of any candidate, or when its \
            letters fit none of the candidates (text of 120 letters or more in another language); the last two \
            answer confidence 0.
            """)

    @Flag(name: .long, help: "One text per line in (a JSON string or plain text), one JSON object per line out.")
    var jsonl = false

    @Option(name: .long, help: "Comma-separated ISO 639-1 codes to choose among.")
    var candidates = LanguageDetector.defaultCandidates.joined(separator: ",")

    @Option(name: .long, help: ArgumentHelp(
        "Comma-separated codes of the candidates that are decoys, recognised but a priori less likely than the others by the own-language-prior weight ('' for none).",
        valueName: "codes"))
    var decoys = LanguageDetector.defaultDecoys.joined(separator: ",")

    @Option(name: .long, help: "Below this score the answer is und (0...1).")
    var minConfidence = LanguageDetector.defaultMinimumConfidence

    @Option(name: .long, help: ArgumentHelp("A model file built by Scripts/build-language-model.py --out, instead of the built-in one.", valueName: "file"))
    var model: String?

    @Option(name: .long, help: ArgumentHelp(
        "Override how the kinds of evidence are weighed, as name=value pairs (characters, backoff, words, absent-letter, temperature, own-language-prior, script-share, whole-word-letters, decisive-margin, foreign-text-cost; 'none' for no margin, and 'none' or 0 for reading no text as foreign), for setting the weights on held-out text.",
        valueName: "pairs"))
    var weights: String?

    func validate() throws {
        guard (0...1).contains(minConfidence) else {
            throw ValidationError("--min-confidence must be between 0 and 1")
        }
    }

    func run() throws {
        // ArgumentParser's property wrappers are read once each, into what a plain invocation gives too.
        try Self.run(
            Invocation(jsonl: jsonl, candidates: candidates, decoys: decoys, minConfidence: minConfidence, model: model, weights: weights))
    }

    /// What one `ingest detect` is asked to do, however its arguments were parsed.
    struct Invocation: Equatable {
        var jsonl: Bool
        var candidates = LanguageDetector.defaultCandidates.joined(separator: ",")
        var decoys = LanguageDetector.defaultDecoys.joined(separator: ",")
        var minConfidence = LanguageDetector.defaultMinimumConfidence
        var model: String? = nil
        var weights: String? = nil
    }

    /// The invocation of `ingest detect` and `ingest detect --jsonl`, the command lines batch callers use,
    /// so that they run without ArgumentParser: its parse scans the executable's protocol conformances,
    /// 19 M instructions, a tenth of those of a run that loads the model and detects nothing. Anything else
    /// (an option, help, a flag twice) returns nil and is parsed as every other command line is.
    static func plainInvocation(_ arguments: [String]) -> Invocation? {
        guard arguments.first == configuration.commandName else { return nil }
        switch arguments.count {
        case 1: return Invocation(jsonl: false)
        case 2 where arguments[1] == "--jsonl": return Invocation(jsonl: true)
        default: return nil
        }
    }

    static func run(_ invocation: Invocation) throws {
        // A model file that is missing or damaged is an input that cannot be read, as a missing directory of
        // pages is for `strip`, not a misuse of the options: no usage text follows the reason.
        let loaded: LanguageModel
        do throws(LanguageModelError) {
            if let model = invocation.model {
                loaded = try LanguageModel(contentsOf: URL(fileURLWithPath: model))
            } else {
                loaded = try LanguageModel.bundled.get()
            }
        } catch {
            Diagnostics.error(error.description)
            throw ExitCode(ExitStatus.noInput.rawValue)
        }
        var detector: LanguageDetector
        do throws(LanguageModelError) {
            let codes = invocation.candidates.split(separator: ",").map { String($0.filter { !$0.isWhitespace }) }
            let decoyCodes = invocation.decoys.split(separator: ",").map { String($0.filter { !$0.isWhitespace }) }.filter { !$0.isEmpty }
            detector = try LanguageDetector(
                model: loaded, candidates: codes, decoys: decoyCodes, minimumConfidence: invocation.minConfidence)
        } catch {
            throw ValidationError(error.description)
        }
        if let weights = invocation.weights {
            detector.weights = try Self.parseWeights(weights, onto: detector.weights)
        }
        guard invocation.jsonl else {
            let input = try StandardInputText.read()
            var output: [UInt8] = []
            Self.append(detector.detect(input), error: nil, to: &output)
            FileHandle.standardOutput.write(Data(output))
            return
        }
        var streams = LineStreams(skipsEmptyLines: false)
        // Failed lines are counted, and the first few named, however many there are.
        var failedCount = 0
        var firstFailed: [Int] = []
        var lineNumber = 0
        // The lines' recurring words are scored once for the whole input.
        var cache = WordEvidenceCache()
        try streams.forEachLine { line, streams in
            lineNumber += 1
            do throws(JSONStringLine.Problem) {
                let text = try JSONStringLine.text(of: line)
                Self.append(detector.detect(text, cache: &cache), error: nil, to: &streams.output)
            } catch {
                failedCount += 1
                if firstFailed.count < 5 { firstFailed.append(lineNumber) }
                let guess = LanguageGuess(code: LanguageGuess.undetermined, confidence: 0, script: nil, candidates: [])
                Self.append(guess, error: "line \(lineNumber): \(error.message)", to: &streams.output)
            }
            try streams.flushIfFull()
        }
        try streams.flush()
        if failedCount > 0 {
            let shown = firstFailed.map(String.init).joined(separator: ", ")
            Diagnostics.error("\(failedCount) input lines were not text (line \(shown)\(failedCount > 5 ? ", …" : ""))")
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
    }

    /// `--weights`: each `name=value` pair replaces one of `base`'s weights.
    static func parseWeights(_ spec: String, onto base: DetectionWeights) throws -> DetectionWeights {
        var weights = base
        for pair in spec.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { throw ValidationError("--weights: '\(pair)' is not name=value") }
            let name = parts[0]
            if name == "decisive-margin" && parts[1] == "none" {
                weights.decisiveMargin = nil
                continue
            }
            if name == "foreign-text-cost" && parts[1] == "none" {
                weights.foreignTextCost = nil
                continue
            }
            guard let value = Double(parts[1]), value.isFinite, value >= 0 else {
                throw ValidationError("--weights: \(name) needs a number of at least 0, not '\(parts[1])'")
            }
            switch name {
            case "characters": weights.characters = value
            case "backoff": weights.backoff = value
            case "words": weights.words = value
            case "absent-letter": weights.absentLetter = value
            case "temperature":
                guard value > 0 else { throw ValidationError("--weights: temperature must be above 0") }
                weights.temperature = value
            case "own-language-prior": weights.ownLanguagePrior = value
            case "script-share":
                guard value == 0 || value == 1 else {
                    throw ValidationError("--weights: script-share is 1 (a language written in two scripts shares its prior between them) or 0, not '\(parts[1])'")
                }
                weights.sharesPriorAmongScripts = value == 1
            case "whole-word-letters":
                guard value == value.rounded(), value <= 64 else {
                    throw ValidationError("--weights: whole-word-letters needs a whole number up to 64, not '\(parts[1])'")
                }
                weights.wholeWordLetters = Int(value)
            case "decisive-margin": weights.decisiveMargin = value
            case "foreign-text-cost": weights.foreignTextCost = value > 0 ? value : nil
            default:
                throw ValidationError(
                    "--weights: unknown weight '\(name)'; the weights are characters, backoff, words, absent-letter, temperature, own-language-prior, script-share, whole-word-letters, decisive-margin, foreign-text-cost")
            }
        }
        return weights
    }

    /// Writes one answer as JSON with sorted keys, straight into the output bytes: this is the hot loop of a
    /// batch run, and building a `String` per answer cost about a tenth of it.
    static func append(_ guess: LanguageGuess, error: String?, to output: inout [UInt8]) {
        OutputBytes.put(#"{"candidates":["#, into: &output)
        for (index, candidate) in guess.candidates.enumerated() {
            OutputBytes.put(index > 0 ? #",{"language":""# : #"{"language":""#, into: &output)
            output.append(contentsOf: candidate.language.utf8)
            OutputBytes.put(#"","score":"#, into: &output)
            appendNumber(candidate.score, to: &output)
            output.append(0x7D)
        }
        OutputBytes.put(#"],"confidence":"#, into: &output)
        appendNumber(guess.confidence, to: &output)
        if let error {
            OutputBytes.put(#","error":"#, into: &output)
            output.append(contentsOf: quoted(error).utf8)
        }
        OutputBytes.put(#","language":""#, into: &output)
        output.append(contentsOf: guess.code.utf8)
        output.append(0x22)
        if let script = guess.script {
            OutputBytes.put(#","script":""#, into: &output)
            output.append(contentsOf: script.utf8)
            output.append(0x22)
        }
        OutputBytes.put("}\n", into: &output)
    }

    /// A score or confidence to four decimals, as Swift prints the rounded `Double` ("0", "1", "0.5",
    /// "0.9862"), without going through `String`.
    static func appendNumber(_ value: Double, to output: inout [UInt8]) {
        let scaled = (value * 10_000).rounded()
        guard scaled >= 0, scaled < 100_000_000 else {
            output.append(contentsOf: number(value).utf8)
            return
        }
        let units = Int(scaled)
        OutputBytes.putInteger(units / 10_000, into: &output)
        var fraction = units % 10_000
        guard fraction != 0 else { return }
        output.append(0x2E)
        var divisor = 1_000
        while fraction != 0 {
            output.append(0x30 + UInt8(fraction / divisor))
            fraction %= divisor
            divisor /= 10
        }
    }

    static func number(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20: out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
