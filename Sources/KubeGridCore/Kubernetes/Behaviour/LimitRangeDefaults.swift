import OrderedCollections

extension LimitRangeItem {
    /// The item as the API server stores it (`SetDefaults_LimitRangeItem`): for type
    /// Container, a default limit unset takes the max, and a default request unset takes
    /// the default limit, else the min.
    public var withAPIDefaults: LimitRangeItem {
        guard type == "Container" else { return self }
        var item = self
        for (name, value) in max where item.default[name] == nil { item.default[name] = value }
        for (name, value) in item.default where item.defaultRequest[name] == nil { item.defaultRequest[name] = value }
        for (name, value) in min where item.defaultRequest[name] == nil { item.defaultRequest[name] = value }
        return item
    }
}

extension PodSpec {
    /// The pod as the LimitRanger admission plugin leaves it: every container, init
    /// containers too, gets the Container items' default limits and requests it does not
    /// set. The API server's defaulting runs first, so a limit without its request is
    /// the request too, and the LimitRange's default request does not replace it.
    public func applyingLimitRangeDefaults(_ items: [LimitRangeItem]) -> PodSpec {
        let containerItems = items.filter { $0.type == "Container" }.map(\.withAPIDefaults)
        guard !containerItems.isEmpty else { return self }
        func defaulted(_ container: Container) -> Container {
            var container = container
            for (name, value) in container.resources.limits where container.resources.requests[name] == nil {
                container.resources.requests[name] = value
            }
            for item in containerItems {
                for (name, value) in item.default where container.resources.limits[name] == nil {
                    container.resources.limits[name] = value
                }
                for (name, value) in item.defaultRequest where container.resources.requests[name] == nil {
                    container.resources.requests[name] = value
                }
            }
            return container
        }
        var spec = self
        spec.containers = containers.map(defaulted)
        spec.initContainers = initContainers.map(defaulted)
        return spec
    }
}
