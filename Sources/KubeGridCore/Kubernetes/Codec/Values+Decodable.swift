/// `Values` for Swift's decoders, so types with free-form fields (`Values`) synthesize `Decodable`.
///
/// ``ManifestDecoder`` passes a `Values` through unchanged and never calls this; it serves
/// other decoders (a `JSONDecoder`, say), whose maps have no order: they are sorted by key.
extension Values: Decodable {
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
}
