/// Protocol buffers' wire format, as much as the OpenAPI v2 document needs: varints,
/// doubles and length-delimited fields (strings and nested messages). Fields at their
/// default value are left out, as proto3 writes them.
struct ProtobufWriter {
    private(set) var bytes: [UInt8] = []

    mutating func string(_ field: Int, _ text: String?) {
        guard let text, !text.isEmpty else { return }
        key(field, wireType: 2)
        varint(UInt64(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }

    mutating func strings(_ field: Int, _ texts: [String]) {
        for text in texts {
            key(field, wireType: 2)
            varint(UInt64(text.utf8.count))
            bytes.append(contentsOf: text.utf8)
        }
    }

    mutating func bool(_ field: Int, _ value: Bool?) {
        guard value == true else { return }
        key(field, wireType: 0)
        varint(1)
    }

    mutating func int64(_ field: Int, _ value: Int?) {
        guard let value, value != 0 else { return }
        key(field, wireType: 0)
        varint(UInt64(bitPattern: Int64(value)))
    }

    mutating func double(_ field: Int, _ value: Double?) {
        guard let value, value != 0 else { return }
        key(field, wireType: 1)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// A nested message, written by `body` (written even when empty: its presence counts).
    mutating func message(_ field: Int, _ body: (inout ProtobufWriter) -> Void) {
        var nested = ProtobufWriter()
        body(&nested)
        key(field, wireType: 2)
        varint(UInt64(nested.bytes.count))
        bytes.append(contentsOf: nested.bytes)
    }

    private mutating func key(_ field: Int, wireType: UInt64) {
        varint(UInt64(field) << 3 | wireType)
    }

    private mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }
}
