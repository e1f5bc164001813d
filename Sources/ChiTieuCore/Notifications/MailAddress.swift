import Foundation

/// An e-mail address a person gives for their notices, checked the way mail servers will read
/// it: one «@», a local part without spaces or quotes, a domain of letters, digits, hyphens and
/// dots. Stricter than RFC 5321 on purpose (no quoted local parts, no IP literals): an address
/// that reaches the SMTP server only to be refused there would be found out days later.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    public let value: String

    public var description: String { value }
    public var domain: String { String(value[value.index(after: value.lastIndex(of: "@")!)...]) }

    public init(_ raw: String) throws(MailAddressError) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { throw .empty }
        guard text.utf8.count <= 254 else { throw .invalid(text, "dài quá 254 ký tự") }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw .invalid(text, "phải có đúng một dấu @") }
        let local = parts[0]
        let domain = parts[1].lowercased()
        guard !local.isEmpty, local.utf8.count <= 64 else { throw .invalid(text, "phần trước @ trống hoặc quá dài") }
        guard local.unicodeScalars.allSatisfy(Self.localScalars.contains), !local.hasPrefix("."),
            !local.hasSuffix("."), !local.contains("..")
        else { throw .invalid(text, "phần trước @ chỉ gồm chữ Latinh không dấu, chữ số và . _ - +") }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard
            labels.allSatisfy({ label in
                !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                    && label.unicodeScalars.allSatisfy(Self.domainScalars.contains)
            })
        else { throw .invalid(text, "tên miền sau @ không hợp lệ") }
        value = "\(local)@\(domain)"
    }

    private static let domainScalars: Set<Unicode.Scalar> = Set("abcdefghijklmnopqrstuvwxyz0123456789-".unicodeScalars)
    private static let localScalars: Set<Unicode.Scalar> = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-+".unicodeScalars)
}

public enum MailAddressError: UserFacingError, Equatable {
    case empty
    case invalid(String, String)

    public var message: String {
        switch self {
        case .empty: "Địa chỉ thư điện tử trống."
        case .invalid(let text, let why): "Địa chỉ thư điện tử «\(text)» không hợp lệ: \(why)."
        }
    }
}
