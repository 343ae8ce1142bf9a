import Foundation
import Testing

/// The real sample exports under `../shared/formats/samples/` beside the repository.
///
/// They are the project's reference downloads and are never copied into the repository: CI has
/// them beside its clone, a fresh clone elsewhere does not. Tests over them carry
/// ``Testing/Trait/needsSharedSamples`` and are skipped, saying why, when the folder is absent;
/// what the suite asserts on always lives in the repository (`Samples/`, `Fixtures/` and
/// archives the tests write). `CONDUCT_AUDIT_SHARED_SAMPLES` names another folder (a path
/// that does not exist runs the suite as a fresh clone would).
enum SharedSamples {
    /// The repository root, reached from this file (…/Tests/ConductAuditTests/Support/).
    static let repositoryRoot: URL = {
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { root.deleteLastPathComponent() }
        return root
    }()

    /// The samples folder: `CONDUCT_AUDIT_SHARED_SAMPLES`, else `../shared/formats/samples`.
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["CONDUCT_AUDIT_SHARED_SAMPLES"],
            !path.isEmpty
        {
            return URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL
        }
        return repositoryRoot.appendingPathComponent("../shared/formats/samples")
            .standardizedFileURL
    }()

    /// Whether the samples are there to test against.
    static let isAvailable = FileManager.default.fileExists(atPath: root.path)

    /// Why tests over the samples are skipped, shown by the test runner.
    static let skipReason: Comment =
        "the real sample exports are not beside the repository (../shared/formats/samples); CI has them"

    /// The folder of one platform's samples, `root/<platform>`.
    static func platform(_ platform: String) -> URL {
        root.appendingPathComponent(platform)
    }

    /// One sample, `root/<platform>/<name>`.
    static func sample(_ platform: String, _ name: String) -> URL {
        root.appendingPathComponent(platform).appendingPathComponent(name)
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test or suite only where ``SharedSamples`` are available.
    static var needsSharedSamples: Self {
        .enabled(if: SharedSamples.isAvailable, SharedSamples.skipReason)
    }
}

/// Says once, in the test output, whether the checks over the shared samples ran.
@Suite struct SharedSamplesAvailabilityTests {
    @Test("the checks over ../shared/formats/samples run where the folder exists")
    func reportAvailability() {
        if SharedSamples.isAvailable {
            print(
                "note: checks over the real sample exports run against \(SharedSamples.root.path)")
        } else {
            print(
                "note: \(SharedSamples.root.path) is absent: the checks over the real sample "
                    + "exports are skipped (each such suite says so); everything else runs")
        }
        if SharedSamples.isAvailable {
            // A folder that exists but is not the samples would skip nothing and test nothing.
            for platform in ["facebook", "instagram", "twitter", "whatsapp"] {
                #expect(
                    FileManager.default.fileExists(atPath: SharedSamples.platform(platform).path),
                    "\(SharedSamples.root.path) has no \(platform) folder")
            }
        }
    }
}
