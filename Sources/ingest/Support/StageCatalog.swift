import IngestCore
import IngestHTML

/// Every stage this build provides, in pipeline order.
enum StageCatalog {
    static let registry = StageRegistry([HTMLStrip.descriptor])
}
