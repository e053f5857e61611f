@testable import IngestPostgres
import PostgresNIO
import Testing

@Suite struct PostgresFailureTests {
    @Test("a connection the server closed is a loss to reconnect from, whichever driver error reports it", arguments: [
        PostgresError.connectionClosed,
        PostgresError.protocol("Unexpected connection close"),
    ])
    func closedConnectionIsLoss(_ error: PostgresError) {
        #expect(PostgresFailure.isConnectionLoss(error))
    }

    @Test("other driver errors are not losses: retrying cannot fix them", arguments: [
        PostgresError.protocol("Unable to authenticate without password"),
        PostgresError.protocol("Received unencrypted data after SSL request"),
    ])
    func otherErrorsAreNotLoss(_ error: PostgresError) {
        #expect(!PostgresFailure.isConnectionLoss(error))
    }
}
