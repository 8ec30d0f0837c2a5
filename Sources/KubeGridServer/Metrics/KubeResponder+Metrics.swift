import Hummingbird
import NIOCore

extension KubeResponder {
    /// GET `/metrics` (behind the token, like the API): the grid's figures now, and the
    /// server's own time over cached GETs.
    func metrics() async -> Response {
        let figures = await host.read { cluster, _ in cluster.gridFigures }
        var headers = HTTPFields()
        headers[.contentType] = PrometheusText.contentType
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: GridMetrics.text(figures) + AnswerTimes.text(answerTimes.snapshot))))
    }
}
