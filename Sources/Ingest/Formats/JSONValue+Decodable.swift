extension JSONValue: Decodable {
    /// Any JSON value, as a rollup's reason objects are decoded before their kind says what their fields are: null,
    /// a boolean, an integer, a string, an array or an object. A number with a fraction or an exponent is none of
    /// them and fails to decode: no rollup field holds one.
    public init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if single.decodeNil() {
            self = .null
        } else if let value = try? single.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? single.decode(Int.self) {
            self = .int(value)
        } else if let value = try? single.decode(String.self) {
            self = .string(value)
        } else if let value = try? single.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try single.decode([String: JSONValue].self))
        }
    }
}
