extension WARCByteStream {
    /// What looking for the record after a damaged one came to.
    enum Resumption {
        /// The next unread byte starts a record.
        case record
        /// A gzip member that began after the damage cannot be read: the record it held is lost, and is
        /// owed a dead letter of its own, or the summary would not add up. The next look goes on after it.
        case lostMember(fileOffset: Int, failure: Failure)
        /// No record follows.
        case end
    }
}
