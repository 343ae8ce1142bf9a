import Foundation

/// Standard output and error for the CLI; the library never prints.
enum Terminal {
    /// Writes a line to standard output.
    static func print(_ text: String, terminator: String = "\n") {
        FileHandle.standardOutput.write(Data((text + terminator).utf8))
    }

    /// Writes raw bytes to standard output (the `--json` document).
    static func write(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }

    /// Writes "error: message" to standard error.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data(("error: " + message + "\n").utf8))
    }

    /// Writes a diagnostic line to standard error.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    /// Writes text to standard error as is (no newline), for a progress line.
    static func noteRaw(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
