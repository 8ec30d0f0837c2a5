import KubeGridCore
@testable import KubeGridSim
import Testing

@testable import KubeGridServer

/// Query parameters, label and field selectors, `limit`/`continue` tokens.
@Suite struct QueryTests {
    @Test func parametersArePercentAndPlusDecodedAndTheLastOneWins() {
        let query = Query("labelSelector=app%3Dweb+x&limit=5&limit=7&watch")
        #expect(query["labelSelector"] == "app=web x")
        #expect(query["limit"] == "7")
        #expect(query["watch"] == "")
        #expect(query["missing"] == nil)
    }

    @Test func flagsAreReadAsGosParseBool() {
        for text in ["1", "t", "T", "TRUE", "true", "True"] { #expect(Query("watch=\(text)").flag("watch")) }
        for text in ["0", "false", "yes", ""] { #expect(!Query("watch=\(text)").flag("watch")) }
    }

    @Test func labelSelectorsOfEveryForm() throws {
        let labels = ["app": "web", "tier": "cache", "zone": "a"]
        func matches(_ text: String) throws -> Bool { try LabelSelectorQuery(text).matches(labels) }
        #expect(try matches("app=web"))
        #expect(try matches("app==web,tier=cache"))
        #expect(try !matches("app!=web"))
        #expect(try matches("zone"))
        #expect(try !matches("!zone"))
        #expect(try matches("!missing"))
        #expect(try matches("tier in (cache, db)"))
        #expect(try !matches("tier notin (cache)"))
        #expect(try matches("zone in (a,b),app=web"))
        #expect(try matches(""))
    }

    @Test(arguments: ["a in (b", "=x", "a b=c", "in (x)"])
    func aBadLabelSelectorIsA400NamingIt(text: String) {
        do {
            _ = try LabelSelectorQuery(text)
            Issue.record("\(text) was accepted")
        } catch {
            #expect(error.code == 400)
            #expect(error.message == "unable to parse requirement: found '\(text)', expected: valid label selector")
        }
    }

    @Test func fieldSelectorsAndTheFieldsServed() throws {
        let fields = try FieldSelectorQuery("metadata.name=web-0,status.phase!=Running")
        #expect(fields.requirements.map(\.field) == ["metadata.name", "status.phase"])
        #expect(fields.requirements.map(\.equal) == [true, false])
        do {
            _ = try Selection(Query("fieldSelector=spec.bogus%3Dx"))
            Issue.record("an unsupported field was accepted")
        } catch {
            #expect(error.message == "field label not supported: spec.bogus")
        }
        do {
            _ = try FieldSelectorQuery("nonsense")
            Issue.record("a field selector without an operator was accepted")
        } catch {
            #expect(error.code == 400 && error.message == "invalid selector: 'nonsense'; can't understand 'nonsense'")
        }
    }

    @Test func aSelectionAsksForTheEncodingOnlyForFieldSelectors() throws {
        var store = ObjectStore()
        let object = try store.create(.namespace, name: "grid", labels: ["team": "a"], at: .zero)
        var asked = 0
        let byLabel = try Selection(Query("labelSelector=team%3Da"))
        #expect(byLabel.matches(object) { asked += 1; return .emptyMap })
        #expect(asked == 0)
        let byField = try Selection(Query("fieldSelector=metadata.name%3Dgrid"))
        #expect(byField.matches(object) { asked += 1; return .map(["metadata": .map(["name": "grid"])]) })
        #expect(asked == 1)
    }

    @Test func continueTokensRoundTripAndABadOneIsA400() throws {
        let token = KubeResponder.continueToken(after: UID(number: 500), resourceVersion: 42)
        #expect(try KubeResponder.continueStart(token) == UID(number: 500))
        #expect(try KubeResponder.continueStart(nil) == nil)
        #expect(try KubeResponder.continueStart("") == nil)
        do {
            _ = try KubeResponder.continueStart("%%%")
            Issue.record("a bad continue token was accepted")
        } catch {
            #expect(error.code == 400 && error.message.hasPrefix("continue key is not valid"))
        }
    }
}
