import FuzzOracles

/// libFuzzer's entry point: one input for the JSON reader and writer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    do {
        try FuzzOracles.checkJSON(bytes)
    } catch {
        fatalError("\(error)")
    }
    return 0
}
