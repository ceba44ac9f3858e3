import Foundation
import SchakelCore
import SchakelStore
import SchakelViews
import Vapor

/// The operator commands next to Vapor's `serve`, `migrate` and `routes`.
func registerCommands(_ app: Application) {
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(UserCommands(), as: "user")
    app.asyncCommands.use(AuditCommands(), as: "audit")
    app.asyncCommands.use(ImportCommands(), as: "import")
    app.asyncCommands.use(ExportCommands(), as: "export")
    app.asyncCommands.use(EscalateCommand(), as: "escalate")
}

/// A command failed in a way the operator must see; the process exits non-zero.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
}

struct UserCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["create": UserCreateCommand()]
    var help: String { "Gebruikersaccounts beheren" }
}

/// `schakel user create --username U --role admin`: the first account on an empty database, or any later one.
struct UserCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "username", help: "Gebruikersnaam (kleine letters, cijfers, . - _)")
        var username: String?
        @Option(
            name: "role",
            help: "Rol: concierge, social_worker, experience_expert, volunteer, partner, coordinator, policy, admin")
        var role: String?
        @Option(name: "name", help: "Weergavenaam (standaard de gebruikersnaam)")
        var name: String?
        @Option(name: "password", help: "Wachtwoord; anders wordt het gevraagd of SCHAKEL_NEW_PASSWORD gebruikt")
        var password: String?
    }

    var help: String { "Een gebruiker aanmaken" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let username = signature.username else { throw CommandFailure(description: "Geef --username op.") }
        guard let roleName = signature.role, let role = Role(rawValue: roleName) else {
            throw CommandFailure(
                description: "Geef --role op met een van: \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let password =
            signature.password ?? ProcessInfo.processInfo.environment["SCHAKEL_NEW_PASSWORD"]
            ?? context.console.ask("Wachtwoord voor \(username):", isSecure: true)
        do {
            try PasswordRule.validate(password)
            let user = try User(
                id: app.schakel.store.ids(), username: username, displayName: signature.name ?? username, role: role,
                organisationID: nil)
            let hash = try await app.password.async.hash(password)
            try await app.schakel.store.accounts.createUser(user, passwordHash: hash, context: .commandLine)
            context.console.print("Gebruiker \(user.username) (\(role.rawValue)) aangemaakt.")
        } catch let error as ValidationError {
            let t = Localizer(language: .nl)
            throw CommandFailure(
                description: error.problems.map { "\(t.field($0.field)) \(t.problem($0))" }.joined(separator: "\n"))
        } catch DomainError.conflict(let key) {
            throw CommandFailure(description: Localizer(language: .nl)("conflict.\(key)"))
        }
    }
}

struct AuditCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = [
        "verify": AuditVerifyCommand(), "anchor": AuditAnchorCommand(), "new-key": AuditNewKeyCommand(),
    ]
    var help: String { "Het toegangslog controleren" }
}

/// `schakel audit verify [--anchor FILE]`: walks the MAC chain, and checks that the log still holds every
/// anchored entry; exits non-zero naming the first broken entry.
struct AuditVerifyCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "anchor", help: "Bestand met ankers (van 'schakel audit anchor') om tegen te controleren")
        var anchor: String?
    }
    var help: String { "Controleert dat geen regel van het toegangslog is gewijzigd of verwijderd" }

    func run(using context: CommandContext, signature: Signature) async throws {
        var anchors: [AuditAnchor] = []
        if let file = signature.anchor {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw CommandFailure(description: "Het ankerbestand kan niet gelezen worden.")
            }
            do { anchors = try AuditAnchor.parse(text) } catch let error as AnchorFileError {
                throw CommandFailure(description: "Het ankerbestand klopt niet op regel \(error.line).")
            }
        }
        switch try await context.application.schakel.store.audit.verify(anchors: anchors) {
        case .intact(let entries):
            let checked = anchors.isEmpty ? "" : " \(anchors.count) ankers kloppen."
            context.console.print("Toegangslog in orde: \(entries) regels, keten ongebroken.\(checked)")
        case .broken(let sequence, let reason):
            let why =
                switch reason {
                case "missing": "ontbreekt"
                case "link": "sluit niet aan op de vorige regel"
                case "content": "is gewijzigd (de MAC klopt niet)"
                case "key": "is gemaakt met een sleutel die niet in het sleutelbestand staat"
                case "unkeyed": "heeft geen sleutel, terwijl eerdere regels die wel hebben"
                case "unreadable": "bevat een waarde die niet te lezen is"
                case "anchor": "verschilt van wat bij het ankeren is vastgelegd"
                case "anchorMissing": "is geankerd, maar staat niet meer in het log"
                default: "komt niet overeen met de laatst vastgelegde regel"
                }
            throw CommandFailure(description: "Toegangslog GEBROKEN bij regel \(sequence): \(why).")
        }
    }
}

/// `schakel audit anchor [--file FILE]`: writes the last entry's sequence and MAC down outside the
/// database: appended to FILE, and printed for an external witness.
struct AuditAnchorCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(
            name: "file", help: "Bestand waar het anker aan wordt toegevoegd (alleen toevoegen, nooit overschrijven)")
        var file: String?
    }
    var help: String { "Legt de laatste regel van het toegangslog vast buiten de database" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let anchor = try await context.application.schakel.store.audit.anchor() else {
            throw CommandFailure(description: "Het toegangslog is nog leeg; er is niets te ankeren.")
        }
        if let file = signature.file {
            let manager = FileManager.default
            if !manager.fileExists(atPath: file) {
                guard manager.createFile(atPath: file, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw CommandFailure(description: "Het ankerbestand kan niet gemaakt worden.")
                }
            }
            guard let handle = FileHandle(forWritingAtPath: file) else {
                throw CommandFailure(description: "Het ankerbestand kan niet geschreven worden.")
            }
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((anchor.line + "\n").utf8))
        }
        context.console.print(anchor.line)
    }
}

/// `schakel audit new-key`: adds a key to the key file; entries are made with it from the next start on,
/// and the older keys stay to verify older entries.
struct AuditNewKeyCommand: AsyncCommand {
    struct Signature: CommandSignature {}
    var help: String { "Voegt een nieuwe sleutel toe aan het sleutelbestand van het toegangslog" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let file = context.application.schakel.configuration.auditKeyFile else {
            throw CommandFailure(description: "Deze database heeft geen sleutelbestand.")
        }
        let id = try AuditKeyring.appendNewKey(to: file)
        context.console.print("Nieuwe sleutel \(id) toegevoegd; Schakel gebruikt hem na een herstart.")
    }
}

struct ImportCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = [
        "addresses": ImportAddressesCommand(), "neighbourhoods": ImportNeighbourhoodsCommand(),
        "hsds": ImportHSDSCommand(),
    ]
    var help: String { "Gegevens importeren" }
}

/// `schakel import addresses FILE.csv`: all rows or none; every rejected row is reported with its line.
struct ImportAddressesCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(
            name: "file",
            help:
                "CSV-bestand met kolommen postcode, huisnummer, huisletter, toevoeging, straat, plaats, lat, lon, buurtcode"
        )
        var file: String
    }

    var help: String { "Adressen importeren uit een CSV-bestand" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file) else {
            throw CommandFailure(description: "Bestand \(signature.file) kan niet worden gelezen.")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CommandFailure(description: "Het bestand is geen UTF-8-tekst.")
        }
        let t = Localizer(language: .nl)
        let rows: [AddressCSV.Row]
        do {
            rows = try AddressCSV.parse(text)
        } catch let error as ValidationError {
            throw CommandFailure(
                description: "Het bestand kan niet worden gelezen:\n"
                    + error.problems.map { "  \(t.field($0.field)): \(t.problem($0))" }.joined(separator: "\n"))
        }
        context.console.print("\(rows.count) regels gelezen, controleren…")
        let console = context.console
        let report = try await context.application.schakel.store.addresses.importRows(rows, context: .commandLine) {
            done in
            if done % 5000 == 0 { console.print("  \(done) van \(rows.count) verwerkt") }
        }
        if report.succeeded {
            context.console.print("Klaar: \(report.created) adressen toegevoegd, \(report.updated) bijgewerkt.")
        } else {
            for rejection in report.rejected {
                let reasons = rejection.problems.map { "\(t.field($0.field)) \(t.problem($0))" }.joined(separator: "; ")
                FileHandle.standardError.write(Data("regel \(rejection.line): \(reasons)\n".utf8))
            }
            throw CommandFailure(description: "\(report.rejected.count) regels afgekeurd; er is niets geïmporteerd.")
        }
    }
}

/// `schakel import neighbourhoods FILE.csv`: the CBS list of municipalities, districts and neighbourhoods
/// (columns `code`, `naam` and `jaar`, as in the Wijk- en Buurtkaart export). All or nothing; codes already
/// known for that year are skipped.
struct ImportNeighbourhoodsCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "file", help: "CSV-bestand met de kolommen code, naam en jaar")
        var file: String
    }

    var help: String { "Wijken en buurten (CBS) importeren uit een CSV-bestand" }

    func run(using context: CommandContext, signature: Signature) async throws {
        guard let data = FileManager.default.contents(atPath: signature.file),
            let text = String(data: data, encoding: .utf8)
        else {
            throw CommandFailure(description: "Bestand \(signature.file) kan niet worden gelezen (UTF-8 verwacht).")
        }
        let store = context.application.schakel.store
        let parsed = try NeighbourhoodCSV.parse(text, ids: store.ids)
        if !parsed.rejected.isEmpty {
            for (line, reason) in parsed.rejected {
                FileHandle.standardError.write(Data("regel \(line): \(reason)\n".utf8))
            }
            throw CommandFailure(description: "\(parsed.rejected.count) regels afgekeurd; er is niets geïmporteerd.")
        }
        let known = Set(try await store.neighbourhoods.all().map { "\($0.code)|\($0.year)" })
        let fresh = parsed.neighbourhoods.filter { !known.contains("\($0.code)|\($0.year)") }
        if !fresh.isEmpty { try await store.neighbourhoods.add(fresh, context: .commandLine) }
        context.console.print(
            "Klaar: \(fresh.count) gebieden toegevoegd, \(parsed.neighbourhoods.count - fresh.count) waren al bekend.")
    }
}

/// Reads the CBS neighbourhood list; reports every bad line with its number.
enum NeighbourhoodCSV {
    static func parse(_ text: String, ids: IDGenerator) throws -> (
        neighbourhoods: [Neighbourhood], rejected: [(Int, String)]
    ) {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        guard let header = lines.first?.replacingOccurrences(of: "\u{FEFF}", with: "") else {
            throw CommandFailure(description: "Het bestand is leeg.")
        }
        let separator: Character = header.contains(";") ? ";" : ","
        let columns = header.split(separator: separator, omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        guard let code = columns.firstIndex(of: "code"),
            let name = columns.firstIndex(where: { $0 == "naam" || $0 == "name" }),
            let year = columns.firstIndex(where: { $0 == "jaar" || $0 == "year" })
        else { throw CommandFailure(description: "De kopregel moet de kolommen code, naam en jaar hebben.") }
        var result: [Neighbourhood] = []
        var rejected: [(Int, String)] = []
        var seen = Set<String>()
        for (offset, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: separator, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard fields.count > max(code, name, year) else {
                rejected.append((offset + 1, "te weinig kolommen"))
                continue
            }
            do {
                let area = try AreaCode(fields[code])
                guard let number = Int(fields[year]) else {
                    rejected.append((offset + 1, "jaar is geen getal"))
                    continue
                }
                guard seen.insert("\(area)|\(number)").inserted else {
                    rejected.append((offset + 1, "\(area) staat dubbel in het bestand"))
                    continue
                }
                result.append(try Neighbourhood(id: ids(), code: area, name: fields[name], year: number))
            } catch let error as ValidationError {
                let t = Localizer(language: .nl)
                rejected.append(
                    (offset + 1, error.problems.map { "\(t.field($0.field)) \(t.problem($0))" }.joined(separator: "; "))
                )
            }
        }
        return (result, rejected)
    }
}

/// `schakel import hsds FILE_OR_DIR [--valid-only]`: HSDS 3.0 services in JSON. All or nothing unless
/// `--valid-only`; every refused record is reported with its id and reason.
struct ImportHSDSCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "valid-only", help: "Alleen de goede records importeren als er foute tussen zitten")
        var validOnly: Bool
        @Argument(
            name: "path", help: "Een JSON-bestand, een map met HSDS 3.0 JSON-bestanden, of een map met de CSV-tabellen")
        var path: String
    }

    var help: String { "Diensten van de sociale kaart importeren (Open Referral HSDS 3.0)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let documents = try HSDSFiles.read(signature.path)
        guard !documents.isEmpty else {
            throw CommandFailure(description: "Geen HSDS-diensten gevonden in \(signature.path).")
        }
        context.console.print("\(documents.count) diensten gelezen, controleren…")
        let report = try await context.application.schakel.store.socialMap.importServices(
            documents, validOnly: signature.validOnly, context: .commandLine)
        let t = Localizer(language: .nl)
        for refusal in report.refused {
            let reasons = refusal.problems.map { "\($0.field) \(t.problem($0))" }.joined(separator: "; ")
            FileHandle.standardError.write(Data("dienst \(refusal.record): \(reasons)\n".utf8))
        }
        if !report.refused.isEmpty && !signature.validOnly {
            throw CommandFailure(
                description:
                    "\(report.refused.count) diensten afgekeurd; er is niets geïmporteerd (gebruik --valid-only om de goede wel te importeren)."
            )
        }
        context.console.print(
            "Klaar: \(report.created) diensten toegevoegd, \(report.updated) bijgewerkt"
                + (report.refused.isEmpty ? "." : ", \(report.refused.count) afgekeurd."))
    }
}

struct ExportCommands: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = ["hsds": ExportHSDSCommand()]
    var help: String { "Gegevens exporteren" }
}

/// `schakel export hsds --format json|csv DIR`: every service as HSDS 3.0 `service_full` in `services.json`, or
/// as the tabular data package (a CSV file per table and `datapackage.json`).
struct ExportHSDSCommand: AsyncCommand {
    struct Signature: CommandSignature {
        // Options first: ConsoleKit reads the signature in order, and an argument read first would take
        // the option's value.
        @Option(name: "format", help: "json (standaard) of csv")
        var format: String?
        @Argument(name: "dir", help: "De map om in te schrijven (wordt gemaakt als die er niet is)")
        var dir: String
    }

    var help: String { "De sociale kaart exporteren als Open Referral HSDS 3.0" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let format = signature.format ?? "json"
        guard format == "json" || format == "csv" else {
            throw CommandFailure(description: "Onbekend formaat ‘\(format)’: kies json of csv.")
        }
        let services = try await context.application.schakel.store.socialMap.exportServices()
        let folder = URL(fileURLWithPath: signature.dir)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if format == "csv" {
            try HSDSFiles.writeTabular(services, to: folder)
            context.console.print(
                "Klaar: \(services.count) diensten geschreven als HSDS-tabellen (CSV) met datapackage.json in \(folder.path)."
            )
            return
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(JSONValue.array(services)).write(to: folder.appendingPathComponent("services.json"))
        context.console.print("Klaar: \(services.count) diensten geschreven naar \(folder.path)/services.json.")
    }
}

/// Reads HSDS JSON from a file or from every `.json` file in a folder.
enum HSDSFiles {
    static func read(_ path: String) throws -> [JSONValue] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw CommandFailure(description: "\(path) bestaat niet.")
        }
        let folderPath =
            isFolder.boolValue
            ? path : (path.hasSuffix("datapackage.json") ? (path as NSString).deletingLastPathComponent : nil)
        if let folderPath, FileManager.default.fileExists(atPath: folderPath + "/services.csv") {
            return try readTabular(folderPath)
        }
        let files: [URL]
        if isFolder.boolValue {
            let folder = URL(fileURLWithPath: path)
            files = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
                .filter { $0.hasSuffix(".json") && $0 != "datapackage.json" }.map { folder.appendingPathComponent($0) }
        } else {
            files = [URL(fileURLWithPath: path)]
        }
        var services: [JSONValue] = []
        let strict = !isFolder.boolValue
        for file in files {
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw CommandFailure(description: "\(file.lastPathComponent) kan niet worden gelezen.")
            }
            do {
                services += HSDSJSON.services(in: try JSONValue.parse(data), strict: strict)
            } catch is ValidationError {
                throw CommandFailure(description: "\(file.lastPathComponent) is geen geldige JSON.")
            }
        }
        return HSDSJSON.merged(services)
    }

    /// The tabular form: one CSV file per HSDS table in the folder.
    static func readTabular(_ folder: String) throws -> [JSONValue] {
        var files: [String: String] = [:]
        for table in HSDSTabular.tables.keys {
            let file = folder + "/" + HSDSTabular.fileName(table)
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CommandFailure(description: "\(HSDSTabular.fileName(table)) is geen UTF-8-tekst.")
            }
            files[table] = text
        }
        do {
            return try HSDSTabular.services(from: files)
        } catch is ValidationError {
            throw CommandFailure(
                description: "Een CSV-bestand in \(folder) kan niet worden gelezen (een aanhalingsteken sluit niet).")
        }
    }

    /// Writes the tabular form: a CSV file per table and `datapackage.json`.
    static func writeTabular(_ services: [JSONValue], to folder: URL) throws {
        for (name, text) in HSDSTabular.files(from: services) {
            try Data(text.utf8).write(to: folder.appendingPathComponent(name))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try encoder.encode(HSDSTabular.datapackage()).write(to: folder.appendingPathComponent("datapackage.json"))
    }
}
