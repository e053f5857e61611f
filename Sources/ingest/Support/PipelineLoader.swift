import ArgumentParser
import Foundation
import IngestCore

/// Reads and validates a pipeline file, or the built-in default.
enum PipelineLoader {
    static func load(_ path: String?) throws -> PipelineDefinition {
        let parser = PipelineDefinitionParser(registry: StageCatalog.registry)
        let (yaml, file): (String, String)
        if let path {
            guard let data = FileManager.default.contents(atPath: path) else {
                Diagnostics.error("cannot read pipeline file \(path)")
                throw ExitCode(ExitStatus.noInput.rawValue)
            }
            guard let text = String(data: data, encoding: .utf8) else {
                Diagnostics.error("\(path): a pipeline file must be UTF-8")
                throw ExitCode(ExitStatus.config.rawValue)
            }
            (yaml, file) = (text, path)
        } else {
            (yaml, file) = (DefaultPipeline.yaml, "<built-in \(DefaultPipeline.fileName)>")
        }
        do {
            return try parser.parse(yaml: yaml, file: file)
        } catch {
            for issue in error.issues { Diagnostics.write(issue.description) }
            throw ExitCode(ExitStatus.config.rawValue)
        }
    }
}
