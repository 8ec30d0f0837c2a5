/// The values Kubernetes applies to StatefulSet fields left unset.
extension StatefulSetSpec {
    /// ``replicas``, or Kubernetes' default 1.
    public var effectiveReplicas: Int { replicas ?? 1 }
    /// ``podManagementPolicy``, or Kubernetes' default OrderedReady.
    public var effectivePodManagementPolicy: PodManagementPolicy { podManagementPolicy ?? .orderedReady }
}

extension StatefulSetUpdateStrategy {
    /// ``type``, or Kubernetes' default RollingUpdate.
    public var effectiveType: StrategyType { type ?? .rollingUpdate }
}

/// The probe timings Kubernetes applies to fields left unset.
extension Probe {
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
}

extension ServiceSpec {
    /// The type Kubernetes applies: ``type``, or ClusterIP when unset.
    public var effectiveType: ServiceType { type ?? .clusterIP }

    /// True for a headless Service (`clusterIP: None`), which gives each pod its own DNS record.
    public var isHeadless: Bool { clusterIP == "None" }
}
