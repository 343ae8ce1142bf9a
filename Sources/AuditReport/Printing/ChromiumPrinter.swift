import Foundation

/// Prints pages to A4 PDF with headless Chromium (`--print-to-pdf`), which honours the pages'
/// CSS paged media: A4 size, margins and the "Page X of Y" footer.
public struct ChromiumPrinter: PagePrinter {
    /// The executable names looked for on the `PATH`, in order.
    public static let executableNames = [
        "chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome",
    ]

    /// The Chromium executable.
    public var executable: URL
    /// Whether to pass `--no-sandbox` (needed when running as root, as in containers).
    public var disablesSandbox: Bool
    /// How long one page may take before Chromium is stopped.
    public var timeout: TimeInterval

    public init(executable: URL, disablesSandbox: Bool = false, timeout: TimeInterval = 120) {
        self.executable = executable
        self.disablesSandbox = disablesSandbox
        self.timeout = timeout
    }

    /// Finds Chromium on a search path.
    /// - Parameters:
    ///   - searchPath: a `PATH` value (folders separated by ":"), as the caller's environment has it.
    ///   - disablesSandbox: see ``disablesSandbox``.
    /// - Returns: a printer using the first executable found.
    /// - Throws: ``ReportError/pdfPrinterNotFound(searched:)`` when no executable is found.
    public static func locate(searchPath: String?, disablesSandbox: Bool = false) throws
        -> ChromiumPrinter
    {
        let folders = (searchPath ?? "").split(separator: ":").map(String.init)
        for name in executableNames {
            for folder in folders where !folder.isEmpty {
                let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return ChromiumPrinter(executable: candidate, disablesSandbox: disablesSandbox)
                }
            }
        }
        throw ReportError.pdfPrinterNotFound(searched: executableNames)
    }

    public func printPage(at page: URL, to pdf: URL) throws {
        let fileManager = FileManager.default
        let scratch = fileManager.temporaryDirectory
            .appendingPathComponent("conduct-audit-chromium-\(UUID().uuidString)")
        try fileManager.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: scratch) }
        let log = scratch.appendingPathComponent("stderr.txt")
        _ = fileManager.createFile(atPath: log.path, contents: nil)

        let process = Process()
        process.executableURL = executable
        var arguments = [
            "--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--no-pdf-header-footer",
            "--user-data-dir=\(scratch.appendingPathComponent("profile").path)",
            "--print-to-pdf=\(pdf.path)",
        ]
        if disablesSandbox { arguments.insert("--no-sandbox", at: 1) }
        arguments.append(page.standardizedFileURL.absoluteString)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let logHandle = try FileHandle(forWritingTo: log)
        defer { try? logHandle.close() }
        process.standardError = logHandle
        do {
            try process.run()
        } catch {
            throw ReportError.printFailed(
                page.lastPathComponent, reason: "\(executable.path) could not be started: \(error)")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                throw ReportError.printFailed(
                    page.lastPathComponent,
                    reason: "Chromium did not finish within \(Int(timeout)) seconds")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let header = (try? FileHandle(forReadingFrom: pdf)).flatMap { handle in
            defer { try? handle.close() }
            return try? handle.read(upToCount: 5)
        }
        guard process.terminationStatus == 0, header == Data("%PDF-".utf8) else {
            let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let lastLines = output.split(separator: "\n").suffix(3).joined(separator: " / ")
            throw ReportError.printFailed(
                page.lastPathComponent,
                reason: "Chromium exited with status \(process.terminationStatus) and wrote no "
                    + "PDF\(lastLines.isEmpty ? "" : " (\(lastLines))")")
        }
    }
}
