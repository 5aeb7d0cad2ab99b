/// A JSON document as a value, serialised deterministically.
///
/// Object keys are sorted by Unicode scalar values (as Python's `sort_keys=True`), those of an ordered object
/// stay in the order given (a tidy row's, its columns' order); numbers follow
/// ``DecimalText`` (integers as integers, no exponents), non-finite numbers become `null`, and strings
/// are escaped as Python's `json.dumps(..., ensure_ascii=False)` does: `"`, `\`, and control
/// characters only. The same value always gives the same bytes.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A number, written by ``DecimalText``; `null` when not finite.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; key order does not matter, output is sorted.
    case object([String: JSONValue])
    /// An object whose keys are written in the order given (a tidy row, keyed in its columns' order); keys are
    /// expected to be distinct.
    case orderedObject([Member])

    /// One key and its value in an ``orderedObject(_:)``.
    public struct Member: Sendable, Equatable {
        /// The key.
        public let key: String
        /// The value.
        public let value: JSONValue

        /// `value` under `key`.
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    /// `value` as a string, or `null` when nil.
    public static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }
    /// `value` as a number, or `null` when nil.
    public static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }
    /// `value` as an integer, or `null` when nil.
    public static func int(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }

    /// The JSON text: compact when `indent` is nil, else one element per line indented by `indent`
    /// spaces per level with `": "` after keys (Jupyter writes notebooks with `indent: 1`). No trailing
    /// newline.
    public func serialized(indent: Int? = nil) -> String {
        var output = ""
        write(into: &output, indent: indent, level: 0)
        return output
    }

    private func write(into output: inout String, indent: Int?, level: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .number(let value): output += DecimalText.format(value) ?? "null"
        case .string(let value): Self.writeString(value, into: &output)
        case .array(let values):
            guard !values.isEmpty else {
                output += "[]"
                return
            }
            output += "["
            for (offset, value) in values.enumerated() {
                if offset > 0 { output += "," }
                Self.newline(&output, indent: indent, level: level + 1)
                value.write(into: &output, indent: indent, level: level + 1)
            }
            Self.newline(&output, indent: indent, level: level)
            output += "]"
        case .object(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            let keys = members.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
            Self.writeMembers(
                keys.map { Member($0, members[$0, default: .null]) }, into: &output, indent: indent, level: level)
        case .orderedObject(let members):
            guard !members.isEmpty else {
                output += "{}"
                return
            }
            Self.writeMembers(members, into: &output, indent: indent, level: level)
        }
    }

    private static func writeMembers(_ members: [Member], into output: inout String, indent: Int?, level: Int) {
        output += "{"
        for (offset, member) in members.enumerated() {
            if offset > 0 { output += "," }
            newline(&output, indent: indent, level: level + 1)
            writeString(member.key, into: &output)
            output += indent == nil ? ":" : ": "
            member.value.write(into: &output, indent: indent, level: level + 1)
        }
        newline(&output, indent: indent, level: level)
        output += "}"
    }

    private static func newline(_ output: inout String, indent: Int?, level: Int) {
        guard let indent else { return }
        output += "\n" + String(repeating: " ", count: indent * level)
    }

    private static func writeString(_ value: String, into output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
