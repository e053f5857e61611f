/// The attributes strip reads from one element, in one pass over its attribute list.
struct ElementAttributes {
    var classAndID: String?
    var role: String?
    var hidden = false
    var type: String?
    var property: String?
    var name: String?
    var content: String?
    var datetime: String?
    var itemprop: String?
    var pubdate = false
    var src: String?

    init(_ tree: HTMLTree, element: Int32) {
        for attribute in tree.attributes(of: element) {
            let value = String(decoding: tree.bytes(start: attribute.start, count: attribute.count), as: UTF8.self)
            switch attribute.name {
            case .class, .id:
                if !value.isEmpty {
                    classAndID = classAndID.map { $0 + " " + value } ?? value
                }
            case .role: role = value.lowercased()
            case .hidden: hidden = true
            case .ariaHidden: if value.lowercased() == "true" { hidden = true }
            case .style:
                if Self.hidesElement(value) { hidden = true }
            case .type: type = value
            case .property: property = value
            case .name: name = value
            case .content: content = value
            case .datetime: datetime = value
            case .itemprop: itemprop = value
            case .pubdate: pubdate = true
            case .src: src = value
            case .other: break
            }
        }
    }

    private static let hidingDeclarations = [Array("display:none".utf8), Array("visibility:hidden".utf8)]

    /// Whether inline CSS hides the element, read over bytes with spaces dropped and ASCII folded.
    static func hidesElement(_ style: String) -> Bool {
        var compact: [UInt8] = []
        for byte in style.utf8 where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
            compact.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return hidingDeclarations.contains { declaration in
            compact.count >= declaration.count
                && (0...(compact.count - declaration.count)).contains { compact[$0..<($0 + declaration.count)].elementsEqual(declaration) }
        }
    }
}

/// The attribute names strip reads, matched without allocating.
enum AttributeName: Equatable {
    case `class`, id, role, hidden, ariaHidden, style, type, property, name, content, datetime, itemprop, pubdate, src
    case other

    init(_ raw: UnsafePointer<UInt8>) {
        var length = 0
        while raw[length] != 0, length < 16 { length += 1 }
        let bytes = UnsafeBufferPointer(start: raw, count: length)
        switch length {
        case 2: self = bytes.elementsEqual("id".utf8) ? .id : .other
        case 3: self = bytes.elementsEqual("src".utf8) ? .src : .other
        case 4:
            self = bytes.elementsEqual("role".utf8) ? .role : bytes.elementsEqual("type".utf8) ? .type : bytes.elementsEqual("name".utf8) ? .name : .other
        case 5:
            self = bytes.elementsEqual("class".utf8) ? .class : bytes.elementsEqual("style".utf8) ? .style : .other
        case 6: self = bytes.elementsEqual("hidden".utf8) ? .hidden : .other
        case 7:
            self = bytes.elementsEqual("content".utf8) ? .content : bytes.elementsEqual("pubdate".utf8) ? .pubdate : .other
        case 8:
            self = bytes.elementsEqual("property".utf8) ? .property : bytes.elementsEqual("datetime".utf8) ? .datetime
                : bytes.elementsEqual("itemprop".utf8) ? .itemprop : .other
        case 11: self = bytes.elementsEqual("aria-hidden".utf8) ? .ariaHidden : .other
        default: self = .other
        }
    }
}
