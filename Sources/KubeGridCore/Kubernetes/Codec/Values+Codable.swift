/// `Values` for Swift's coders, so types with free-form fields (`Values`) synthesize `Codable`.
///
/// kubegrid's own manifest coders pass a `Values` through unchanged and never call these;
/// they serve other coders (a `JSONEncoder` in a test, say). A map keeps its order when
/// encoded; decoded from a coder without order it is sorted by key.
extension Values: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let bool = try? container.decode(Bool.self) {
            self = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            self = .int(int)
        } else if let double = try? container.decode(Double.self) {
            self = .float(double)
        } else if let string = try? container.decode(String.self) {
            self = .string(string)
        } else if let list = try? container.decode([Values].self) {
            self = .list(list)
        } else {
            let map = try container.decode([String: Values].self)
            self = .map(Values.Map(uniqueKeysWithValues: map.sorted { $0.key < $1.key }))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let bool): try container.encode(bool)
        case .int(let int): try container.encode(int)
        case .float(let double): try container.encode(double)
        case .string(let string): try container.encode(string)
        case .list(let list): try container.encode(list)
        case .map(let map): try container.encode(OrderedKeys(map: map))
        }
    }

    /// A map encoded as a keyed container, in its order.
    private struct OrderedKeys: Encodable {
        let map: Values.Map

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: AnyKey.self)
            for (key, value) in map {
                try container.encode(value, forKey: AnyKey(stringValue: key))
            }
        }
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
