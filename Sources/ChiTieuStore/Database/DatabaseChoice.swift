/// Which database a command or the server uses, read in one place from the `--db` option and
/// the environment: PostgreSQL when `DATABASE_URL` is set (and not empty), else the SQLite file
/// of `--db`, else of `CHITIEU_DB`, else `chitieu.sqlite` in the working directory.
public enum DatabaseChoice: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    public init(option: String?, environment: [String: String]) {
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            self = .postgres(url: url)
        } else if let option {
            self = .sqlite(path: option)
        } else if let path = environment["CHITIEU_DB"], !path.isEmpty {
            self = .sqlite(path: path)
        } else {
            self = .sqlite(path: "chitieu.sqlite")
        }
    }
}
