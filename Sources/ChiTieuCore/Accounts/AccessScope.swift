/// Which units a person may read and which they may change.
///
/// A unit is within a person's scope when it is their unit or lies below it, following parents
/// upwards. Units from before the 2025 reform count as below the unit that succeeded their
/// ancestor, so the editor of today's province also sees the districts it absorbed.
public struct AccessScope: Sendable {
    public enum Kind: Sendable, Equatable {
        /// An administrator: every unit, read and write.
        case everything
        /// Anyone may read everything and change nothing (the demo without accounts).
        case readEverything
        case unit(UnitID, canWrite: Bool)
        /// Not signed in where sign-in is required.
        case nothing
    }

    public let kind: Kind

    public init(_ kind: Kind) {
        self.kind = kind
    }

    public init(user: UserAccount) {
        switch (user.role, user.unitID) {
        case (.admin, _): kind = .everything
        case (.editor, let unit?): kind = .unit(unit, canWrite: true)
        case (.viewer, let unit?): kind = .unit(unit, canWrite: false)
        case (_, nil): kind = .nothing
        }
    }

    /// `units` must hold the unit's ancestors (all units will do).
    public func canRead(_ unit: AdministrativeUnit, units: [UnitID: AdministrativeUnit]) -> Bool {
        switch kind {
        case .everything, .readEverything: true
        case .nothing: false
        case .unit(let root, _): Self.isWithin(unit, root: root, units: units)
        }
    }

    public func canWrite(_ unit: AdministrativeUnit, units: [UnitID: AdministrativeUnit]) -> Bool {
        switch kind {
        case .everything: true
        case .readEverything, .nothing: false
        case .unit(let root, let canWrite): canWrite && Self.isWithin(unit, root: root, units: units)
        }
    }

    /// Whether this person leads `unit` from above: may ask it to explain (giải trình) a target
    /// and judge its answers. An administrator leads every unit; a viewer or editor the units
    /// below their own, not their own unit, whose explanations they give rather than judge.
    public func leads(_ unit: AdministrativeUnit, units: [UnitID: AdministrativeUnit]) -> Bool {
        switch kind {
        case .everything: true
        case .readEverything, .nothing: false
        case .unit(let root, _): unit.id != root && Self.isWithin(unit, root: root, units: units)
        }
    }

    public var mayWriteSomething: Bool {
        switch kind {
        case .everything: true
        case .unit(_, let canWrite): canWrite
        case .readEverything, .nothing: false
        }
    }

    /// The unit an own indicator this person makes belongs to: an editor's unit; nil for an
    /// administrator's, made for everyone.
    public var indicatorOwner: UnitID? {
        if case .unit(let id, canWrite: true) = kind { id } else { nil }
    }

    /// Whether this person may change an own indicator: an administrator any; an editor those
    /// of a unit they may change (their unit's, or a unit's below it).
    public func mayChange(_ indicator: Indicator, units: [UnitID: AdministrativeUnit]) -> Bool {
        if kind == .everything { return true }
        guard let owner = indicator.ownerUnitID.flatMap({ units[$0] }) else { return false }
        return canWrite(owner, units: units)
    }

    /// A unit is within `root` when it, or a unit above it, is `root`; when it was taken over by
    /// `root` itself (an old commune of today's commune); or when a unit above it was taken
    /// over by a `root` above commune level (today's province inherits the old province's
    /// districts). A commune-level root inherits only its own predecessors: the editor of đặc
    /// khu Lý Sơn, successor of huyện Lý Sơn, does not get a commune of that district that went
    /// to another unit.
    public static func isWithin(_ unit: AdministrativeUnit, root: UnitID, units: [UnitID: AdministrativeUnit]) -> Bool {
        let rootInheritsBelow = units[root].map { !$0.kind.isCommuneLevel } ?? true
        var current: AdministrativeUnit? = unit
        var seen = Set<UnitID>()
        while let u = current, seen.insert(u.id).inserted {
            if u.id == root { return true }
            if u.successors.contains(root), u.id == unit.id || rootInheritsBelow { return true }
            current = u.parentID.flatMap { units[$0] }
        }
        return false
    }
}
