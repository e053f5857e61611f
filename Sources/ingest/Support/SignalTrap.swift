import Dispatch
import Foundation
import IngestCore

/// Turns SIGINT and SIGTERM into a ``StopRequest`` so a run drains and flushes instead of dying mid-write.
///
/// The default handlers are replaced for the life of the trap; a second signal, from someone who does not
/// want to wait for the documents in flight, ends the process at once with the usual status.
final class SignalTrap {
    private var sources: [any DispatchSourceSignal] = []

    init(stop: StopRequest, onFirst: @escaping @Sendable (Int32) -> Void) {
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if stop.isRequested { exit(128 + number) }
                stop.request(signal: number)
                onFirst(number)
            }
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }

    static func name(_ number: Int32) -> String { number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : "signal \(number)" }
}
