import Foundation

/// Facts about the machine the run is on.
public enum SystemInfo {
    public static var activeProcessorCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}
