/// KG307–KG309 (and KG001–KG003 for kubegrid's charts): a chart directory's `values.yaml`
/// and `values.schema.json`, and the one against the other.
struct ValuesFileCheck {
    var directory: String
    var input: String
    /// The typed model of the chart, when kubegrid has one.
    var builtIn: BuiltInChart?

    var valuesPath: String { joinPath(directory, "values.yaml") }
    var schemaPath: String { joinPath(directory, "values.schema.json") }

    /// Checks the files that exist; returns the parsed schema for the values rules.
    func run(entries: [String], files: some FileSource, findings: inout [LintFinding]) -> Values? {
        let document = entries.contains("values.yaml") ? readValues(files, &findings) : nil
        let schema = entries.contains("values.schema.json") ? readSchema(files, &findings) : nil
        guard let document else { return schema }
        if let builtIn {
            // GigaSpaces' own chart directories hold their old keys: KG003 says what they became.
            let legacy = LegacyValues.translate(document.root, for: builtIn)
            let (_, diagnostics) = SchemaValidator(builtIn.schema).validate(legacy.values)
            for diagnostic in legacy.diagnostics + diagnostics {
                let position = diagnostic.path.map(document.position(of:)) ?? document.start
                findings.append(LintFinding(
                    rule: diagnostic.rule, location: LintLocation(position), message: diagnostic.description, input: input))
            }
        } else if let schema {
            for problem in JSONSchemaCheck(schema).problems(document.root) {
                findings.append(LintFinding(
                    rule: "KG309", location: LintLocation(document.position(of: problem.path)),
                    message: "\(problem.path.isRoot ? "values.yaml" : problem.path.description): \(problem.message)", input: input))
            }
        }
        return schema
    }

    private func readValues(_ files: some FileSource, _ findings: inout [LintFinding]) -> YAMLDocument? {
        let bytes: [UInt8]
        do {
            bytes = try files.contents(of: valuesPath)
        } catch {
            findings.append(InputFindings.finding(error, input: input))
            return nil
        }
        do {
            var document = try YAMLReader(source: valuesPath, recordsPositions: true).documents(from: bytes).first
                ?? YAMLDocument(root: .emptyMap, start: SourcePosition(file: valuesPath, line: 1, column: 1))
            switch document.root {
            case .map: return document
            case .null:
                document.root = .emptyMap
                return document
            default:
                findings.append(LintFinding(
                    rule: "KG307", location: LintLocation(document.start),
                    message: "values.yaml must be a map of keys to values, got \(document.root.kindDescription)", input: input))
                return nil
            }
        } catch {
            var finding = InputFindings.finding(error, input: input)
            if finding.rule == "KG012" { finding.rule = "KG307" }
            findings.append(finding)
            return nil
        }
    }

    private func readSchema(_ files: some FileSource, _ findings: inout [LintFinding]) -> Values? {
        let schema: Values
        do {
            let bytes = try files.contents(of: schemaPath)
            schema = try JSONReader.parse(String(decoding: bytes, as: UTF8.self), source: schemaPath)
        } catch let error as FileReadError {
            findings.append(InputFindings.finding(error, input: input))
            return nil
        } catch let error as JSONError {
            findings.append(InputFindings.finding(error, input: input))
            return nil
        } catch {
            return nil
        }
        guard case .map = schema else {
            findings.append(LintFinding(
                rule: "KG308", location: LintLocation(file: schemaPath),
                message: "values.schema.json must be a JSON Schema object, got \(schema.kindDescription)", input: input))
            return nil
        }
        return schema
    }
}
