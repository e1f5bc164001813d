/// When a sign-in attempt is let through to the password check, from the failures recorded
/// in the window for the name and for the client's address.
///
/// Five failures close a name: a guesser gets no more tries on it. Its owner is not locked
/// out for as long as someone keeps failing for them: from an address with no failures of its
/// own the password is still checked (a guesser has to spend a new address per try, and each
/// wrong try counts against that address too). Twenty failures close an address for every name.
public struct SignInLimits: Sendable, Equatable {
    public var failuresPerName: Int
    public var failuresPerAddress: Int
    /// How long a failure counts, in seconds.
    public var windowSeconds: Int

    public init(failuresPerName: Int = 5, failuresPerAddress: Int = 20, windowSeconds: Int = 15 * 60) {
        self.failuresPerName = failuresPerName
        self.failuresPerAddress = failuresPerAddress
        self.windowSeconds = windowSeconds
    }

    public static let standard = SignInLimits()

    public func admits(nameFailures: Int, addressFailures: Int) -> Bool {
        if addressFailures >= failuresPerAddress { return false }
        return nameFailures < failuresPerName || addressFailures == 0
    }
}
