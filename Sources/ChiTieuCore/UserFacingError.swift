/// An error whose `message` is the Vietnamese sentence shown to the user.
///
/// Every module's error type conforms, so the CLI and the server can print or return
/// the message without knowing where the error came from.
public protocol UserFacingError: Error, CustomStringConvertible {
    var message: String { get }
}

extension UserFacingError {
    public var description: String { message }
}
