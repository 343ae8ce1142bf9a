import AuditAnalysis
import AuditModel
import AuditSchool

extension EvidenceBundle {
    /// The bundle as a disclosure copy shows it: every text passed through `redactor`, highlight
    /// spans moved with the excerpts they mark, and attached media withheld.
    ///
    /// Ids (items, findings, incidents), times, digests and structure are unchanged, so exhibit
    /// numbers and links are the same as in the full copy.
    func redacted(using redactor: Redactor) -> EvidenceBundle {
        var copy = self
        func person(_ person: Person?) -> Person? {
            person.map {
                Person(
                    name: redactor.apply($0.name), handle: redactor.apply($0.handle),
                    accountID: redactor.apply($0.accountID))
            }
        }
        func source(_ source: SourceReference) -> SourceReference {
            SourceReference(
                archiveSHA256: source.archiveSHA256,
                archivePath: redactor.apply(source.archivePath),
                file: redactor.apply(source.file), locator: redactor.apply(source.locator))
        }
        copy.archives = archives.map { archive in
            var archive = archive
            archive.path = redactor.apply(archive.path)
            archive.owner = person(archive.owner)
            archive.ownerEvidence = redactor.apply(archive.ownerEvidence)
            archive.unparsed = archive.unparsed.map { issue in
                var issue = issue
                issue.file = redactor.apply(issue.file)
                issue.locator = redactor.apply(issue.locator)
                issue.reason = redactor.apply(issue.reason)
                return issue
            }
            archive.media = archive.media.map { file in
                MediaFile(path: redactor.apply(file.path), size: file.size, sha256: file.sha256)
            }
            archive.coverage = archive.coverage.map { section in
                var section = section
                section.files = section.files.map { redactor.apply($0) }
                return section
            }
            return archive
        }
        copy.owners = owners.mapValues { owner in
            ArchiveOwner(
                name: redactor.apply(owner.name), basis: redactor.apply(owner.basis))
        }
        copy.blindSpots = blindSpots.mapValues { spots in
            spots.map {
                BlindSpot(
                    what: redactor.apply($0.what), since: $0.since,
                    advice: redactor.apply($0.advice))
            }
        }
        copy.furtherSources = furtherSources.mapValues { $0.map(source) }
        copy.findings = findings.map { finding in
            var finding = finding
            if let excerpt = finding.excerpt {
                let redacted = redactor.apply(excerpt, spans: finding.highlights)
                finding.excerpt = redacted.text
                finding.highlights = redacted.spans
            }
            finding.explanation = redactor.apply(finding.explanation)
            finding.incidentKey = redactor.apply(finding.incidentKey)
            finding.source = source(finding.source)
            finding.counterparty = finding.counterparty.map { counterparty in
                FindingCounterparty(
                    name: redactor.apply(counterparty.name),
                    handle: redactor.apply(counterparty.handle), rosterID: counterparty.rosterID,
                    matchExplanation: redactor.apply(counterparty.matchExplanation))
            }
            return finding
        }
        copy.incidents = incidents.map { incident in
            var incident = incident
            incident.title = redactor.apply(incident.title)
            incident.key = redactor.apply(incident.key)
            return incident
        }
        copy.items = items.mapValues { item in
            var item = item
            item.author = person(item.author)
            item.counterparties = item.counterparties.compactMap { person($0) }
            item.text = redactor.apply(item.text)
            item.title = redactor.apply(item.title)
            item.attachments = item.attachments.map { attachment in
                Attachment(
                    kind: attachment.kind, uri: redactor.apply(attachment.uri),
                    caption: redactor.apply(attachment.caption))
            }
            item.conversation = redactor.apply(item.conversation)
            item.source = source(item.source)
            item.rawFragment = redactor.apply(item.rawFragment)
            return item
        }
        var media: [MediaKey: MediaEvidence] = [:]
        for (key, evidence) in self.media {
            let redactedKey = MediaKey(
                archiveSHA256: key.archiveSHA256, uri: redactor.apply(key.uri))
            media[redactedKey] = MediaEvidence(
                key: redactedKey, pathInArchive: redactor.apply(evidence.pathInArchive),
                importedSHA256: evidence.sha256, content: .withheld)
        }
        copy.media = media
        copy.pupils = pupils.mapValues { pupil in
            var pupil = pupil
            pupil.name = redactor.apply(pupil.name)
            return pupil
        }
        copy.outcomes = outcomes.mapValues { recorded in
            recorded.map { outcome in
                var outcome = outcome
                outcome.reason = redactor.apply(outcome.reason)
                outcome.reviewer = redactor.apply(outcome.reviewer)
                outcome.incidentKey = redactor.apply(outcome.incidentKey)
                return outcome
            }
        }
        copy.reviews = reviews.mapValues { decisions in
            decisions.map { decision in
                var decision = decision
                decision.reason = redactor.apply(decision.reason)
                decision.reviewer = redactor.apply(decision.reviewer)
                return decision
            }
        }
        return copy
    }

    /// The part of the bundle one incident's page and JSON use: its findings, their items,
    /// context, media and reviews (archives and settings unchanged).
    func restricted(to incident: Incident) -> EvidenceBundle {
        var copy = self
        let ids = Set(incident.findings)
        copy.findings = findings.filter { ids.contains($0.id) }
        copy.incidents = incidents.filter { $0.id == incident.id }
        var itemIDs = Set<ItemID>()
        for finding in copy.findings {
            itemIDs.insert(finding.item)
            itemIDs.formUnion(finding.supportingItems)
            itemIDs.formUnion(context[finding.id] ?? [])
        }
        copy.items = items.filter { itemIDs.contains($0.key) }
        copy.context = context.filter { ids.contains($0.key) }
        copy.reviews = reviews.filter { ids.contains($0.key) }
        let keys = Set(
            copy.items.values.flatMap { item in
                item.attachments.compactMap { MediaKey(item: item, attachment: $0) }
            })
        copy.media = media.filter { keys.contains($0.key) }
        copy.threadPositions = threadPositions.filter { itemIDs.contains($0.key) }
        copy.ownActivity = []
        return copy
    }
}
