import Testing
@testable import KubeGridCore

@Suite struct QuantityTests {
    @Test(arguments: [
        ("300Mi", 314_572_800_000),
        ("1Gi", 1_073_741_824_000),
        ("1.5Gi", 1_610_612_736_000),
        ("0.1Ki", 102_400),
        ("8Pi", 9_007_199_254_740_992_000),
        ("0.5", 500),
        (".5", 500),
        ("1.", 1000),
        ("100m", 100),
        ("2", 2000),
        ("+2", 2000),
        ("-2", -2000),
        ("007", 7000),
        ("0", 0),
        ("0.000", 0),
        ("1e3", 1_000_000),
        ("1E3", 1_000_000),
        ("12e+2", 1_200_000),
        ("1e-3", 1),
        ("1k", 1_000_000),
        ("1M", 1_000_000_000),
        ("1P", 1_000_000_000_000_000_000),
        ("1.000000000000000000000", 1000),
        // Finer than a thousandth rounds up, as Kubernetes' MilliValue does.
        ("1n", 1),
        ("1u", 1),
        ("0.0001", 1),
        ("1e-30", 1),
    ])
    func parsesValidText(text: String, milli: Int) throws {
        let quantity = try Quantity(text)
        #expect(quantity.milliValue == milli)
        #expect(quantity.text == text)
        #expect(quantity.encoded() == .string(text))
    }

    @Test(arguments: [
        ("", QuantityError.empty),
        ("abc", .notANumber("abc")),
        ("Mi", .notANumber("Mi")),
        ("--1", .notANumber("--1")),
        (".", .notANumber(".")),
        ("300MB", .unknownSuffix(text: "300MB", suffix: "MB")),
        ("1ki", .unknownSuffix(text: "1ki", suffix: "ki")),
        ("1e", .unknownSuffix(text: "1e", suffix: "e")),
        ("1e+", .unknownSuffix(text: "1e+", suffix: "e+")),
        ("1.2.3", .unknownSuffix(text: "1.2.3", suffix: ".3")),
        ("1 Gi", .unknownSuffix(text: "1 Gi", suffix: " Gi")),
        ("1234567890123456789", .tooManyDigits("1234567890123456789")),
        ("9Ei", .outOfRange("9Ei")),
        ("1E", .outOfRange("1E")),
        ("1e1000000", .outOfRange("1e1000000")),
    ])
    func rejectsInvalidText(text: String, error: QuantityError) {
        #expect(throws: error) { try Quantity(text) }
    }

    @Test func errorMessagesSayWhatToWrite() {
        let message = QuantityError.unknownSuffix(text: "300MB", suffix: "MB").description
        #expect(message.hasPrefix("\"300MB\" is not a quantity: unknown unit \"MB\"; use one of n, u, m, k, M"))
        #expect(message.contains("Mi is mebibytes"))
    }

    @Test(arguments: [
        ("1Gi", "1000Mi"),
        ("1", "500m"),
        ("1Ki", "1k"),
        ("129M", "123Mi"),
        ("1e3", "999"),
        ("0", "-1m"),
    ])
    func ordersByAmount(larger: String, smaller: String) throws {
        let (big, small) = (try Quantity(larger), try Quantity(smaller))
        #expect(big > small)
        #expect(small < big)
        #expect(big != small)
    }

    @Test(arguments: [("1Gi", "1024Mi"), ("1", "1000m"), ("0.5", "500m"), ("1k", "1e3"), ("2", "2.0")])
    func equalAmountsAreEqual(left: String, right: String) throws {
        let (a, b) = (try Quantity(left), try Quantity(right))
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
    }

    @Test func wholeUnitsRoundAwayFromZero() {
        #expect(Quantity("100m").value == 1)
        #expect(Quantity("1.5").value == 2)
        #expect(Quantity("2").value == 2)
        #expect(Quantity("1Gi").value == 1_073_741_824)
        #expect(Quantity("-100m").value == -1)
    }

    @Test func numbersStayNumbersWhenWrittenBack() throws {
        #expect(try Quantity(decoding: 2).encoded() == 2)
        #expect(try Quantity(decoding: 2).milliValue == 2000)
        #expect(try Quantity(decoding: 0.5).encoded() == 0.5)
        #expect(try Quantity(decoding: 0.5).milliValue == 500)
        #expect(try Quantity(decoding: 1e15).milliValue == 1_000_000_000_000_000_000)
        #expect(throws: ManifestDecodingError.invalidQuantity(path: ValuePath(), reason: .outOfRange("1e+20"))) {
            try Quantity(decoding: 1e20)
        }
        #expect(try Quantity(decoding: "2").encoded() == "2")
    }

    @Test func buildsCanonicalTextFromAmounts() {
        #expect(Quantity(milliValue: 2000).text == "2")
        #expect(Quantity(milliValue: 1500).text == "1500m")
        #expect(Quantity(milliValue: 0).text == "0")
    }
}
