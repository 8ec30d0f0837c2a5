/// A unified diff of two texts, line by line, for showing what `--check` found different.
public enum LineDiff {
    /// `--- old` / `+++ new` headers and hunks with `context` lines around each change;
    /// empty when the texts are equal.
    public static func unified(old: String, new: String, oldName: String, newName: String, context: Int = 2) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let edits = script(a, b)
        guard edits.contains(where: { $0.kind != .same }) else { return "" }
        var output = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        while index < edits.count {
            guard edits[index].kind != .same else { index += 1; continue }
            // Grow the hunk while changes are closer than twice the context.
            let start = max(0, index - context)
            var end = index
            var lastChange = index
            while end < edits.count && end - lastChange <= 2 * context {
                if edits[end].kind != .same { lastChange = end }
                end += 1
            }
            end = min(edits.count, lastChange + context + 1)
            let hunk = edits[start..<end]
            let oldStart = (hunk.first?.oldLine ?? 0) + 1
            let newStart = (hunk.first?.newLine ?? 0) + 1
            let oldCount = hunk.filter { $0.kind != .inserted }.count
            let newCount = hunk.filter { $0.kind != .deleted }.count
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for edit in hunk {
                switch edit.kind {
                case .same: output += " \(edit.text)\n"
                case .deleted: output += "-\(edit.text)\n"
                case .inserted: output += "+\(edit.text)\n"
                }
            }
            index = end
        }
        return output
    }

    private struct Edit {
        enum Kind { case same, deleted, inserted }
        var kind: Kind
        var text: String
        var oldLine: Int
        var newLine: Int
    }

    /// The shortest edit script, from a longest-common-subsequence table.
    private static func script(_ a: [String], _ b: [String]) -> [Edit] {
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var edits: [Edit] = []
        var (i, j) = (0, 0)
        while i < a.count || j < b.count {
            if i < a.count && j < b.count && a[i] == b[j] {
                edits.append(Edit(kind: .same, text: a[i], oldLine: i, newLine: j))
                i += 1
                j += 1
            } else if i < a.count && (j == b.count || table[i + 1][j] >= table[i][j + 1]) {
                // Deletions before insertions, as diff -u shows a changed line.
                edits.append(Edit(kind: .deleted, text: a[i], oldLine: i, newLine: j))
                i += 1
            } else {
                edits.append(Edit(kind: .inserted, text: b[j], oldLine: i, newLine: j))
                j += 1
            }
        }
        return edits
    }
}
