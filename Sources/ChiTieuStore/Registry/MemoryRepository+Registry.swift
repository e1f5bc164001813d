import ChiTieuCore

extension MemoryRepository {
    public func loadRegistry(_ registry: UnitRegistry, author: ChangeAuthor) -> RegistryLoad {
        var plan = RegistryPlan(registry: registry, existing: allUnits())
        var load = RegistryLoad(adopted: plan.adoptions.count)
        for (id, entry) in plan.adoptions {
            unitsByID[id]?.code = entry.code
            unitsByID[id]?.validFrom = entry.validFrom
            unitsByID[id]?.validTo = entry.validTo
        }
        for wave in plan.insertsByDepth {
            for entry in wave {
                let id = makeID()
                unitsByID[id] = AdministrativeUnit(
                    id: id, kind: entry.kind, name: entry.name.precomposedStringWithCanonicalMapping,
                    parentID: entry.parent.flatMap { plan.known[$0] }, code: entry.code, validFrom: entry.validFrom,
                    validTo: entry.validTo)
                plan.known[entry.key] = id
            }
            load.added += wave.count
        }
        for link in registry.links {
            guard let from = plan.known[link.predecessor], let to = plan.known[link.successor],
                !plan.existingLinks.contains([from, to])
            else { continue }
            unitsByID[from]?.successors.append(to)
            shares[[from, to]] = link.share
            load.linksAdded += 1
        }
        if load != RegistryLoad() { record(.registryLoad(load, version: registry.version), author: author) }
        return load
    }
}
