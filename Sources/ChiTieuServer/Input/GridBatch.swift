import ChiTieuStore

/// The rows of a posted grid (data entry, plans) made into one batch: each row adds what it
/// reads or leaves its Vietnamese error under its key, so that nothing is saved while any row
/// is wrong and the page can show every error beside its cell.
struct GridBatch {
    var batch: DataBatch
    private(set) var errors: [String: String] = [:]

    init(author: ChangeAuthor) {
        batch = DataBatch()
        batch.author = author
    }

    /// Runs `read` for the row `key`; a refusal of the input becomes the row's error, anything
    /// else is thrown on.
    mutating func row(_ key: String, _ read: (inout DataBatch) throws -> Void) throws {
        do {
            try read(&batch)
        } catch let error as APIError {
            errors[key] = error.message
        }
    }

    var isValid: Bool { errors.isEmpty }
}
