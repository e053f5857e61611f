import Foundation

/// RFC 3339 timestamps in UTC with whole seconds, the one form the record uses for instants.
public enum RFC3339 {
    public static func string(from date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted))
    }
}
