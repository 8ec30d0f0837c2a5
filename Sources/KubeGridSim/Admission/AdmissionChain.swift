/// Every write's way into the store: the mutating plugins in order, then the validating
/// plugins in order; the first refusal stops the write.
///
/// A new check (quota, RBAC, pod security) is a new plugin type added to ``standard``.
public struct AdmissionChain: Sendable {
    public var mutating: [any MutatingAdmissionPlugin]
    public var validating: [any ValidatingAdmissionPlugin]
    /// Plugins that annotate an admitted write (warnings, audit annotations).
    public var annotating: [any AnnotatingAdmissionPlugin] = []

    /// The plugins of the simulated API server, in the order they run.
    public static let standard = AdmissionChain(
        mutating: [ObjectDefaults(), LimitRanger()],
        validating: [
            NamespaceLifecycle(), ObjectNameValidation(), ServiceValidation(), ServiceAllocationCheck(),
            StatefulSetUpdateValidation(), LimitRanger(), PodSecurityAdmission(), ResourceQuotaAdmission(),
        ],
        annotating: [PodSecurityAdmission()])

    /// Runs the chain; returns the request as the mutating plugins left it.
    public func admit(_ request: AdmissionRequest, context: AdmissionContext) throws(APIError) -> AdmissionRequest {
        var request = request
        let (operation, kind) = (request.operation, request.kind)
        for plugin in mutating where plugin.handles(operation, of: kind) { try plugin.admit(&request, context: context) }
        for plugin in validating where plugin.handles(operation, of: kind) { try plugin.validate(request, context: context) }
        for plugin in annotating where plugin.handles(operation, of: kind) { plugin.annotate(&request, context: context) }
        return request
    }

    /// The plugin ids, in the order they run.
    public var ids: [String] { mutating.map(\.id) + validating.map(\.id) }
}
