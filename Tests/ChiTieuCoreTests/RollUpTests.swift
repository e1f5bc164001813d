import Testing

@testable import ChiTieuCore

/// A parent's figure from its children's, rule by rule. Figures are invented.
@Suite struct RollUpTests {
    static let households = Indicator(code: "households", name: "Tổng số hộ", measureUnit: "hộ", kind: .level)
    static let poorHouseholds = Indicator(
        code: "poor_households", name: "Số hộ nghèo", measureUnit: "hộ", kind: .level, direction: .lowerIsBetter)
    static let criteria = Indicator(
        code: "new_rural_criteria_average", name: "Bình quân tiêu chí nông thôn mới", measureUnit: "tiêu chí/xã",
        kind: .level)
    static let rollUp = RollUp(
        indicators: Dictionary(uniqueKeysWithValues: [households, poorHouseholds, criteria].map { ($0.code, $0) }))

    /// A commune with the given figures for 9 months of 2024.
    static func child(_ name: String, _ figures: [(Indicator, Double)], estimated: Bool = false) -> RollUp.Child {
        RollUp.Child(
            name: name,
            history: ObservationHistory(
                figures.map { Fixture.obs($0.0, 2024, to: 9, $0.1, estimated: estimated) }))
    }

    func derive(_ indicator: Indicator, _ children: [RollUp.Child]) -> DerivedFigure? {
        Self.rollUp.derive(indicator, year: 2024, throughMonth: 9, children: children)
    }

    @Test func flowsAreSummedAndTheMissingChildrenNamed() throws {
        let figure = try #require(
            derive(
                Fixture.production,
                [
                    Self.child("xã Yang Trung", [(Fixture.production, 310.5)]),
                    Self.child("xã Yang Nam", [(Fixture.production, 120.25)], estimated: true),
                    Self.child("xã Chư Krey", []),
                ]))
        #expect(figure.value == 430.75)
        #expect(figure.estimated, "one commune's figure is an estimate")
        #expect(figure.derivation.fromUnits == ["xã Yang Trung", "xã Yang Nam"])
        #expect(figure.derivation.missingUnits == ["xã Chư Krey"])
        #expect(figure.derivation.sentence == "cộng từ 2/3 đơn vị cấp dưới; chưa có số: xã Chư Krey")
        #expect(derive(Fixture.production, [Self.child("xã Chư Krey", [])]) == nil, "no child has it")
    }

    @Test func aRateIsRecomputedFromItsPartsElseWeightedByHouseholds() throws {
        var poverty = Fixture.poverty
        poverty.rollUpRule = RollUpRule(text: "share:poor_households/households*100;mean:households")
        // both parts stored in both communes: (40 + 10) / (800 + 200) = 5%
        let parts = [
            Self.child("xã A", [(Self.poorHouseholds, 40), (Self.households, 800), (poverty, 5)]),
            Self.child("xã B", [(Self.poorHouseholds, 10), (Self.households, 200), (poverty, 5)]),
        ]
        let recomputed = try #require(derive(poverty, parts))
        #expect(
            recomputed.value == 5
                && recomputed.derivation.method
                    == .share(
                        numerator: "poor_households", denominator: "households", scale: 100)
        )
        // one commune stores only its rate and households: more communes give the weighted mean
        let mixed = [
            parts[0], Self.child("xã C", [(Self.households, 200), (poverty, 10)]),
        ]
        let weighted = try #require(derive(poverty, mixed))
        #expect(weighted.derivation.method == .mean(weight: "households"))
        #expect(weighted.value == 6, "(5 × 800 + 10 × 200) / 1000")
        // the plain mean of a rate is not a rule unless the indicator says so
        #expect(derive(Fixture.poverty, parts) == nil)
    }

    @Test func communesMeetingTheStandardAreCounted() throws {
        var communes = Fixture.nrCommunes
        communes.rollUpRule = RollUpRule([.countMeeting(indicator: "new_rural_criteria_average", atLeast: 19)])
        let figure = try #require(
            derive(
                communes,
                [
                    Self.child("xã A", [(Self.criteria, 19)]), Self.child("xã B", [(Self.criteria, 17)]),
                    Self.child("xã C", [(Self.criteria, 19)]), Self.child("xã D", []),
                ]))
        #expect(figure.value == 2 && figure.derivation.missingUnits == ["xã D"])
        #expect(figure.derivation.sentence.hasPrefix("đếm đơn vị đạt từ 3/4 đơn vị cấp dưới"))
    }

    @Test func aZeroDenominatorOrAnInfiniteSumDerivesNothing() {
        var poverty = Fixture.poverty
        poverty.rollUpRule = RollUpRule([.share(numerator: "poor_households", denominator: "households", scale: 100)])
        #expect(derive(poverty, [Self.child("xã A", [(Self.poorHouseholds, 0), (Self.households, 0)])]) == nil)
        let huge = (1...3).map { Self.child("xã \($0)", [(Fixture.production, .greatestFiniteMagnitude)]) }
        #expect(derive(Fixture.production, huge) == nil, "the sum is past the largest double")
    }

    @Test func rulesReadAndWriteAsTextAndFlowsAddUpByDefault() throws {
        let text = "share:poor_households/households*100;mean:households"
        #expect(RollUpRule(text: text)?.text == text)
        #expect(
            RollUpRule(text: "count:new_rural_criteria_average>=19")?.methods == [
                .countMeeting(indicator: "new_rural_criteria_average", atLeast: 19)
            ])
        for bad in ["sum:x", "share:a", "share:a/b*0", "mean:Hộ", "count:a>19", "tong"] {
            #expect(RollUpRule(text: bad) == nil, "\(bad)")
        }
        #expect(RollUpRule.standard(for: Fixture.production).methods == [.sum])
        #expect(RollUpRule.standard(for: Fixture.poverty).methods.isEmpty, "a rate is not summed")
        #expect(RollUpRule.standard(for: Fixture.insurance).methods.isEmpty)
        let perHead = Indicator(
            code: "grain_per_capita", name: "Lương thực bình quân đầu người", measureUnit: "kg/người", kind: .flow)
        #expect(RollUpRule.standard(for: perHead).methods.isEmpty, "a figure per head is not summed")
    }
}

/// A new unit's figures before it existed, from the units it was formed from. Figures invented.
@Suite struct ReconstructionTests {
    static let reconstruction = Reconstruction(indicators: RollUpTests.rollUp.indicators)

    static func old(_ name: String, _ value: Double?, share: Double? = 1) -> Reconstruction.Predecessor {
        Reconstruction.Predecessor(
            name: name, history: RollUpTests.child(name, value.map { [(Fixture.production, $0)] } ?? []).history,
            share: share)
    }

    func rebuild(_ indicator: Indicator, _ from: [Reconstruction.Predecessor]) -> Reconstruction.Outcome? {
        Self.reconstruction.reconstruct(indicator, year: 2024, throughMonth: 9, from: from)
    }

    @Test func wholePredecessorsAreSummedAndNamed() throws {
        let outcome = rebuild(
            Fixture.production,
            [Self.old("thị trấn Kông Chro", 210), Self.old("xã Yang Trung", 95.5), Self.old("xã Yang Nam", 80)])
        guard case .figure(let figure) = outcome else { Issue.record("\(String(describing: outcome))"); return }
        #expect(figure.value == 385.5 && figure.derivation.origin == .reconstructed)
        #expect(figure.derivation.sentence == "tính từ 3 đơn vị cũ: thị trấn Kông Chro, xã Yang Trung, xã Yang Nam")
    }

    @Test func aSplitPredecessorGivesItsKnownShareAndAnUnknownOneNothing() throws {
        let known = rebuild(Fixture.production, [Self.old("xã A", 100), Self.old("xã B", 50, share: 0.4)])
        guard case .figure(let figure) = known else { Issue.record("\(String(describing: known))"); return }
        #expect(figure.value == 120)
        #expect(figure.derivation.sentence == "tính từ 2 đơn vị cũ: xã A, xã B (40%)")
        #expect(
            rebuild(Fixture.production, [Self.old("xã A", 100), Self.old("xã B", 50, share: nil)])
                == .notComparable("chưa biết tỷ lệ kế thừa từ xã B"))
        #expect(
            rebuild(Fixture.production, [Self.old("xã A", 100), Self.old("xã B", nil)])
                == .notComparable("xã B chưa có số"))
    }

    @Test func communesMeetingAStandardAreNotCarriedAcross() {
        var communes = Fixture.nrCommunes
        communes.rollUpRule = RollUpRule([.countMeeting(indicator: "new_rural_criteria_average", atLeast: 19)])
        #expect(
            rebuild(communes, [Self.old("xã A", 1)])
                == .notComparable("số đơn vị đạt chuẩn không tính lại được theo đơn vị cũ"))
        #expect(rebuild(Fixture.poverty, [Self.old("xã A", 1)]) == nil, "no rule: nothing to say")
    }
}
