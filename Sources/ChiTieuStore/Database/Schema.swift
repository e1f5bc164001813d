/// The tables. Designed for a national deployment: every overview reads one unit's (or one
/// province's units') rows through an index that starts with the unit.
enum Schema {
    static let initial = Migration(
        version: 1, name: "initial",
        statements: [
            """
            CREATE TABLE indicators (
              code TEXT PRIMARY KEY,
              name TEXT NOT NULL,
              measure_unit TEXT NOT NULL,
              kind TEXT NOT NULL CHECK (kind IN ('flow', 'level')),
              direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
              field TEXT NOT NULL,
              frequency TEXT NOT NULL,
              parent_code TEXT,
              catalogue_version TEXT,
              position INTEGER NOT NULL
            )
            """,
            """
            CREATE TABLE indicator_names (
              indicator_code TEXT NOT NULL REFERENCES indicators(code),
              name TEXT NOT NULL,
              name_key TEXT NOT NULL,
              PRIMARY KEY (indicator_code, name_key)
            )
            """,
            "CREATE INDEX indicator_names_key ON indicator_names (name_key)",
            """
            CREATE TABLE units (
              id {{id}},
              kind TEXT NOT NULL,
              name TEXT NOT NULL,
              name_key TEXT NOT NULL,
              folded_key TEXT NOT NULL,
              parent_id BIGINT REFERENCES units(id),
              code TEXT UNIQUE,
              valid_from TEXT,
              valid_to TEXT
            )
            """,
            "CREATE INDEX units_parent ON units (parent_id)",
            "CREATE INDEX units_name_key ON units (name_key)",
            "CREATE INDEX units_folded_key ON units (folded_key)",
            """
            CREATE TABLE unit_successions (
              predecessor_id BIGINT NOT NULL REFERENCES units(id),
              successor_id BIGINT NOT NULL REFERENCES units(id),
              PRIMARY KEY (predecessor_id, successor_id)
            )
            """,
            """
            CREATE TABLE committee_terms (
              unit_id BIGINT NOT NULL REFERENCES units(id),
              number INTEGER NOT NULL,
              from_year INTEGER NOT NULL,
              to_year INTEGER NOT NULL,
              PRIMARY KEY (unit_id, number)
            )
            """,
            """
            CREATE TABLE targets (
              id {{id}},
              unit_id BIGINT NOT NULL REFERENCES units(id),
              indicator_code TEXT NOT NULL REFERENCES indicators(code),
              is_annual BOOLEAN NOT NULL,
              first_year INTEGER NOT NULL,
              last_year INTEGER NOT NULL,
              measure TEXT NOT NULL,
              comparator TEXT NOT NULL CHECK (comparator IN ('>=', '<=', 'between')),
              value DOUBLE PRECISION NOT NULL,
              upper_value DOUBLE PRECISION,
              issuer TEXT NOT NULL,
              issuer_key TEXT NOT NULL,
              exceed_margin DOUBLE PRECISION,
              denominator INTEGER,
              note TEXT,
              updated_at TEXT NOT NULL,
              CHECK (first_year <= last_year),
              UNIQUE (unit_id, indicator_code, first_year, last_year, is_annual, measure, issuer_key)
            )
            """,
            "CREATE INDEX targets_unit_years ON targets (unit_id, last_year, first_year)",
            """
            CREATE TABLE observations (
              id {{id}},
              unit_id BIGINT NOT NULL REFERENCES units(id),
              indicator_code TEXT NOT NULL REFERENCES indicators(code),
              year INTEGER NOT NULL,
              from_month INTEGER NOT NULL,
              to_month INTEGER NOT NULL,
              version INTEGER NOT NULL,
              value DOUBLE PRECISION,
              qualifier TEXT,
              estimated BOOLEAN NOT NULL,
              stated_percent_of_plan DOUBLE PRECISION,
              stated_growth_percent DOUBLE PRECISION,
              price_basis TEXT,
              source_document TEXT,
              span_start INTEGER,
              span_end INTEGER,
              excerpt TEXT,
              entered_by TEXT,
              recorded_at TEXT NOT NULL,
              CHECK (from_month >= 1 AND from_month <= to_month AND to_month <= 12),
              UNIQUE (unit_id, year, indicator_code, from_month, to_month, version)
            )
            """,
            """
            CREATE TABLE conferences (
              id {{id}},
              unit_id BIGINT NOT NULL REFERENCES units(id),
              number INTEGER NOT NULL,
              term INTEGER,
              extended BOOLEAN NOT NULL,
              held_on TEXT,
              year INTEGER,
              from_month INTEGER,
              to_month INTEGER
            )
            """,
            "CREATE INDEX conferences_unit ON conferences (unit_id, year)",
            """
            CREATE TABLE stated_tallies (
              id {{id}},
              unit_id BIGINT NOT NULL REFERENCES units(id),
              year INTEGER NOT NULL,
              from_month INTEGER NOT NULL,
              to_month INTEGER NOT NULL,
              total INTEGER,
              exceeded INTEGER,
              met INTEGER,
              met_or_exceeded INTEGER,
              missed INTEGER,
              unassessed INTEGER,
              source_document TEXT,
              excerpt TEXT,
              recorded_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX stated_tallies_unit ON stated_tallies (unit_id, year)",
        ])

    /// Who changed what, when and from where. The application only ever inserts here.
    static let audit = Migration(
        version: 2, name: "audit_log",
        statements: [
            """
            CREATE TABLE audit_log (
              id {{id}},
              at TEXT NOT NULL,
              author TEXT NOT NULL,
              address TEXT,
              action TEXT NOT NULL,
              subject TEXT NOT NULL,
              unit_id BIGINT,
              record_key TEXT NOT NULL,
              description TEXT NOT NULL,
              old_value TEXT,
              new_value TEXT
            )
            """,
            "CREATE INDEX audit_log_unit ON audit_log (unit_id, id)",
            "CREATE INDEX audit_log_record ON audit_log (record_key, id)",
        ])

    /// Accounts scoped to units, sessions held in the database, failed sign-ins for the rate limit.
    static let accounts = Migration(
        version: 3, name: "accounts",
        statements: [
            """
            CREATE TABLE users (
              id {{id}},
              name TEXT NOT NULL,
              name_key TEXT NOT NULL UNIQUE,
              role TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'viewer')),
              unit_id BIGINT REFERENCES units(id),
              password_hash TEXT NOT NULL,
              created_at TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE sessions (
              token TEXT PRIMARY KEY,
              user_id BIGINT NOT NULL REFERENCES users(id),
              csrf_token TEXT NOT NULL,
              expires_at TEXT NOT NULL
            )
            """,
            "CREATE TABLE failed_sign_ins (sign_in_key TEXT NOT NULL, at TEXT NOT NULL)",
            "CREATE INDEX failed_sign_ins_key ON failed_sign_ins (sign_in_key, at)",
        ])

    /// Accounts an administrator can disable (their sessions end; they cannot sign in).
    static let accountControls = Migration(
        version: 4, name: "account_controls",
        statements: ["ALTER TABLE users ADD COLUMN disabled_at TEXT"])

    /// Personal API tokens, kept as digests like sessions.
    static let apiTokens = Migration(
        version: 5, name: "api_tokens",
        statements: [
            """
            CREATE TABLE api_tokens (
              id {{id}},
              user_id BIGINT NOT NULL REFERENCES users(id),
              digest TEXT NOT NULL UNIQUE,
              label TEXT NOT NULL,
              created_at TEXT NOT NULL,
              revoked_at TEXT
            )
            """,
            "CREATE INDEX api_tokens_user ON api_tokens (user_id, id)",
        ])

    /// The national registry: an official code is reused across the 2025 reform, so it is
    /// unique only with the day the unit began. `units.code` was UNIQUE by itself; SQLite cannot
    /// drop that constraint without rebuilding a table every other table refers to, so the
    /// column stays, always empty, and the code moves to `official_code`. A succession may
    /// carry the share of the predecessor that went to the successor (1 = all of it; empty =
    /// unknown) and what it measures (area, population, a figure).
    static let registry = Migration(
        version: 6, name: "registry",
        statements: [
            "ALTER TABLE units ADD COLUMN official_code TEXT",
            "UPDATE units SET official_code = code",
            "UPDATE units SET code = NULL",
            "CREATE UNIQUE INDEX units_official_code ON units (official_code, COALESCE(valid_from, ''))",
            "ALTER TABLE unit_successions ADD COLUMN share DOUBLE PRECISION",
            "ALTER TABLE unit_successions ADD COLUMN share_basis TEXT",
            "CREATE INDEX unit_successions_successor ON unit_successions (successor_id)",
        ])

    /// Target sets (bộ chỉ tiêu): one per unit and scope; items name their target by its
    /// identity (indicator, measure, issuer) within the set's unit and scope. Own indicators
    /// record the unit whose editors may change them. A removed target moves to
    /// `removed_targets` (with who and when), from where it can be restored.
    static let targetSets = Migration(
        version: 7, name: "target_sets",
        statements: [
            "ALTER TABLE indicators ADD COLUMN owner_unit_id BIGINT REFERENCES units(id)",
            """
            CREATE TABLE removed_targets (
              id BIGINT PRIMARY KEY,
              unit_id BIGINT NOT NULL REFERENCES units(id),
              indicator_code TEXT NOT NULL REFERENCES indicators(code),
              is_annual BOOLEAN NOT NULL,
              first_year INTEGER NOT NULL,
              last_year INTEGER NOT NULL,
              measure TEXT NOT NULL,
              comparator TEXT NOT NULL,
              value DOUBLE PRECISION NOT NULL,
              upper_value DOUBLE PRECISION,
              issuer TEXT NOT NULL,
              issuer_key TEXT NOT NULL,
              exceed_margin DOUBLE PRECISION,
              denominator INTEGER,
              note TEXT,
              updated_at TEXT NOT NULL,
              removed_at TEXT NOT NULL,
              removed_by TEXT NOT NULL
            )
            """,
            "CREATE INDEX removed_targets_unit ON removed_targets (unit_id, last_year, first_year)",
            """
            CREATE TABLE target_sets (
              id {{id}},
              unit_id BIGINT NOT NULL REFERENCES units(id),
              is_annual BOOLEAN NOT NULL,
              first_year INTEGER NOT NULL,
              last_year INTEGER NOT NULL,
              title TEXT NOT NULL,
              updated_at TEXT NOT NULL,
              CHECK (first_year <= last_year),
              UNIQUE (unit_id, is_annual, first_year, last_year)
            )
            """,
            """
            CREATE TABLE target_set_items (
              set_id BIGINT NOT NULL REFERENCES target_sets(id),
              position INTEGER NOT NULL,
              number TEXT NOT NULL,
              number_key TEXT NOT NULL,
              heading TEXT,
              indicator_code TEXT NOT NULL REFERENCES indicators(code),
              measure TEXT NOT NULL,
              issuer TEXT NOT NULL,
              PRIMARY KEY (set_id, position),
              UNIQUE (set_id, number_key)
            )
            """,
        ])

    /// Explanation requests (giải trình) and their threads: answers, returns, acceptance.
    static let explanations = Migration(
        version: 8, name: "explanations",
        statements: [
            """
            CREATE TABLE explanation_requests (
              id {{id}},
              unit_id BIGINT NOT NULL REFERENCES units(id),
              indicator_code TEXT NOT NULL REFERENCES indicators(code),
              year INTEGER NOT NULL,
              to_month INTEGER NOT NULL CHECK (to_month >= 1 AND to_month <= 12),
              note TEXT NOT NULL,
              due_on TEXT NOT NULL,
              requester_id BIGINT REFERENCES users(id),
              requester TEXT NOT NULL,
              requested_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX explanation_requests_unit ON explanation_requests (unit_id, year)",
            """
            CREATE TABLE explanation_steps (
              request_id BIGINT NOT NULL REFERENCES explanation_requests(id),
              position INTEGER NOT NULL,
              kind TEXT NOT NULL CHECK (kind IN ('answer', 'accept', 'return')),
              author TEXT NOT NULL,
              at TEXT NOT NULL,
              facts TEXT,
              subjective_causes TEXT,
              objective_causes TEXT,
              actions TEXT,
              expected_result TEXT,
              comment TEXT,
              PRIMARY KEY (request_id, position)
            )
            """,
        ])

    /// Tasks (nhiệm vụ) set by conferences, the targets they serve and their progress notes.
    static let tasks = Migration(
        version: 9, name: "tasks",
        statements: [
            """
            CREATE TABLE tasks (
              id {{id}},
              unit_id BIGINT NOT NULL REFERENCES units(id),
              conference_number INTEGER,
              text TEXT NOT NULL,
              responsible TEXT NOT NULL,
              deadline TEXT NOT NULL,
              deadline_text TEXT,
              created_by TEXT NOT NULL,
              created_at TEXT NOT NULL
            )
            """,
            "CREATE INDEX tasks_unit_deadline ON tasks (unit_id, deadline)",
            """
            CREATE TABLE task_indicators (
              task_id BIGINT NOT NULL REFERENCES tasks(id),
              indicator_code TEXT NOT NULL REFERENCES indicators(code),
              PRIMARY KEY (task_id, indicator_code)
            )
            """,
            """
            CREATE TABLE task_updates (
              task_id BIGINT NOT NULL REFERENCES tasks(id),
              position INTEGER NOT NULL,
              author TEXT NOT NULL,
              at TEXT NOT NULL,
              text TEXT NOT NULL,
              completed_on TEXT,
              PRIMARY KEY (task_id, position)
            )
            """,
        ])
}
