import ChiTieuCore
import Foundation

/// A personal API token: a script or another system signs requests with it
/// (`Authorization: Bearer …`) and acts as its user, with the user's role and units. Only its
/// SHA-256 digest is stored; the token itself is shown once when made.
public struct APIToken: Sendable, Equatable {
    public var id: Int64
    public var userID: Int64
    /// What it is for, as its owner named it ("hệ thống báo cáo tỉnh").
    public var label: String
    public var createdAt: String
    public var revokedAt: String?

    public init(id: Int64, userID: Int64, label: String, createdAt: String, revokedAt: String? = nil) {
        self.id = id
        self.userID = userID
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// How the audit trail names changes made with it: "API (token 3: hệ thống báo cáo tỉnh)".
    public var channel: String { "API (token \(id): \(label))" }

    public static let maximumLabelLength = 100

    static func checkedLabel(_ label: String) throws -> String {
        let label = label.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
        guard !label.isEmpty else { throw AccountError.emptyTokenLabel }
        guard label.count <= maximumLabelLength else { throw AccountError.nameTooLong(maximumLabelLength) }
        return label
    }
}
