extension Values {
    /// Equality as JSON means it: map key order does not matter and 1 equals 1.0.
    ///
    /// `==` on `Values` compares map order too (kubegrid keeps order for its output), which
    /// is right for output but wrong for JSON patch's `test` and for list de-duplication.
    public func jsonEquals(_ other: Values) -> Bool {
        switch (self, other) {
        case (.map(let left), .map(let right)):
            guard left.count == right.count else { return false }
            return left.allSatisfy { key, value in right[key].map { value.jsonEquals($0) } ?? false }
        case (.list(let left), .list(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.jsonEquals($1) }
        case (.int(let left), .float(let right)), (.float(let right), .int(let left)):
            return Double(left) == right
        default:
            return self == other
        }
    }
}
