extension Schema {
    /// Users' e-mail addresses and the outbox of notices. A notice is written in the same
    /// transaction as the step it reports (a new request, an answer, a return), so a request is
    /// never stored without its mail nor a mail queued for a request that was rolled back; the
    /// sender marks it sent once the server has taken it. `dedupe_key` is unique: the daily
    /// digest queued again after a restart is the same row, not a second mail.
    static let mail = Migration(
        version: 10, name: "mail",
        statements: [
            "ALTER TABLE users ADD COLUMN email TEXT",
            """
            CREATE TABLE outbox (
              id {{id}},
              dedupe_key TEXT NOT NULL UNIQUE,
              recipient TEXT NOT NULL,
              subject TEXT NOT NULL,
              body TEXT NOT NULL,
              created_at TEXT NOT NULL,
              attempts INTEGER NOT NULL DEFAULT 0,
              next_attempt_at TEXT NOT NULL,
              lease_until TEXT,
              sent_at TEXT,
              failed_at TEXT,
              last_error TEXT
            )
            """,
            "CREATE INDEX outbox_due ON outbox (sent_at, failed_at, next_attempt_at)",
        ])
}

extension Schema {
    /// How an indicator's figure of a parent unit is derived from its children's
    /// (`RollUpRule.text`); NULL for the standard rule of its kind.
    static let rollUp = Migration(
        version: 12, name: "roll_up", statements: ["ALTER TABLE indicators ADD COLUMN roll_up TEXT"])
}

extension Schema {
    /// The reporting regime's deadline for each period (`ReportingDeadline`): one row per
    /// period's last month, set by an administrator.
    static let reportingDeadlines = Migration(
        version: 13, name: "reporting_deadlines",
        statements: [
            """
            CREATE TABLE reporting_deadlines (
              to_month INTEGER PRIMARY KEY,
              day INTEGER NOT NULL,
              months_after INTEGER NOT NULL
            )
            """
        ])
}
