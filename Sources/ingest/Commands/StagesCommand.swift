import ArgumentParser
import IngestCore

/// `ingest stages`: what a pipeline file may name.
struct StagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stages", abstract: "List the stages this build provides, with their options.")

    func run() {
        for descriptor in StageCatalog.registry.descriptors {
            print("\(descriptor.name): \(descriptor.summary)")
            for option in descriptor.options {
                print("  \(option.name) (default \(option.defaultValue)): \(option.summary)")
            }
        }
    }
}
