import IngestCore
import IngestEvents
import IngestHTML
import IngestText

/// Every stage this build provides, in pipeline order.
enum StageCatalog {
    static let registry = StageRegistry([HTMLStrip.descriptor, MojibakeRepair.descriptor, EventExtractor.descriptor])
}
