/// The files named on the command line of the commands that read many (`extract`, `ingest`).
///
/// ArgumentParser 1.x collects a repeated positional argument in time quadratic in its count:
/// each value copies the array parsed so far and unions its set of origins. 26.000 paths took
/// 43 s of an 80 s `chitieu extract`. So the operands past the first are taken out before it
/// parses (the first stays, so «thiếu tệp» and `--help` read as before) and put back in `run()`.
enum FileOperands {
    /// The subcommands concerned, with their options that take a value: all that is needed to
    /// tell `--out DIR` from a file called DIR.
    static let commands: [String: Set<String>] = ["extract": ["--out"], "ingest": ["--db"]]

    /// What `main` took aside; empty when the command was parsed in a test.
    nonisolated(unsafe) private(set) static var rest: [String] = []

    /// `files`, as ArgumentParser parsed them, followed by the operands taken aside.
    static func all(_ files: [String]) -> [String] { rest.isEmpty ? files : files + rest }

    /// Keeps `arguments` (without the program name) for the parser and sets `rest`.
    static func setAside(_ arguments: [String]) -> [String] {
        let split = split(arguments)
        rest = split.rest
        return split.parsed
    }

    /// The arguments for the parser and the operands past the first, in their order.
    static func split(_ arguments: [String]) -> (parsed: [String], rest: [String]) {
        guard let name = arguments.first, let valued = commands[name] else { return (arguments, []) }
        var parsed = [name]
        var operands: [String] = []
        var index = 1
        var pastTerminator = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if pastTerminator || argument == "-" || !argument.hasPrefix("-") {
                operands.append(argument)
            } else if argument == "--" {
                pastTerminator = true
            } else {
                parsed.append(argument)
                if valued.contains(argument), index < arguments.count {
                    parsed.append(arguments[index])
                    index += 1
                }
            }
        }
        guard let first = operands.first else { return (parsed, []) }
        parsed += first.hasPrefix("-") && first != "-" ? ["--", first] : [first]
        return (parsed, Array(operands.dropFirst()))
    }
}
