/// What a person may do: everything, enter plans and results for a unit and the units below
/// it, or only read them.
public enum Role: String, Sendable, CaseIterable, Codable {
    case admin
    case editor
    case viewer

    public var title: String {
        switch self {
        case .admin: "quản trị"
        case .editor: "nhập liệu"
        case .viewer: "xem"
        }
    }
}

/// A person who signs in. Editors and viewers are tied to one unit and see it and the units
/// below it; an administrator sees every unit.
public struct UserAccount: Sendable, Equatable {
    public var id: Int64
    public var name: String
    public var role: Role
    public var unitID: UnitID?
    /// A disabled account cannot sign in and has no session.
    public var disabled: Bool
    /// Where notices go (explanation requests, answers, the daily digest); none when unset.
    public var email: MailAddress?

    public init(
        id: Int64, name: String, role: Role, unitID: UnitID?, disabled: Bool = false, email: MailAddress? = nil
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.unitID = unitID
        self.disabled = disabled
        self.email = email
    }
}
