import GRDB

extension CaseDatabase {
    /// The `PRAGMA application_id` of a case file ("CAUD"), which tells a case apart from any
    /// other SQLite database a user might point the tool at.
    static let applicationID: Int32 = 0x4341_5544

    /// The schema's migrations, in order.
    ///
    /// Migrations use SQL and column names only, never app types, so that a shipped migration
    /// reads the same whatever the Swift types later become. Never edit a shipped migration: add
    /// a new one. Times are stored as integer milliseconds since 1970 (UTC), which keeps them
    /// exact to the millisecond and sortable; JSON columns hold the Codable form of the domain
    /// value with sorted keys.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1-archives-and-items") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")

            try db.create(table: "archive") { t in
                t.primaryKey("sha256", .text)
                t.column("path", .text).notNull()
                t.column("platform", .text).notNull()
                t.column("variant", .text).notNull()
                t.column("owner", .jsonText)
                t.column("item_count", .integer).notNull()
                t.column("unparsed", .jsonText).notNull()
                t.column("media", .jsonText).notNull()
                t.column("coverage", .jsonText).notNull()
                t.column("imported_at", .integer).notNull()
            }

            try db.create(table: "item") { t in
                t.primaryKey("id", .text)
                t.column("platform", .text).notNull()
                t.column("kind", .text).notNull()
                t.column("authored", .boolean).notNull()
                t.column("author", .jsonText)
                t.column("counterparties", .jsonText).notNull()
                t.column("text", .text)
                t.column("title", .text)
                t.column("attachments", .jsonText).notNull()
                t.column("conversation", .text)
                t.column("connection_state", .text)
                t.column("occurred_at", .integer)
                t.column("time_basis", .text).notNull()
                t.column("raw_fragment", .text).notNull()
                t.column("source_archive", .text).notNull()
                    .references("archive", column: "sha256", onDelete: .restrict)
                t.column("source_file", .text).notNull()
                t.column("source_locator", .text).notNull()
            }
            try db.create(index: "item_on_occurred_at", on: "item", columns: ["occurred_at"])
            try db.create(index: "item_on_source_archive", on: "item", columns: ["source_archive"])

            try db.create(table: "item_source") { t in
                t.column("item_id", .text).notNull()
                    .references("item", column: "id", onDelete: .restrict)
                t.column("archive_sha256", .text).notNull()
                    .references("archive", column: "sha256", onDelete: .restrict)
                t.column("file", .text).notNull()
                t.column("locator", .text).notNull()
                t.primaryKey(["item_id", "archive_sha256", "file", "locator"])
            }
            try db.create(
                index: "item_source_on_archive", on: "item_source", columns: ["archive_sha256"])
        }

        migrator.registerMigration("v1-findings") { db in
            try db.create(table: "finding") { t in
                t.primaryKey("id", .text)
                t.column("rule", .text).notNull()
                t.column("severity", .text).notNull()
                t.column("confidence", .double).notNull()
                t.column("item_id", .text).notNull()
                    .references("item", column: "id", onDelete: .restrict)
                t.column("supporting", .jsonText).notNull()
                t.column("counterparty", .jsonText)
                t.column("excerpt", .text)
                t.column("highlights", .jsonText).notNull()
                t.column("source", .jsonText).notNull()
                t.column("explanation", .text).notNull()
                t.column("incident_key", .text).notNull()
                t.column("occurred_at", .integer)
                t.column("platform", .text).notNull()
                t.column("activity", .text).notNull()
                t.column("run_id", .text)
                // The status the rule gave (open, or declared for a declared family link); a
                // review decision overrides it.
                t.column("initial_status", .text).notNull().defaults(to: "open")
            }
            try db.create(index: "finding_on_rule", on: "finding", columns: ["rule"])
            try db.create(index: "finding_on_item_id", on: "finding", columns: ["item_id"])
        }

        migrator.registerMigration("v1-reviews-and-audit-log") { db in
            // No foreign key to `finding`: a re-run may drop a finding, and its reviews stay.
            try db.create(table: "review") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("finding_id", .text).notNull()
                t.column("decision", .text).notNull()
                    .check { ["open", "confirmed", "dismissed", "declared"].contains($0) }
                t.column("reason", .text).notNull()
                t.column("reviewer", .text).notNull()
                t.column("decided_at", .integer).notNull()
            }
            try db.create(
                index: "review_on_finding_id", on: "review", columns: ["finding_id", "decided_at"])

            try db.create(table: "audit_log") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .integer).notNull()
                t.column("command", .text).notNull()
                t.column("arguments", .jsonText).notNull()
                t.column("tool_version", .text).notNull()
                t.column("summary", .text).notNull()
            }

            for table in ["review", "audit_log"] {
                for operation in ["UPDATE", "DELETE"] {
                    try db.execute(
                        sql: """
                            CREATE TRIGGER \(table)_no_\(operation.lowercased())
                            BEFORE \(operation) ON \(table)
                            BEGIN
                                SELECT RAISE(ABORT, '\(table) is append-only: \
                            \(operation) is not allowed');
                            END
                            """)
                }
            }
        }

        migrator.registerMigration("v2-archive-parts") { db in
            // The parts of an export split across several zips and the files each held; how the
            // owner of an archive that does not name one (a WhatsApp chat) was established.
            try db.alter(table: "archive") { t in
                t.add(column: "parts", .jsonText).notNull().defaults(sql: "'[]'")
                t.add(column: "owner_evidence", .text)
            }
        }

        migrator.registerMigration("v3-full-text-search") { db in
            // What the full-text index reads: an item's text and title, and its author's and
            // counterparties' names, handles and account ids (their JSON with the keys blanked,
            // so that "name" is not a word of every item). Plain scalar functions only: SQLite
            // 3.40 cannot 'rebuild' from a view with correlated subqueries (json_each).
            func withoutKeys(_ column: String) -> String {
                ["name", "handle", "accountID"].reduce(column) {
                    "replace(\($0), '\"\($1)\":', ' ')"
                }
            }
            try db.execute(
                sql: """
                    CREATE VIEW item_search_source AS
                    SELECT rowid AS item_rowid, text, title,
                        \(withoutKeys("author")) AS author,
                        \(withoutKeys("counterparties")) AS counterparties
                    FROM item
                    """)
            // An external-content index: it stores no second copy of the text. It is filled a
            // batch of stored items at a time (CaseItemWriter), never row by row.
            try db.execute(
                sql: """
                    CREATE VIRTUAL TABLE item_search USING fts5(
                        text, title, author, counterparties,
                        content = 'item_search_source', content_rowid = 'item_rowid',
                        tokenize = "unicode61 remove_diacritics 2")
                    """)
            try db.execute(sql: "INSERT INTO item_search(item_search) VALUES ('rebuild')")
        }

        migrator.registerMigration("v4-item-source-further-places") { db in
            // `item_source` keeps only the places an item occurs besides the source in its own
            // row. A row for every item repeated that source, and its key, written in the
            // random order of item ids, made a large import several times slower to store.
            try db.execute(
                sql: """
                    DELETE FROM item_source WHERE EXISTS (
                        SELECT 1 FROM item WHERE item.id = item_source.item_id
                        AND item.source_archive = item_source.archive_sha256
                        AND item.source_file = item_source.file
                        AND item.source_locator = item_source.locator)
                    """)
        }

        migrator.registerMigration("v5-runs-incidents-and-copies") { db in
            // What matches one event across archives (JSON and HTML copies of one account,
            // overlapping downloads): platform, kind, conversation, sender, time to the
            // platform's precision and normalised text, digested (``ItemMatchKey``). NULL for an
            // item stored before this migration or without a time.
            try db.alter(table: "item") { t in t.add(column: "match_key", .text) }
            try db.create(index: "item_on_match_key", on: "item", columns: ["match_key"])

            // Every analysis run with its scope.
            try db.create(table: "audit_run") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("at", .integer).notNull()
                t.column("archives", .jsonText).notNull()
                t.column("period_from", .text)
                t.column("period_to", .text)
                t.column("rules", .jsonText).notNull()
            }
            // Which runs produced which findings (a finding's row holds its latest reading).
            try db.create(table: "finding_run") { t in
                t.column("finding_id", .text).notNull()
                t.column("run_id", .integer).notNull()
                    .references("audit_run", column: "id", onDelete: .restrict)
                t.primaryKey(["finding_id", "run_id"])
            }
            try db.create(index: "finding_run_on_run", on: "finding_run", columns: ["run_id"])
            // Incident numbers, assigned once per rule and incident key and never changed.
            try db.create(table: "incident_number") { t in
                t.primaryKey("number", .integer)
                t.column("rule", .text).notNull()
                t.column("incident_key", .text).notNull()
                t.column("run_id", .integer)
                t.uniqueKey(["rule", "incident_key"])
            }
            for operation in ["UPDATE", "DELETE"] {
                try db.execute(
                    sql: """
                        CREATE TRIGGER incident_number_no_\(operation.lowercased())
                        BEFORE \(operation) ON incident_number
                        BEGIN
                            SELECT RAISE(ABORT, 'incident numbers are assigned once: \
                        \(operation) is not allowed');
                        END
                        """)
            }
        }

        migrator.registerMigration("v6-incident-outcomes") { db in
            // An incident's outcome in KCSIE's terms. The row names the incident by rule and key
            // as well as by its number (numbers never change since v5, but cases from before
            // it renumbered on each run).
            try db.create(table: "incident_outcome") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("incident_id", .text).notNull()
                t.column("rule", .text).notNull()
                t.column("incident_key", .text).notNull()
                t.column("outcome", .text).notNull()
                    .check {
                        ["substantiated", "unsubstantiated", "unfounded", "false", "malicious"]
                            .contains($0)
                    }
                t.column("reason", .text).notNull()
                t.column("reviewer", .text).notNull()
                t.column("decided_at", .integer).notNull()
            }
            for operation in ["UPDATE", "DELETE"] {
                try db.execute(
                    sql: """
                        CREATE TRIGGER incident_outcome_no_\(operation.lowercased())
                        BEFORE \(operation) ON incident_outcome
                        BEGIN
                            SELECT RAISE(ABORT, 'incident_outcome is append-only: \
                        \(operation) is not allowed');
                        END
                        """)
            }
        }

        return migrator
    }
}
