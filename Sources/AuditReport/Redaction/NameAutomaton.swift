/// An Aho–Corasick automaton over the UTF-8 bytes of a fixed set of patterns: one pass over a
/// text says which patterns occur in it, whatever the number of patterns.
///
/// The redaction of a disclosure copy looks for thousands of names in every text of the copy;
/// testing each name against each text costs names × text. The automaton is built once per
/// disclosure copy (``Redactor/PatternIndex``) and each text is then read once, in time linear in
/// its length plus the number of patterns found.
///
/// UTF-8 is self-synchronising, so a pattern's bytes occur in a text's bytes exactly where its
/// scalars occur in the text's scalars.
struct NameAutomaton: Sendable {
    /// The number of patterns the automaton was built from.
    let patternCount: Int
    /// Transitions of the trie: `state << 8 | byte` → next state (root's are in `rootNext`).
    private var next: [UInt64: Int32] = [:]
    /// The root's transitions, dense: -1 where the trie has none (the root loops to itself).
    private var rootNext = [Int32](repeating: -1, count: 256)
    /// Each state's failure state: its longest proper suffix that is also a trie path.
    private var failure: [Int32] = [0]
    /// The pattern ending at each state, or -1.
    private var terminal: [Int32] = [-1]
    /// The nearest state on the failure chain (excluding the state) that ends a pattern, or -1.
    private var outputLink: [Int32] = [-1]

    /// Builds the automaton.
    /// - Parameter patterns: the patterns; the ids ``patterns(in:)`` returns are their indices.
    ///   Equal patterns share the first one's id; an empty pattern is never reported.
    init(patterns: [String]) {
        patternCount = patterns.count
        for (id, pattern) in patterns.enumerated() {
            var state: Int32 = 0
            for byte in pattern.utf8 {
                if let existing = transition(from: state, on: byte) {
                    state = existing
                    continue
                }
                let created = Int32(failure.count)
                failure.append(0)
                terminal.append(-1)
                outputLink.append(-1)
                if state == 0 {
                    rootNext[Int(byte)] = created
                } else {
                    next[UInt64(state) << 8 | UInt64(byte)] = created
                }
                state = created
            }
            if state != 0, terminal[Int(state)] < 0 { terminal[Int(state)] = Int32(id) }
        }
        // Failure links breadth first: a state's failure is found from its parent's. The root's
        // children fail to the root and have no output link.
        var children: [Int32: [(byte: UInt8, child: Int32)]] = [:]
        for (key, child) in next {
            children[Int32(key >> 8), default: []].append((UInt8(key & 0xFF), child))
        }
        var queue = rootNext.filter { $0 >= 0 }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (byte, child) in children[state] ?? [] {
                var fallback = failure[Int(state)]
                while true {
                    if let target = transition(from: fallback, on: byte) {
                        failure[Int(child)] = target
                        break
                    }
                    if fallback == 0 { break }
                    fallback = failure[Int(fallback)]
                }
                let fail = failure[Int(child)]
                outputLink[Int(child)] = terminal[Int(fail)] >= 0 ? fail : outputLink[Int(fail)]
                queue.append(child)
            }
        }
    }

    /// The ids of the patterns that occur in `text`, each once, in no particular order.
    func patterns(in text: some Sequence<UInt8>) -> [Int] {
        var found: [Int] = []
        var seen = Set<Int32>()
        var state: Int32 = 0
        for byte in text {
            while true {
                if let target = transition(from: state, on: byte) {
                    state = target
                    break
                }
                if state == 0 { break }
                state = failure[Int(state)]
            }
            // Every pattern ending here: this state's and its output chain. A pattern seen before
            // had its whole chain reported then, so the walk stops there.
            var report = terminal[Int(state)] >= 0 ? state : outputLink[Int(state)]
            while report >= 0, seen.insert(report).inserted {
                found.append(Int(terminal[Int(report)]))
                report = outputLink[Int(report)]
            }
        }
        return found
    }

    @inline(__always)
    private func transition(from state: Int32, on byte: UInt8) -> Int32? {
        if state == 0 {
            let target = rootNext[Int(byte)]
            return target >= 0 ? target : nil
        }
        return next[UInt64(state) << 8 | UInt64(byte)]
    }
}
