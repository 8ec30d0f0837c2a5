import KubeGridCore
import KubeGridSim

/// The discovery documents kubectl reads before anything else: `/version`, `/api`,
/// `/apis` and each group-version's resource list (legacy discovery: kubectl 1.32 asks
/// for aggregated discovery first and reads a plain `application/json` answer as the
/// legacy documents).
enum Discovery {
    /// The document at `segments`, nil when the path is not a discovery path.
    static func document(_ segments: [String]) -> Values? {
        switch segments.count {
        case 1 where segments[0] == "version": return version
        case 1 where segments[0] == "api": return apiVersions
        case 1 where segments[0] == "apis": return groupList
        case 2 where segments[0] == "api": return resourceList(group: "", version: segments[1])
        case 2 where segments[0] == "apis": return group(segments[1])
        case 3 where segments[0] == "apis": return resourceList(group: segments[1], version: segments[2])
        default: return nil
        }
    }

    static let version: Values = .map([
        "major": "1", "minor": "32", "gitVersion": "v1.32.0-kubegrid", "gitCommit": "", "gitTreeState": "clean",
        "buildDate": "2026-01-01T00:00:00Z", "goVersion": "go1.23.0", "compiler": "gc", "platform": "linux/amd64",
    ])

    static let apiVersions: Values = .map([
        "kind": "APIVersions", "versions": ["v1"],
        "serverAddressByClientCIDRs": [.map(["clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"])],
    ])

    private static func groupEntry(_ name: String) -> Values {
        let versions = APIResource.groupVersions.filter { $0.group == name }.map { entry -> Values in
            .map(["groupVersion": .string("\(name)/\(entry.version)"), "version": .string(entry.version)])
        }
        return .map(["name": .string(name), "versions": .list(versions), "preferredVersion": versions[0]])
    }

    static var groupList: Values {
        var names: [String] = []
        for entry in APIResource.groupVersions where !entry.group.isEmpty && !names.contains(entry.group) {
            names.append(entry.group)
        }
        return .map(["kind": "APIGroupList", "apiVersion": "v1", "groups": .list(names.map(groupEntry))])
    }

    private static func group(_ name: String) -> Values? {
        guard APIResource.all.contains(where: { $0.group == name }) else { return nil }
        var entry: Values.Map = ["kind": "APIGroup", "apiVersion": "v1"]
        for (key, value) in groupEntry(name).mapValue! { entry[key] = value }
        return .map(entry)
    }

    private static func resourceList(group: String, version: String) -> Values? {
        let resources = APIResource.all.filter { $0.group == group && $0.version == version }
        guard !resources.isEmpty else { return nil }
        var entries: [Values] = []
        for resource in resources {
            var map: Values.Map = [
                "name": .string(resource.name), "singularName": .string(resource.singularName),
                "namespaced": .bool(resource.namespaced), "kind": .string(resource.kind.rawValue),
                "verbs": .list(resource.verbs.map { .string($0) }),
            ]
            if !resource.shortNames.isEmpty { map["shortNames"] = .list(resource.shortNames.map { .string($0) }) }
            if !resource.categories.isEmpty { map["categories"] = .list(resource.categories.map { .string($0) }) }
            entries.append(.map(map))
            for subresource in resource.subresources {
                var entry: Values.Map = [
                    "name": .string("\(resource.name)/\(subresource.name)"), "singularName": "",
                    "namespaced": .bool(resource.namespaced),
                ]
                if let group = subresource.group, let version = subresource.version {
                    entry["group"] = .string(group)
                    entry["version"] = .string(version)
                }
                entry["kind"] = .string(subresource.kind)
                entry["verbs"] = .list(subresource.verbs.map { .string($0) })
                entries.append(.map(entry))
            }
        }
        return .map([
            "kind": "APIResourceList", "apiVersion": "v1", "groupVersion": .string(resources[0].groupVersion),
            "resources": .list(entries),
        ])
    }
}
