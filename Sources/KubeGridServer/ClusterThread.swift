import Foundation
import NIOConcurrencyHelpers

/// The thread the cluster's actor runs on. A turn of the cluster can be long (the
/// simulation starting 10,000 pods runs in one), and on Swift's cooperative pool it holds
/// one of the few threads every request handler shares: a GET answered from the read
/// cache then waited for a thread, not for the cluster. On a thread of its own the
/// cluster takes turns one at a time as before, and handlers keep the whole pool.
final class ClusterThread: SerialExecutor, @unchecked Sendable {
    /// Guards `jobs` and `stopped`; signalled when either changes.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false
    /// The thread, once it runs.
    private let running = NIOLockedValueBox<pthread_t?>(nil)

    init(name: String) {
        let thread = Thread { [self] in run() }
        thread.name = name
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Whether the caller runs on this thread.
    var isCurrent: Bool {
        running.withLockedValue { $0.map { pthread_equal($0, pthread_self()) != 0 } ?? false }
    }

    /// Ends the thread once the jobs queued so far have run.
    func stop() {
        condition.lock()
        stopped = true
        condition.signal()
        condition.unlock()
    }

    private func run() {
        running.withLockedValue { $0 = pthread_self() }
        var batch: [UnownedJob] = []
        while true {
            condition.lock()
            while jobs.isEmpty, !stopped { condition.wait() }
            if jobs.isEmpty, stopped {
                condition.unlock()
                return
            }
            swap(&batch, &jobs)
            condition.unlock()
            let executor = asUnownedSerialExecutor()
            for job in batch { job.runSynchronously(on: executor) }
            batch.removeAll(keepingCapacity: true)
        }
    }
}
