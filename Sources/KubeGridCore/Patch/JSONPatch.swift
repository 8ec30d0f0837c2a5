/// JSON patch (RFC 6902) as the Kubernetes API server applies it
/// (`application/json-patch+json`, evanphx/json-patch v4): the operations run in order on
/// one document and the first that fails stops the patch with the library's words.
///
/// Where the library is looser than the RFC it is followed (negative list indices count
/// from the end; `test` of a missing key against null passes). One deliberate exception:
/// `replace` of a missing map key is refused, as the RFC and the library's later versions
/// say, instead of adding the key.
public struct JSONPatch: Sendable {
    public let operations: [Values]

    /// Reads a patch document; anything but a list of maps is a 400, as the API server's
    /// decoder (Go's encoding/json) refuses it.
    public init(_ document: Values) throws(PatchError) {
        guard case .list(let items) = document else {
            throw .badRequest("json: cannot unmarshal \(Self.goKind(document)) into Go value of type jsonpatch.Patch")
        }
        for item in items where item.mapValue == nil && !item.isNull {
            throw .badRequest(
                "json: cannot unmarshal \(Self.goKind(item)) into Go value of type jsonpatch.Operation")
        }
        operations = items
    }

    public func apply(to document: Values) throws(PatchError) -> Values {
        var result = document
        for operation in operations {
            do {
                try Self.run(operation, on: &result)
            } catch let failure as Failure {
                throw .unprocessable(failure.message)
            } catch {
                throw .unprocessable("\(error)")
            }
        }
        return result
    }

    struct Failure: Error { let message: String }

    /// The library's words for a container-level problem, to wrap in the operation's own.
    private static func words(_ error: any Error) -> String {
        (error as? any WordedProblem)?.message ?? "\(error)"
    }

    private static func run(_ operation: Values, on document: inout Values) throws {
        let kind = operation["op"]?.stringValue ?? "unknown"
        func pointer(_ field: String) throws -> (text: String, pointer: JSONPointer?) {
            guard let text = operation[field]?.stringValue else {
                throw Failure(message: "\(kind) operation failed to decode \(field): operation missing \(field) field: missing value")
            }
            return (text, JSONPointer(text))
        }
        let value = operation["value"] ?? .null
        switch kind {
        case "add":
            let (path, target) = try pointer("path")
            try edit(&document, at: target, missing: "add operation does not apply: doc is missing path: \(goQuoted(path)): missing value") {
                container, key in
                do { try add(value, to: &container, key: key) } catch { throw Failure(message: "error in add for path: '\(path)': \(words(error))") }
            }
        case "remove":
            let (path, target) = try pointer("path")
            try edit(&document, at: target, missing: "remove operation does not apply: doc is missing path: \(goQuoted(path)): missing value") {
                container, key in
                do { _ = try remove(from: &container, key: key) } catch { throw Failure(message: "error in remove for path: '\(path)': \(words(error))") }
            }
        case "replace":
            let (path, target) = try pointer("path")
            let missingKey = "replace operation does not apply: doc is missing key: \(path): missing value"
            try edit(&document, at: target, missing: "replace operation does not apply: doc is missing path: \(path): missing value") {
                container, key in
                guard (try? get(container, key: key)) != nil else { throw Failure(message: missingKey) }
                try set(value, in: &container, key: key)
            }
        case "move":
            let (from, source) = try pointer("from")
            let (path, target) = try pointer("path")
            var moved = Values.null
            try edit(&document, at: source, missing: "move operation does not apply: doc is missing from path: \(from): missing value") {
                container, key in
                do { moved = try remove(from: &container, key: key) } catch { throw Failure(message: "error in move for path: '\(key)': \(words(error))") }
            }
            try edit(&document, at: target, missing: "move operation does not apply: doc is missing destination path: \(path): missing value") {
                container, key in
                do { try add(moved, to: &container, key: key) } catch { throw Failure(message: "error in move for path: '\(key)': \(words(error))") }
            }
        case "copy":
            let (from, source) = try pointer("from")
            let (path, target) = try pointer("path")
            let missingFrom = "copy operation does not apply: doc is missing from path: \(from): missing value"
            guard let source, let container = document.containerAt(source.parents) else { throw Failure(message: missingFrom) }
            let copied: Values
            do {
                guard let found = try get(container, key: source.key) else { throw Failure(message: missingFrom) }
                copied = found
            } catch let problem as ListIndex.Problem {
                throw Failure(message: "error in copy for from: '\(from)': \(problem.message)")
            }
            try edit(&document, at: target, missing: "copy operation does not apply: doc is missing destination path: \(path): missing value") {
                container, key in
                do { try add(copied, to: &container, key: key) } catch { throw Failure(message: "error in add for path: '\(path)': \(words(error))") }
            }
        case "test":
            let (path, target) = try pointer("path")
            guard let target, let container = document.containerAt(target.parents) else {
                throw Failure(message: "test operation does not apply: is missing path: \(path): missing value")
            }
            let found: Values?
            do { found = try get(container, key: target.key) } catch { throw Failure(message: "error in test for path: '\(path)': \(words(error))") }
            guard (found ?? .null).jsonEquals(value) else {
                throw Failure(message: "testing value \(path) failed: test failed")
            }
        default:
            throw Failure(message: "Unexpected kind: \(kind)")
        }
    }

    /// Runs `body` on the container that holds the pointer's key, writing it back.
    private static func edit(
        _ document: inout Values, at pointer: JSONPointer?, missing: String,
        _ body: (inout Values, String) throws -> Void
    ) throws {
        guard let pointer, document.containerAt(pointer.parents) != nil else { throw Failure(message: missing) }
        try document.modifyContainer(at: pointer.parents[...]) { try body(&$0, pointer.key) }
    }

    private static func get(_ container: Values, key: String) throws(ListIndex.Problem) -> Values? {
        switch container {
        case .map(let map): return map[key]
        case .list(let items): return items[try ListIndex.resolve(key, count: items.count)]
        default: return nil
        }
    }

    private static func add(_ value: Values, to container: inout Values, key: String) throws(ListIndex.Problem) {
        switch container {
        case .map(var map):
            map[key] = value
            container = .map(map)
        case .list(var items):
            if key == "-" {
                items.append(value)
            } else {
                items.insert(value, at: try ListIndex.resolve(key, count: items.count + 1))
            }
            container = .list(items)
        default:
            break
        }
    }

    private static func set(_ value: Values, in container: inout Values, key: String) throws {
        switch container {
        case .map(var map):
            map[key] = value
            container = .map(map)
        case .list(var items):
            items[try ListIndex.resolve(key, count: items.count)] = value
            container = .list(items)
        default:
            break
        }
    }

    private static func remove(from container: inout Values, key: String) throws(RemoveProblem) -> Values {
        switch container {
        case .map(var map):
            guard let removed = map.removeValue(forKey: key) else {
                throw RemoveProblem(message: "Unable to remove nonexistent key: \(key): missing value")
            }
            container = .map(map)
            return removed
        case .list(var items):
            let index: Int
            do { index = try ListIndex.resolve(key, count: items.count) } catch { throw RemoveProblem(message: error.message) }
            let removed = items.remove(at: index)
            container = .list(items)
            return removed
        default:
            throw RemoveProblem(message: "Unable to remove nonexistent key: \(key): missing value")
        }
    }

    struct RemoveProblem: WordedProblem { let message: String }

    /// How Go's encoding/json names a JSON value's kind in its unmarshal errors.
    static func goKind(_ value: Values) -> String {
        switch value {
        case .map: return "object"
        case .list: return "array"
        case .string: return "string"
        case .int, .float: return "number"
        case .bool: return "bool"
        case .null: return "null"
        }
    }
}

extension Values {
    /// The map or list reached by following `keys` (list items by index), or nil.
    func containerAt(_ keys: [String]) -> Values? {
        var current = self
        for key in keys {
            switch current {
            case .map(let map):
                guard let next = map[key], !next.isNull else { return nil }
                current = next
            case .list(let items):
                guard let index = try? ListIndex.resolve(key, count: items.count) else { return nil }
                current = items[index]
            default:
                return nil
            }
        }
        switch current {
        case .map, .list: return current
        default: return nil
        }
    }

    /// Changes the container at `keys` in place; the caller has checked it exists.
    mutating func modifyContainer(at keys: ArraySlice<String>, _ body: (inout Values) throws -> Void) rethrows {
        guard let key = keys.first else { return try body(&self) }
        switch self {
        case .map(var map):
            try map[key]?.modifyContainer(at: keys.dropFirst(), body)
            self = .map(map)
        case .list(var items):
            guard let index = try? ListIndex.resolve(key, count: items.count) else { return }
            try items[index].modifyContainer(at: keys.dropFirst(), body)
            self = .list(items)
        default:
            return
        }
    }
}
