import FuzzOracles

/// libFuzzer's entry point: one input for the --set family of flags (ValuesOptions.merge).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSetFlags(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    do {
        try FuzzOracles.checkSetFlags(bytes)
    } catch {
        fatalError("\(error)")
    }
    return 0
}
