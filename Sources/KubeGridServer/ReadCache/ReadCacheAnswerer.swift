import Hummingbird
import NIOCore
import NIOHTTPTypes

/// Answers on the connection's event loop the GETs the read cache serves alone
/// (``KubeResponder/answerFromReadCache(_:)``) and passes every other request on, untouched,
/// to Hummingbird's responder. A cached GET then costs no hand-off to a task and back,
/// which was most of its time.
///
/// Responses leave in the order requests came: while a passed-on request is unanswered,
/// the requests after it are passed on too.
final class ReadCacheAnswerer: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let responder: KubeResponder
    /// Requests passed on whose response has not ended yet.
    private var unanswered = 0
    /// The body of the answer to the request being read, sent once the request ends.
    private var answer: ByteBuffer?
    /// When the head of the request being answered was read (``AnswerTimes``).
    private var answerStarted = NIODeadline.uptimeNanoseconds(0)
    private var date = HTTPDate()

    init(_ responder: KubeResponder) {
        self.responder = responder
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            let read = NIODeadline.now()
            // Hummingbird closes the connection after a `Connection: close` request: leave those to it.
            if unanswered == 0, head.headerFields[.connection] != "close", let body = responder.answerFromReadCache(head) {
                answerStarted = read
                answer = body
                return
            }
            unanswered += 1
        case .body:
            if answer != nil { return }
        case .end:
            if let body = answer {
                answer = nil
                send(body, context: context)
                return
            }
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // Never below zero: Hummingbird's 400 for a request it could not parse answers no head passed on.
        if case .end = unwrapOutboundIn(data) { unanswered = max(0, unanswered - 1) }
        context.write(data, promise: promise)
    }

    /// The headers Hummingbird's path sends: the responder's, the length, then the date.
    private func send(_ body: ByteBuffer, context: ChannelHandlerContext) {
        var fields = KubeResponder.jsonFields
        fields[.contentLength] = String(body.readableBytes)
        fields[.date] = date.now()
        context.write(wrapOutboundOut(.head(HTTPResponse(status: .ok, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        responder.answerTimes.record(nanoseconds: NIODeadline.now().uptimeNanoseconds - answerStarted.uptimeNanoseconds)
    }
}
