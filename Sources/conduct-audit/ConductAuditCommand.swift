import ArgumentParser
import ConductAudit

@main
struct ConductAuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conduct-audit",
        abstract: "Check staff social-media exports against the school's social media policy."
    )
}
