import Plot

/// A node of a page body. Pages are built from these helpers so every text and attribute value
/// is escaped by construction (Plot leaves attribute values as they are).
typealias HTMLNode = Node<HTML.BodyContext>

/// One attribute; the value is escaped when rendered.
struct Attr {
    let name: String
    let value: String?

    static func cls(_ value: String) -> Attr { Attr(name: "class", value: value) }
    static func id(_ value: String) -> Attr { Attr(name: "id", value: value) }
    static func href(_ value: String) -> Attr { Attr(name: "href", value: value) }
    static func name(_ value: String) -> Attr { Attr(name: "name", value: value) }
    static func type(_ value: String) -> Attr { Attr(name: "type", value: value) }
    static func value(_ value: String?) -> Attr { Attr(name: "value", value: value ?? "") }
    static func `for`(_ value: String) -> Attr { Attr(name: "for", value: value) }
    static func flag(_ name: String, _ on: Bool = true) -> Attr? { on ? Attr(name: name, value: nil) : nil }
    static func aria(_ name: String, _ value: String) -> Attr { Attr(name: "aria-" + name, value: value) }
}

enum H {
    /// An element with attributes and children.
    static func el(_ tag: String, _ attributes: [Attr?] = [], _ children: [HTMLNode] = []) -> HTMLNode {
        .element(named: tag, nodes: attributes.compactMap { $0.map(render) } + children)
    }

    /// An element without children or end tag, such as `input`.
    static func void(_ tag: String, _ attributes: [Attr?]) -> HTMLNode {
        .selfClosedElement(
            named: tag,
            attributes: attributes.compactMap { $0 }.map { attribute in
                Attribute<HTML.BodyContext>(
                    name: attribute.name, value: attribute.value.map(escape), ignoreIfValueIsEmpty: false)
            })
    }

    static func text(_ string: String) -> HTMLNode { .raw(escape(string)) }

    static func group(_ nodes: [HTMLNode]) -> HTMLNode { .group(nodes) }

    private static func render(_ attribute: Attr) -> HTMLNode {
        guard let value = attribute.value else { return .attribute(named: attribute.name) }
        return .attribute(named: attribute.name, value: escape(value), ignoreIfValueIsEmpty: false)
    }

    /// HTML escaping for text and double-quoted attribute values. Works on the UTF-8 bytes: the five
    /// characters it replaces are ASCII, so no byte of a longer character can be one of them.
    static func escape(_ string: String) -> String {
        let utf8 = string.utf8
        guard utf8.contains(where: needsEscape) else { return string }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): result += "&amp;".utf8
            case UInt8(ascii: "<"): result += "&lt;".utf8
            case UInt8(ascii: ">"): result += "&gt;".utf8
            case UInt8(ascii: "\""): result += "&quot;".utf8
            case UInt8(ascii: "'"): result += "&#39;".utf8
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    // MARK: Shorthands

    static func p(_ text: String, _ attributes: [Attr?] = []) -> HTMLNode { el("p", attributes, [H.text(text)]) }
    static func h1(_ text: String) -> HTMLNode { el("h1", [], [H.text(text)]) }
    static func h2(_ text: String) -> HTMLNode { el("h2", [], [H.text(text)]) }
    static func a(_ text: String, href: String, _ attributes: [Attr?] = []) -> HTMLNode {
        el("a", [.href(href)] + attributes, [H.text(text)])
    }
    static func div(_ attributes: [Attr?], _ children: [HTMLNode]) -> HTMLNode { el("div", attributes, children) }
}
