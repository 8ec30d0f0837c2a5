/// A role's typed arguments (a manager, a Space instance, the manager check): the fields
/// listed once, in the order the charts write them, give the parser, the writer and the
/// keys the role reads.
public protocol EntrypointRole: Sendable {
    /// The `component=` value that selects the role.
    static var component: GridArgument.Component { get }
    /// The role's arguments after `component=`, in the order the charts write them.
    static var fields: [GridArgumentField<Self>] { get }
    /// No settings, to be filled in.
    static var unset: Self { get }
}

extension EntrypointRole {
    /// Reads the settings of parsed arguments; absent or unreadable values stay unset.
    public init(_ arguments: EntrypointArguments) {
        self = Self.unset
        for field in Self.fields { field.read(&self, arguments) }
    }

    /// The arguments, `component=` first, then each set field in order.
    public var arguments: EntrypointArguments {
        var arguments = EntrypointArguments()
        arguments.append(.component, Self.component.rawValue)
        for field in Self.fields { field.write(self, &arguments) }
        return arguments
    }

    /// The keys the role reads.
    public static var keys: Set<GridArgument> { Set(fields.map(\.key) + [.component]) }
}

/// One argument of a role: its key, and how its value moves between the typed settings
/// and the argument list.
public struct GridArgumentField<Role> {
    public let key: GridArgument
    let read: (inout Role, EntrypointArguments) -> Void
    let write: (Role, inout EntrypointArguments) -> Void

    /// A text value, written when set.
    public static func text(_ key: GridArgument, _ path: WritableKeyPath<Role, String?>) -> Self {
        Self(key: key, read: { $0[keyPath: path] = $1[key] }, write: { $1.append(key, $0[keyPath: path]) })
    }

    /// An integer, written when set; a value that is not one reads as unset.
    public static func integer(_ key: GridArgument, _ path: WritableKeyPath<Role, Int?>) -> Self {
        Self(key: key, read: { $0[keyPath: path] = $1.integer(key) }, write: { $1.append(key, $0[keyPath: path]) })
    }

    /// A boolean, written when set (`true` or `false`).
    public static func boolean(_ key: GridArgument, _ path: WritableKeyPath<Role, Bool?>) -> Self {
        Self(key: key, read: { $0[keyPath: path] = $1.boolean(key) }, write: { $1.append(key, $0[keyPath: path]) })
    }

    /// A switch written only when on (`key=true`), off when absent.
    public static func flag(_ key: GridArgument, _ path: WritableKeyPath<Role, Bool>) -> Self {
        Self(
            key: key, read: { $0[keyPath: path] = $1.boolean(key) ?? false },
            write: { if $0[keyPath: path] { $1.append(key, true) } })
    }
}
