import Foundation
import Hummingbird
import KubeGridCore
import KubeGridSim
import Logging
import NIOCore
import NIOPosix

/// `kubegrid serve`: the live cluster behind kube-apiserver's HTTP API.
public struct KubeServer: Sendable {
    public var address: String
    public var port: Int
    public var kubeconfigPath: String
    public var speed: Double
    public var options: SimulationOptions
    /// How many changes watches can resume from (`--watch-cache-size`).
    public var watchCacheSize = WatchCache.defaultCapacity
    /// The users besides the admin (`--user`), each with a token and a kubeconfig context.
    public var users: [ServeUser] = []
    /// Where write requests are audited, one `audit.k8s.io/v1` Event a line (`--audit-log-path`).
    public var auditLogPath: String?
    /// Threads that read requests and answer cached GETs (`--event-loop-threads`); by
    /// default one per core, as NIO sizes its own group. On a quiet two-core machine two
    /// loops answered 45,501 GETs/s at p99 0.80 ms against 30,799/s at 1.19 ms for one;
    /// one loop only wins when other work holds the cores.
    public var eventLoopThreads = KubeServer.defaultEventLoopThreads
    public static let defaultEventLoopThreads = System.coreCount

    public init(address: String, port: Int, kubeconfigPath: String, speed: Double, options: SimulationOptions) {
        self.address = address
        self.port = port
        self.kubeconfigPath = kubeconfigPath
        self.speed = speed
        self.options = options
    }

    /// Serves until SIGINT or SIGTERM; then stops the clock and returns the checker's report.
    /// `listening` hears the address once the server accepts requests and the
    /// kubeconfig is written.
    public func run(listening: @escaping @Sendable (String) -> Void) async throws -> SimulationReport {
        let cluster = try LiveCluster(options: options)
        let host = ClusterHost(cluster: cluster, clock: ServeClock(speed: speed), options: options, watchCacheSize: watchCacheSize)
        let token = Self.freshToken()
        let userTokens = users.map { (token: Self.freshToken(), user: $0) }
        var responder = KubeResponder(host: host, authentication: ServeAuthentication(adminToken: token, users: userTokens))
        responder.auditLog = try auditLogPath.map { try AuditLog(path: $0) }
        let path = kubeconfigPath
        let address = self.address
        // Each connection gets its own handler, made from a constant copy of the responder.
        let answerer = responder
        let app = Application(
            responder: responder,
            server: .http1(configuration: .init(additionalChannelHandlers: [ReadCacheAnswerer(answerer)])),
            configuration: ApplicationConfiguration(address: .hostname(address, port: port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let url = "http://\(address.contains(":") ? "[\(address)]" : address):\(port)"
                do {
                    try Kubeconfig.write(server: url, token: token, users: userTokens, to: path)
                } catch {
                    FileHandle.standardError.write(Data("kubegrid serve: cannot write \(path): \(error)\n".utf8))
                }
                listening(url)
                Task.detached(priority: .utility) { OpenAPIDocuments.prepare() }
            },
            eventLoopGroupProvider: .shared(MultiThreadedEventLoopGroup(numberOfThreads: eventLoopThreads)),
            logger: Self.quietLogger)
        let notices = Self.noticeShutdown(host)
        let ticker = Task {
            // The controllers run even when nobody asks: kubelets, elections, the grid.
            while !Task.isCancelled {
                await host.sync()
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        try await app.runService()
        ticker.cancel()
        notices.forEach { $0.cancel() }
        return await host.finish()
    }

    /// SIGINT and SIGTERM also end open watches: the server's graceful shutdown waits
    /// for every request to finish, and a watch runs until its timeout otherwise.
    private static func noticeShutdown(_ host: ClusterHost) -> [any DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { signal in
            _ = Foundation.signal(signal, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler { Task { await host.beginStopping() } }
            source.resume()
            return source
        }
    }

    private static var quietLogger: Logger {
        var logger = Logger(label: "kubegrid-serve")
        logger.logLevel = .critical
        return logger
    }

    /// 32 random bytes, hex: a new token at each start.
    static func freshToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}

/// The kubeconfig `kubegrid serve` writes: a cluster, user and context `kubegrid` for the
/// admin (the current context), and one of each named after every `--user`.
///
/// client-go sends no credentials over plain HTTP (kubernetes/kubectl#744), and TLS
/// would add BoringSSL to every build; so the server URL carries the token as a path
/// prefix (`/t/TOKEN`), which kubectl puts before every request path, and the user
/// entry carries it as a bearer token for clients that send one over HTTP. `kubectl get
/// --raw` drops the URL's path, so the user entry also asks to act as itself with the
/// token as an impersonation extra, a header kubectl sends on every request.
enum Kubeconfig {
    static func text(server: String, token: String, users: [(token: String, user: ServeUser)] = []) -> String {
        let entries = [(ServeAuthentication.adminName, token)] + users.map { ($0.user.name, $0.token) }
        var clusters = "", people = "", contexts = ""
        for (name, token) in entries {
            clusters += """
                - name: \(name)
                  cluster:
                    server: \(server)\(KubeResponder.tokenPrefix(token))

                """
            people += """
                - name: \(name)
                  user:
                    token: \(token)
                    as: \(name)
                    as-user-extra:
                      \(KubeResponder.tokenExtra):
                      - \(token)

                """
            contexts += """
                - name: \(name)
                  context:
                    cluster: \(name)
                    user: \(name)

                """
        }
        return """
            apiVersion: v1
            kind: Config
            clusters:
            \(clusters)users:
            \(people)contexts:
            \(contexts)current-context: kubegrid
            preferences: {}

            """
    }

    /// Written with mode 0600 (it holds the token), replacing what was there.
    static func write(server: String, token: String, users: [(token: String, user: ServeUser)], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp")
        _ = FileManager.default.createFile(
            atPath: temporary.path, contents: Data(text(server: server, token: token, users: users).utf8),
            attributes: [.posixPermissions: 0o600])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: temporary.path)
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(at: temporary, to: url)
    }
}
