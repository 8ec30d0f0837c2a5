import FuzzOracles

/// libFuzzer's entry point: one input for the YAML reader and writer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    do {
        try FuzzOracles.checkYAML(bytes)
    } catch {
        fatalError("\(error)")
    }
    return 0
}
