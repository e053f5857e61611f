import IngestCore
import IngestEntities
import IngestEvents
import IngestHTML
import IngestLanguage
import IngestText

/// Every stage this build provides, in pipeline order.
enum StageCatalog {
    static let registry = StageRegistry([HTMLStrip.descriptor, MojibakeRepair.descriptor, LanguageDetection.descriptor, EntityExtractor.descriptor, EventExtractor.descriptor])
}
