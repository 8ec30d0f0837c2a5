/// Protocol buffers' wire format read back, as much as a Kubernetes client's protobuf
/// request body needs (kubectl sends `auth can-i`'s review as
/// `application/vnd.kubernetes.protobuf`): the `k8s\0` envelope (`runtime.Unknown`) and
/// a message's length-delimited fields (strings and nested messages); varints and fixed
/// fields are skipped.
struct ProtobufReader {
    /// The fields of a message: each length-delimited field's bytes, by field number.
    let fields: [Int: [[UInt8]]]

    /// Reads a message; nil when the bytes are not one.
    init?(_ bytes: some Collection<UInt8>) {
        var fields: [Int: [[UInt8]]] = [:]
        let data = Array(bytes)
        var index = 0
        func varint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while index < data.count, shift < 64 {
                let byte = data[index]
                index += 1
                value |= UInt64(byte & 0x7f) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        while index < data.count {
            guard let key = varint() else { return nil }
            switch key & 7 {
            case 0: guard varint() != nil else { return nil }
            case 1: index += 8
            case 5: index += 4
            case 2:
                guard let length = varint(), length <= UInt64(data.count - index) else { return nil }
                fields[Int(key >> 3), default: []].append(Array(data[index..<index + Int(length)]))
                index += Int(length)
            default: return nil
            }
            guard index <= data.count else { return nil }
        }
        self.fields = fields
    }

    /// The object inside a Kubernetes protobuf body (`k8s\0` then `runtime.Unknown`, whose
    /// field 2 is the object's own bytes); nil for a body that is not one.
    static func kubernetesObject(_ body: [UInt8]) -> ProtobufReader? {
        guard body.starts(with: [0x6b, 0x38, 0x73, 0x00]), let unknown = ProtobufReader(body.dropFirst(4)),
            let raw = unknown.fields[2]?.first
        else { return nil }
        return ProtobufReader(raw)
    }

    func message(_ field: Int) -> ProtobufReader? {
        fields[field]?.first.flatMap { ProtobufReader($0) }
    }

    func string(_ field: Int) -> String {
        fields[field]?.first.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }
}
