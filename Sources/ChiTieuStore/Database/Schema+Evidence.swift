extension Schema {
    /// The files attached to tasks' progress notes as evidence, one per note, kept apart from
    /// the notes so that listing tasks never reads them.
    static let evidence = Migration(
        version: 11, name: "evidence",
        statements: [
            """
            CREATE TABLE task_evidence (
              task_id BIGINT NOT NULL REFERENCES tasks(id),
              position INTEGER NOT NULL,
              name TEXT NOT NULL,
              kind TEXT NOT NULL,
              size INTEGER NOT NULL,
              content {{bytes}} NOT NULL,
              PRIMARY KEY (task_id, position)
            )
            """
        ])
}
