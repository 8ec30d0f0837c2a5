import Testing

@testable import KubeGridSim

/// A Space instance's objects, kept as numbers where the workload's keys and values allow,
/// behave as the dictionary of strings they stand for.
@Suite struct SpaceObjectsTests {
    @Test func itAnswersAsADictionaryWould() {
        var objects = SpaceObjects()
        var dictionary: [String: String] = [:]
        var random = SeededRandom(seed: 9)
        let keys = (0..<40).map { "key-\($0)" } + ["key-07", "other", "key-"]
        let values = (0..<30).map { "v\($0)" } + ["v01", "x", "v4294967296"]
        for _ in 0..<2_000 {
            let key = keys[Int.random(in: 0..<keys.count, using: &random)]
            let value = Int.random(in: 0..<10, using: &random) == 0 ? nil : values[Int.random(in: 0..<values.count, using: &random)]
            objects[key] = value
            dictionary[key] = value
            #expect(objects[key] == dictionary[key])
        }
        #expect(objects.count == dictionary.count && objects.isEmpty == dictionary.isEmpty)
        #expect(Set(objects.keys) == Set(dictionary.keys) && objects.keys.count == dictionary.count)
        for key in keys { #expect(objects[key] == dictionary[key], "\(key)") }
    }

    @Test func equalObjectsAreEqualHoweverTheyWereWritten() {
        var grown = SpaceObjects()
        grown["key-900"] = "v1"
        grown["key-900"] = nil
        grown["key-2"] = "v2"
        let written: SpaceObjects = ["key-2": "v2"]
        #expect(grown == written)
        grown["key-3"] = "v3"
        #expect(grown != written)
    }
}
