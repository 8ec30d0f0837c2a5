/// A liveness or readiness check of a container, and how often to run it.
///
/// Timing fields left nil take Kubernetes' defaults; the `effective…` accessors give them.
public struct Probe: ManifestCodable {
    /// An HTTP GET that passes on a 2xx or 3xx answer.
    public var httpGet: HTTPGetAction?
    /// A TCP connect that passes when the port accepts.
    public var tcpSocket: TCPSocketAction?
    /// A command in the container that passes when it exits 0.
    public var exec: ExecAction?
    /// Seconds after the container starts before the first check.
    public var initialDelaySeconds: Int?
    /// Seconds between checks.
    public var periodSeconds: Int?
    /// Seconds a check may take.
    public var timeoutSeconds: Int?
    /// Passes in a row after a failure to count as passing again.
    public var successThreshold: Int?
    /// Failures in a row to count as failing.
    public var failureThreshold: Int?

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(
        httpGet: HTTPGetAction? = nil,
        tcpSocket: TCPSocketAction? = nil,
        exec: ExecAction? = nil,
        initialDelaySeconds: Int? = nil,
        periodSeconds: Int? = nil,
        timeoutSeconds: Int? = nil,
        successThreshold: Int? = nil,
        failureThreshold: Int? = nil
    ) {
        self.httpGet = httpGet
        self.tcpSocket = tcpSocket
        self.exec = exec
        self.initialDelaySeconds = initialDelaySeconds
        self.periodSeconds = periodSeconds
        self.timeoutSeconds = timeoutSeconds
        self.successThreshold = successThreshold
        self.failureThreshold = failureThreshold
    }

    /// ``initialDelaySeconds``, or Kubernetes' default 0.
    public var effectiveInitialDelaySeconds: Int { initialDelaySeconds ?? 0 }
    /// ``periodSeconds``, or Kubernetes' default 10.
    public var effectivePeriodSeconds: Int { periodSeconds ?? 10 }
    /// ``timeoutSeconds``, or Kubernetes' default 1.
    public var effectiveTimeoutSeconds: Int { timeoutSeconds ?? 1 }
    /// ``successThreshold``, or Kubernetes' default 1.
    public var effectiveSuccessThreshold: Int { successThreshold ?? 1 }
    /// ``failureThreshold``, or Kubernetes' default 3.
    public var effectiveFailureThreshold: Int { failureThreshold ?? 3 }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        httpGet = try fields["httpGet"]?.decode()
        tcpSocket = try fields["tcpSocket"]?.decode()
        exec = try fields["exec"]?.decode()
        initialDelaySeconds = try fields["initialDelaySeconds"]?.int()
        periodSeconds = try fields["periodSeconds"]?.int()
        timeoutSeconds = try fields["timeoutSeconds"]?.int()
        successThreshold = try fields["successThreshold"]?.int()
        failureThreshold = try fields["failureThreshold"]?.int()
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("httpGet", httpGet)
        writer.put("tcpSocket", tcpSocket)
        writer.put("exec", exec)
        writer.put("initialDelaySeconds", initialDelaySeconds)
        writer.put("periodSeconds", periodSeconds)
        writer.put("timeoutSeconds", timeoutSeconds)
        writer.put("successThreshold", successThreshold)
        writer.put("failureThreshold", failureThreshold)
        return writer.values
    }
}

/// The HTTP request of a probe.
public struct HTTPGetAction: ManifestCodable {
    /// The request path, such as `/v2/info`.
    public var path: String?
    /// The container port, by number or by name.
    public var port: IntOrString
    /// `HTTP` or `HTTPS`; nil means HTTP.
    public var scheme: String?

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(path: String? = nil, port: IntOrString, scheme: String? = nil) {
        self.path = path
        self.port = port
        self.scheme = scheme
    }

    public init(from reader: ManifestReader) throws {
        let fields = try reader.fields()
        path = try fields["path"]?.string()
        port = try fields.required("port").decode()
        scheme = try fields["scheme"]?.string()
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("path", path)
        writer.put("port", port)
        writer.put("scheme", scheme)
        return writer.values
    }
}

/// The TCP connect of a probe.
public struct TCPSocketAction: ManifestCodable {
    /// The container port, by number or by name.
    public var port: IntOrString

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(port: IntOrString) {
        self.port = port
    }

    public init(from reader: ManifestReader) throws {
        port = try reader.fields().required("port").decode()
    }

    public func encoded() -> Values {
        ["port": port.encoded()]
    }
}

/// The command of a probe.
public struct ExecAction: ManifestCodable {
    /// The command and its arguments, run without a shell.
    public var command: [String]

    /// Builds the value field by field; nil and empty fields are left out of the encoding.
    public init(command: [String]) {
        self.command = command
    }

    public init(from reader: ManifestReader) throws {
        command = try reader.fields()["command"]?.stringList() ?? []
    }

    public func encoded() -> Values {
        var writer = MapWriter()
        writer.put("command", command)
        return writer.values
    }
}
