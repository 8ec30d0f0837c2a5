import Testing
@testable import KubeGridSim

@Suite struct SimModuleTests {
    @Test func moduleLinks() { #expect(String(describing: KubeGridSim.self) == "KubeGridSim") }
}
