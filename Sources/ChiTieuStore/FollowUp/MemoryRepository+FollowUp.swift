import ChiTieuCore

extension MemoryRepository: FollowUpRepository {
    public func addExplanationRequest(
        _ request: ExplanationRequest, author: ChangeAuthor, notices: @escaping MailNotices
    )
        throws -> ExplanationRequest
    {
        let indicator = try knownIndicator(request.indicatorCode)
        guard unitsByID[request.unitID] != nil else {
            throw StoreError.unitNotFound("\(request.unitID)", suggestions: [])
        }
        var stored = request
        stored.id = Int64(explanations.count + 1)
        stored.steps = []
        explanations.append(stored)
        record(stored.addedEntry(indicatorName: indicator.name), author: author)
        enqueue(notices(stored), at: clock.timestamp())
        return stored
    }

    public func explanationRequests(unitIDs: [UnitID], years: ClosedRange<Int>) -> [ExplanationRequest] {
        let ids = Set(unitIDs)
        return explanations.filter { ids.contains($0.unitID) && years.contains($0.period.year) }
    }

    public func explanationRequests(years: ClosedRange<Int>) -> [ExplanationRequest] {
        explanations.filter { years.contains($0.period.year) }
    }

    public func explanationRequest(id: ExplanationRequest.ID) -> ExplanationRequest? {
        explanations.first { $0.id == id }
    }

    public func addExplanationStep(
        _ step: ExplanationStep, to id: ExplanationRequest.ID, author: ChangeAuthor, notices: @escaping MailNotices
    ) throws -> ExplanationRequest {
        guard let index = explanations.firstIndex(where: { $0.id == id }) else {
            throw StoreError.explanationNotFound(id)
        }
        let request = explanations[index]
        if let problem = ExplanationRequest.problem(with: step, after: request) {
            throw StoreError.stepRefused(problem)
        }
        let indicator = try knownIndicator(request.indicatorCode)
        explanations[index].steps.append(step)
        record(request.entry(for: step, indicatorName: indicator.name), author: author)
        enqueue(notices(explanations[index]), at: clock.timestamp())
        return explanations[index]
    }

    private func knownIndicator(_ code: String) throws -> Indicator {
        guard let indicator = catalogue.first(where: { $0.code == code }) else {
            throw StoreError.indicatorNotFound(code)
        }
        return indicator
    }
}
