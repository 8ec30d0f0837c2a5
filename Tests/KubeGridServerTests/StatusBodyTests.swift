import KubeGridCore
@testable import KubeGridSim
import NIOCore
import Testing

@testable import KubeGridServer

/// Failures as `metav1.Status` bodies, byte for byte as kube-apiserver writes them, and the
/// DELETE options a request carries.
@Suite struct StatusBodyTests {
    func json(_ status: StatusBody) -> String { KubeResponder.compact(status.values) }

    @Test func aMissingObjectIsTheAPIServers404() {
        // kube-apiserver 1.32: `kubectl get --raw /api/v1/namespaces/default/pods/x`.
        #expect(json(StatusBody(APIError(.notFound, kind: .pod, name: "x"))) ==
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \"x\" not found","reason":"NotFound","details":{"name":"x","kind":"pods"},"code":404}"#)
    }

    @Test func aGroupsResourceNamesItsGroup() {
        let status = StatusBody(APIError(.alreadyExists, kind: .statefulSet, name: "web"))
        #expect(status.code == 409)
        #expect(status.message == #"statefulsets.apps "web" already exists"#)
        #expect(status.details == .map(["name": "web", "group": "apps", "kind": "statefulsets"]))
    }

    @Test func anInvalidObjectHasItsFieldCauses() {
        let error = APIError(
            .invalid, kind: .service, name: "web",
            causes: [FieldCause("spec.ports[0].nodePort", .invalid, value: .int(8080), "provided port is not in the valid range. The range of valid ports is 30000-32767")])
        let status = StatusBody(error)
        #expect(status.code == 422 && status.reason == "Invalid")
        #expect(status.message == #"The Service "web" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767"#)
        let cause = status.details?["causes"]?.listValue?.first
        #expect(cause?["reason"] == "FieldValueInvalid")
        #expect(cause?["field"] == "spec.ports[0].nodePort")
        #expect(cause?["message"] == "Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767")
    }

    @Test func methodNotAllowedNamesTheResource() {
        #expect(json(StatusBody.methodNotAllowed("DELETE", "services")) ==
            #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"the server does not allow this method on the requested resource","reason":"MethodNotAllowed","details":{"kind":"services"},"code":405}"#)
    }

    @Test func deleteOptionsComeFromTheQueryOrTheBodyWhichWins() throws {
        let fromQuery = try DeleteOptions(Query("gracePeriodSeconds=5&propagationPolicy=Orphan"), body: ByteBuffer())
        #expect(fromQuery.gracePeriodSeconds == 5 && fromQuery.propagation == .orphan && !fromQuery.dryRun)
        let body = ByteBuffer(string: #"{"kind":"DeleteOptions","gracePeriodSeconds":0,"propagationPolicy":"Foreground","dryRun":["All"]}"#)
        let fromBody = try DeleteOptions(Query("gracePeriodSeconds=5"), body: body)
        #expect(fromBody.gracePeriodSeconds == 0 && fromBody.propagation == .foreground && fromBody.dryRun)
    }

    @Test func badDeleteOptionsAreThe422sOfTheAPIServer() {
        do {
            _ = try DeleteOptions(Query("propagationPolicy=Sideways"), body: ByteBuffer())
            Issue.record("an unknown propagation policy was accepted")
        } catch let status as StatusBody {
            #expect(status.code == 422)
            #expect(status.message == #"DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "Sideways": supported values: "Foreground", "Background", "Orphan", "nil""#)
        } catch {
            Issue.record("\(error)")
        }
        do {
            _ = try DeleteOptions(Query("dryRun=Some"), body: ByteBuffer())
            Issue.record("an unknown dry run was accepted")
        } catch let status as StatusBody {
            #expect(status.code == 422 && status.message.contains(#"dryRun[0]: Unsupported value: "Some""#))
        } catch {
            Issue.record("\(error)")
        }
    }
}
