import Foundation
import KubeGridCore
import KubeGridSim

/// A `meta.k8s.io/v1` Table, what `kubectl get` asks for (`Accept: application/json;as=Table;
/// v=v1;g=meta.k8s.io`) and prints as it comes: the kind's columns, one row per object with
/// the object's metadata (kubectl reads namespace and labels there).
enum TableOutput {
    /// True when the request's Accept header asks for a Table first.
    static func isRequested(_ accept: String?) -> Bool {
        guard let first = accept?.split(separator: ",").first else { return false }
        return first.contains("as=Table") && first.contains("g=meta.k8s.io")
    }

    static func table(_ kind: ObjectKind, objects: [Values], resourceVersion: String?, now: Date = Date()) -> Values {
        let columns = TableColumn.columns(kind)
        let definitions: [Values] = columns.map { column in
            .map([
                "name": .string(column.name), "type": .string(column.type), "format": .string(column.format),
                "description": "", "priority": .int(column.priority),
            ])
        }
        let rows: [Values] = objects.map { object in
            .map([
                "cells": .list(columns.map { $0.cell(object, now) }),
                "object": .map([
                    "kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": object["metadata"] ?? .emptyMap,
                ]),
            ])
        }
        var metadata: Values.Map = [:]
        if let resourceVersion { metadata["resourceVersion"] = .string(resourceVersion) }
        return .map([
            "kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": .map(metadata),
            "columnDefinitions": .list(definitions), "rows": .list(rows),
        ])
    }
}
