// The floor for kubegrid's YAML output: how fast libyaml's emitter alone writes a file's
// event stream. The events are parsed from the file beforehand, outside the timed part.
//
//     yaml-emission-floor FILE [RUNS]
//
// Prints the best time of RUNS (default 5) and the rate in MB/s.
import BenchmarkSupport
import CYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func readFile(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else {
        fatal("cannot read \(path)")
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = fread(&chunk, 1, chunk.count, file)
        if count == 0 { break }
        bytes += chunk[0..<count]
    }
    return bytes
}

/// Every event of the file, owned by the caller (the emitter frees each one it takes).
func parseEvents(_ bytes: [UInt8]) -> [yaml_event_t] {
    var parser = yaml_parser_t()
    yaml_parser_initialize(&parser)
    defer { yaml_parser_delete(&parser) }
    var events: [yaml_event_t] = []
    bytes.withUnsafeBufferPointer { buffer in
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else {
                fatal("the file is not valid YAML")
            }
            events.append(event)
            if event.type == YAML_STREAM_END_EVENT { break }
        }
    }
    return events
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fatal("usage: yaml-emission-floor FILE [RUNS]") }
let bytes = readFile(arguments[1])
let runs = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
var best = Double.infinity
var written = 0
for _ in 0..<runs {
    var events = parseEvents(bytes)
    let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
    yaml_emitter_initialize(emitter)
    yaml_emitter_set_unicode(emitter, 1)
    yaml_emitter_set_width(emitter, -1)
    // Write into a buffer that grows, as kubegrid's sink does, and count the bytes.
    final class Sink { var bytes: [UInt8] = [] }
    let sink = Sink()
    sink.bytes.reserveCapacity(bytes.count + 1024)
    yaml_emitter_set_output(emitter, { context, buffer, size in
        let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
        return 1
    }, Unmanaged.passUnretained(sink).toOpaque())
    let start = monotonicSeconds()
    for index in events.indices {
        yaml_emitter_emit(emitter, &events[index])
    }
    let elapsed = monotonicSeconds() - start
    yaml_emitter_delete(emitter)
    emitter.deallocate()
    best = min(best, elapsed)
    written = sink.bytes.count
}
print("libyaml emission: \(written) bytes in \(String(Int(best * 1e6))) µs best of \(runs) (\(Int(Double(written) / best / 1e6)) MB/s)")
