import KubeGridCore

/// The simulation runtime: a simulated Kubernetes cluster that runs the rendered grid.
public enum KubeGridSim {}
