import Testing
@testable import KubeGridCore

/// The one XML escaping that lint's and the simulator's JUnit outputs share.
@Suite struct XMLTextTests {
    @Test(arguments: [
        ("a<b & \"c\"", "a&lt;b &amp; &quot;c&quot;"), ("it's\u{1}", "it&apos;s"),
        ("line\nbreak\ttab\r", "line&#10;break&#9;tab&#13;"), ("\u{FFFE}ok", "ok"), ("grüße", "grüße"),
    ])
    func escapesMarkupAndDropsWhatXMLCannotHold(text: String, expected: String) {
        #expect(XMLText.escaped(text) == expected)
    }
}
