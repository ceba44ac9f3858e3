import SchakelCore

/// A node of a page body: an element, an element without end tag, text that is already escaped, or a
/// group. Pages are built from the helpers in `H`, so every text and attribute value is escaped by
/// construction; rendering appends straight to one string. (Plot did this job before; rendering a round
/// page through its closures and per-element buffers took about an eighth of the server's time.)
public struct HTMLNode: Sendable {
    fileprivate indirect enum Kind: Sendable {
        case element(String, [Attribute], [HTMLNode])
        case void(String, [Attribute])
        case raw(String)
        case group([HTMLNode])
    }

    /// An attribute with its value escaped; a `nil` value is a bare flag such as `required`.
    fileprivate struct Attribute: Sendable {
        let name: String
        var value: String?
    }

    fileprivate let kind: Kind

    /// Appends the markup: `<tag a="v" flag>…</tag>`, `<tag a="v"/>` for an element without end tag.
    public func render(into out: inout String) {
        switch kind {
        case .raw(let text):
            out += text
        case .group(let nodes):
            for node in nodes { node.render(into: &out) }
        case .element(let tag, let attributes, let children):
            Self.open(tag, attributes, into: &out)
            out += ">"
            for child in children { child.render(into: &out) }
            out += "</"
            out += tag
            out += ">"
        case .void(let tag, let attributes):
            Self.open(tag, attributes, into: &out)
            out += "/>"
        }
    }

    public var rendered: String {
        var out = ""
        out.reserveCapacity(4096)
        render(into: &out)
        return out
    }

    private static func open(_ tag: String, _ attributes: [Attribute], into out: inout String) {
        out += "<"
        out += tag
        for attribute in attributes {
            out += " "
            out += attribute.name
            // An empty value is written as a bare name, which HTML reads as the empty string.
            if let value = attribute.value, !value.isEmpty {
                out += "=\""
                out += value
                out += "\""
            }
        }
    }
}

/// One attribute; the value is escaped when rendered.
public struct Attr: Sendable {
    public let name: String
    public let value: String?

    public init(name: String, value: String?) {
        self.name = name
        self.value = value
    }

    public static func cls(_ value: String) -> Attr { Attr(name: "class", value: value) }
    public static func id(_ value: String) -> Attr { Attr(name: "id", value: value) }
    public static func href(_ value: String) -> Attr { Attr(name: "href", value: value) }
    public static func name(_ value: String) -> Attr { Attr(name: "name", value: value) }
    public static func type(_ value: String) -> Attr { Attr(name: "type", value: value) }
    public static func value(_ value: String?) -> Attr { Attr(name: "value", value: value ?? "") }
    public static func `for`(_ value: String) -> Attr { Attr(name: "for", value: value) }
    public static func flag(_ name: String, _ on: Bool = true) -> Attr? { on ? Attr(name: name, value: nil) : nil }
    public static func aria(_ name: String, _ value: String) -> Attr { Attr(name: "aria-" + name, value: value) }
}

public enum H {
    /// An element with attributes and children.
    public static func el(_ tag: String, _ attributes: [Attr?] = [], _ children: [HTMLNode] = []) -> HTMLNode {
        HTMLNode(kind: .element(tag, escaped(attributes), children))
    }

    /// An element without children or end tag, such as `input`.
    public static func void(_ tag: String, _ attributes: [Attr?]) -> HTMLNode {
        HTMLNode(kind: .void(tag, escaped(attributes)))
    }

    public static func text(_ string: String) -> HTMLNode { HTMLNode(kind: .raw(escape(string))) }

    public static func group(_ nodes: [HTMLNode]) -> HTMLNode { HTMLNode(kind: .group(nodes)) }

    /// Escapes the values; an attribute named twice keeps its first place and its last value.
    private static func escaped(_ attributes: [Attr?]) -> [HTMLNode.Attribute] {
        var result: [HTMLNode.Attribute] = []
        result.reserveCapacity(attributes.count)
        for case let attribute? in attributes {
            let value = attribute.value.map(escape)
            if let index = result.firstIndex(where: { $0.name == attribute.name }) {
                result[index].value = value
            } else {
                result.append(HTMLNode.Attribute(name: attribute.name, value: value))
            }
        }
        return result
    }

    /// HTML escaping for text and double-quoted attribute values. Works on the UTF-8 bytes: the five
    /// characters it replaces are ASCII, so no byte of a longer character can be one of them.
    /// Control characters and direction overrides are left out first, so what someone typed can neither
    /// hide text nor show it reversed.
    public static func escape(_ string: String) -> String {
        var string = string
        if string.utf8.contains(where: mayStartControl) { string = string.neutralisingControls }
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

    /// A byte that may begin a control character (C0, DEL, C1 as U+0080–U+009F) or a direction control
    /// (U+202A–U+202E and U+2066–U+2069 begin with 0xE2).
    private static func mayStartControl(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x0A && byte != 0x0D && byte != 0x09) || byte == 0x7F || byte == 0xC2 || byte == 0xE2
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    // MARK: Shorthands

    public static func p(_ text: String, _ attributes: [Attr?] = []) -> HTMLNode { el("p", attributes, [H.text(text)]) }
    public static func h1(_ text: String) -> HTMLNode { el("h1", [], [H.text(text)]) }
    public static func h2(_ text: String) -> HTMLNode { el("h2", [], [H.text(text)]) }
    public static func a(_ text: String, href: String, _ attributes: [Attr?] = []) -> HTMLNode {
        el("a", [.href(href)] + attributes, [H.text(text)])
    }
    public static func div(_ attributes: [Attr?], _ children: [HTMLNode]) -> HTMLNode {
        el("div", attributes, children)
    }
}
