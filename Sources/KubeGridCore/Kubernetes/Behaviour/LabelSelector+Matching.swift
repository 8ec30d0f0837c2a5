import OrderedCollections

/// Label matching, as Kubernetes' `LabelSelectorAsSelector` makes it: an empty selector
/// matches every set of labels.
extension LabelSelector {
    /// True when `labels` satisfy every label and every expression.
    public func matches(_ labels: OrderedDictionary<String, String>) -> Bool {
        matchLabels.allSatisfy { key, value in labels[key] == value }
            && matchExpressions.allSatisfy { $0.matches(labels) }
    }
}

extension LabelSelectorRequirement {
    /// True when `labels` satisfy this requirement.
    public func matches(_ labels: OrderedDictionary<String, String>) -> Bool {
        let value = labels[key]
        switch `operator` {
        case .in: return value.map(values.contains) ?? false
        case .notIn: return value.map { !values.contains($0) } ?? true
        case .exists: return value != nil
        case .doesNotExist: return value == nil
        }
    }
}
