import Foundation
import Testing

@testable import AuditAnalysis
@testable import AuditImport
@testable import AuditModel
@testable import AuditReport
@testable import AuditSchool
@testable import AuditStore
@testable import ConductAudit

/// The built binary never gives a silent "no findings": owners and blind spots are shown, an
/// archive of undecided owner is refused, and `findings` agrees with the evidence after a
/// targeted run.
@Suite(.serialized) struct OwnershipCommandTests {
    static let samples = CommandLineTests.samples
    static let isBuilt = CommandLineTests.isBuilt

    static func audit(_ archives: [String], _ extra: [String] = []) -> [String] {
        ["audit"] + archives.map { samples.appendingPathComponent($0).path } + [
            "--school", samples.appendingPathComponent("school.yaml").path,
            "--roster", samples.appendingPathComponent("pupils.csv").path,
        ] + extra
    }

    /// A copy of one folder of a sample's `your_facebook_activity`, as a download of that part
    /// alone named `name` in `folder`.
    /// - Returns: the download's path.
    static func partialDownload(
        _ sample: String, keeping part: String, as name: String, in folder: URL
    )
        throws -> String
    {
        let activity = folder.appendingPathComponent(name).appendingPathComponent(
            "your_facebook_activity")
        try FileManager.default.createDirectory(
            at: activity.appendingPathComponent(part).deletingLastPathComponent(),
            withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: samples.appendingPathComponent(sample).appendingPathComponent(
                "your_facebook_activity/\(part)"),
            to: activity.appendingPathComponent(part))
        return folder.appendingPathComponent(name).path
    }

    /// `audit ARCHIVE` with the sample school and roster, the case and evidence in the working folder.
    static func auditInFolder(_ archive: String) -> [String] {
        [
            "audit", archive,
            "--school", samples.appendingPathComponent("school.yaml").path,
            "--roster", samples.appendingPathComponent("pupils.csv").path,
            "--case", "case.sqlite", "--out", "evidence",
        ]
    }

    @Test(
        "the summary and the result document give every archive's owner, its basis and blind spots",
        .enabled(if: isBuilt, "the conduct-audit binary is not built beside the tests"))
    func ownersAndBlindSpotsShown() throws {
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archives = ["facebook-rebeccahale-2025-03-14", "twitter-beckyhale-2025-03-14.zip"]
        let summary = try CommandLineTests.run(Self.audit(archives), in: folder)
        #expect(summary.status == 1)
        #expect(
            summary.output.contains(
                "owner: Rebecca Hale. The archive's own profile/account data names 'Rebecca Hale'.")
        )
        #expect(summary.output.contains("secure-storage download was NOT given"))
        #expect(summary.output.contains("encrypted direct messages"))

        let run = try CommandLineTests.run(Self.audit(archives, ["--json"]), in: folder)
        let document = try JSONDecoder().decode(ResultDocument.self, from: Data(run.output.utf8))
        #expect(document.archives.count == 2)
        for archive in document.archives {
            let owner = try #require(archive.owner)
            #expect(!owner.basis.isEmpty)
            #expect(!archive.blindSpots.isEmpty)
        }
        #expect(run.output.contains("\"blind_spots\""))
        let index = try EvidenceFixture.text(
            folder.appendingPathComponent("Reports/rebecca-hale/evidence/index.html"))
        #expect(index.contains("How the owner was decided"))
        #expect(index.contains("What this download cannot contain"))
    }

    @Test(
        "a messages-only download that is not the staff member's, or whose owner cannot be decided, stops the audit with exit 3",
        .enabled(if: isBuilt, "the conduct-audit binary is not built beside the tests"))
    func undecidedOwnerRefused() throws {
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = try Self.partialDownload(
            "facebook-rebeccahale-2025-03-14-html", keeping: "messages", as: "messages-only",
            in: folder)
        let arguments = Self.auditInFolder(archive)
        // Given for a colleague's audit, the threads show whose it plainly is.
        let refused = try CommandLineTests.run(
            arguments + ["--staff", "Mark Whitfield"], in: folder)
        #expect(refused.status == 3)
        #expect(refused.error.contains("is not Mark Whitfield's"))
        #expect(refused.error.contains("Rebecca Hale's account in school.yaml"))
        let database = try CaseDatabase.open(at: folder.appendingPathComponent("case.sqlite"))
        #expect(try database.archives().isEmpty)

        // One thread without the staff member's name in it decides no one.
        let single = try Self.partialDownload(
            "facebook-rebeccahale-2025-03-14-html",
            keeping: "messages/inbox/olliebennett_9023653783237174", as: "one-thread", in: folder)
        let undecided = try CommandLineTests.run(
            Self.auditInFolder(single) + ["--staff", "Mark Whitfield"], in: folder)
        #expect(undecided.status == 3)
        #expect(undecided.error.contains("Cannot tell whose account"))
        #expect(undecided.error.contains("one-thread"))
        #expect(undecided.error.contains("accounts, facebook"))
        #expect(try database.archives().isEmpty)

        // Her own audit decides the owner from the threads and finds her messages.
        let audited = try CommandLineTests.run(arguments + ["--staff", "Rebecca Hale"], in: folder)
        #expect(audited.status == 1)
        #expect(
            audited.output.contains("takes part")
                || audited.output.contains("taking part in all 4 message threads"))
        #expect(audited.output.contains("pupil-contact: 3"))
    }

    @Test(
        "a download that names no owner and has no threads is audited once its owner is stated with --owner",
        .enabled(if: isBuilt, "the conduct-audit binary is not built beside the tests"))
    func ownerStatedPerArchive() throws {
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = try Self.partialDownload(
            "facebook-rebeccahale-2025-03-14", keeping: "posts", as: "posts-only", in: folder)
        let arguments = Self.auditInFolder(archive) + ["--staff", "Rebecca Hale"]
        let refused = try CommandLineTests.run(arguments, in: folder)
        #expect(refused.status == 3)
        #expect(refused.error.contains("--owner 'ARCHIVE=NAME'"))

        let stated = try CommandLineTests.run(
            arguments + ["--owner", "\(archive)=Rebecca Hale"], in: folder)
        #expect(stated.status == 1)
        #expect(
            stated.output.contains(
                "owner: Rebecca Hale. The download names no owner; 'Rebecca Hale' was stated as its owner with --owner."
            ))
        #expect(stated.output.contains("working-hours:"))

        let malformed = try CommandLineTests.run(
            arguments + ["--owner", "Rebecca Hale"], in: folder)
        #expect(malformed.status == 2)
    }

    @Test(
        "a colleague's archive given for someone else's audit stops it with exit 3",
        .enabled(if: isBuilt, "the conduct-audit binary is not built beside the tests"))
    func someoneElsesArchiveRefused() throws {
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let refused = try CommandLineTests.run(
            Self.audit(["twitter-beckyhale-2025-03-14.zip"], ["--staff", "Mark Whitfield"]),
            in: folder)
        #expect(refused.status == 3)
        #expect(refused.error.contains("is not Mark Whitfield's"))
        #expect(refused.error.contains("Rebecca Hale's account in school.yaml"))
        #expect(refused.error.contains("Audit it for its owner"))
    }

    @Test(
        "after a targeted run, findings lists what the evidence shows, under the same incident numbers",
        .enabled(if: isBuilt, "the conduct-audit binary is not built beside the tests"))
    func targetedRunAgreesWithEvidence() throws {
        let folder = try EvidenceFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let archives = ["facebook-rebeccahale-2025-03-14", "twitter-beckyhale-2025-03-14.zip"]
        let casePath = "Reports/rebecca-hale/case.sqlite"
        func listed(_ extra: [String] = []) throws -> [String: String] {
            let run = try CommandLineTests.run(
                ["findings", "--case", casePath, "--json"] + extra, in: folder)
            let object = try #require(
                try JSONSerialization.jsonObject(with: Data(run.output.utf8))
                    as? [String: [[String: Any]]])
            var result: [String: String] = [:]
            for entry in object["findings"] ?? [] {
                result[entry["id"] as? String ?? ""] = entry["incident"] as? String
            }
            return result
        }
        #expect(try CommandLineTests.run(Self.audit(archives), in: folder).status == 1)
        let full = try listed()

        let targeted = try CommandLineTests.run(
            Self.audit(
                archives,
                [
                    "--from", "2024-11-01", "--to", "2024-11-30", "--rules",
                    "pupil-contact,ex-pupil-contact", "--json",
                ]),
            in: folder)
        let document = try JSONDecoder().decode(
            ResultDocument.self, from: Data(targeted.output.utf8))
        let latest = try listed()
        #expect(Set(latest.keys) == Set(document.findings.map(\.id)))
        #expect(latest.count < full.count)
        for finding in document.findings {
            #expect(finding.incident == full[finding.id])
            #expect(latest[finding.id] == finding.incident)
        }
        let evidence = folder.appendingPathComponent("Reports/rebecca-hale/evidence")
        let folders = try FileManager.default.contentsOfDirectory(atPath: evidence.path).filter {
            $0.hasPrefix("INC-")
        }
        #expect(Set(folders) == Set(document.incidents.map(\.id)))
        #expect(try listed(["--all-runs"]) == full)
        let text = try CommandLineTests.run(["findings", "--case", casePath], in: folder)
        #expect(text.output.contains("Scope: latest run 2:"))
    }
}
