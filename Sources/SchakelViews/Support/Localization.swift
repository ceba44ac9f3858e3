import Foundation
import SchakelCore

/// The languages of the interface: Dutch by default, English on request.
public enum Language: String, Sendable, CaseIterable {
    case nl, en
}

/// The one table of interface strings. A missing English text falls back to Dutch;
/// a missing key shows itself, so a test notices.
public struct Localizer: Sendable {
    public let language: Language

    public init(language: Language) {
        self.language = language
    }

    public func callAsFunction(_ key: String) -> String {
        guard let entry = Self.table[key] else { return key }
        return language == .en ? (entry.en ?? entry.nl) : entry.nl
    }

    /// A text with `{0}`, `{1}` … filled in, in one pass (an argument's own text is never filled in again).
    public func callAsFunction(_ key: String, _ arguments: any CustomStringConvertible...) -> String {
        let text = self(key)
        guard !arguments.isEmpty else { return text }
        var result = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            let afterOpen = rest.index(after: open)
            if let close = rest[afterOpen...].firstIndex(of: "}"), let index = Int(rest[afterOpen..<close]),
                arguments.indices.contains(index)
            {
                result += arguments[index].description
                rest = rest[rest.index(after: close)...]
            } else {
                result += "{"
                rest = rest[afterOpen...]
            }
        }
        return result + rest
    }

    /// The message for a field problem; keys may carry an argument after a colon (`csv.duplicateOf:12`).
    public func problem(_ problem: FieldProblem) -> String {
        let parts = problem.key.split(separator: ":", maxSplits: 1).map(String.init)
        let key = "problem." + parts[0]
        return parts.count == 2 ? self(key, parts[1]) : self(key)
    }

    /// An access-log event in words (`resident.read`: "dossier gelezen"); an event without words shows its code.
    public func auditEvent(_ code: String) -> String {
        Self.table["auditEvent." + code] != nil ? self("auditEvent." + code) : code
    }

    /// An object of an access-log entry in words: `resident:1f2e…` as "bewoner 1f2e3d4c"; field names as they are.
    public func auditObject(_ object: String) -> String {
        let parts = object.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, Self.table["auditObject." + parts[0]] != nil else { return object }
        let value = UUID(uuidString: parts[1]) != nil ? String(parts[1].prefix(8)) : parts[1]
        return self("auditObject." + parts[0]) + " " + value
    }

    /// The label of a field name as forms and CSV columns use it.
    public func field(_ name: String) -> String {
        Self.table["field." + name] != nil ? self("field." + name) : name
    }

    public func role(_ role: Role) -> String { self("role." + role.rawValue) }
    public func organisationKind(_ kind: OrganisationKind) -> String { self("organisationKind." + kind.rawValue) }

    public typealias Entry = (nl: String, en: String?)

    public static let table: [String: Entry] = [
        // General
        "app.name": ("Schakel", nil),
        "app.tagline": ("Samen bewoners in beeld houden", "Keeping residents in view, together"),
        "nav.home": ("Start", "Home"),
        "nav.residents": ("Bewoners", "Residents"),
        "nav.addresses": ("Adressen", "Addresses"),
        "nav.admin": ("Beheer", "Administration"),
        "nav.audit": ("Toegangslog", "Access log"),
        "nav.logout": ("Uitloggen", "Log out"),
        "nav.skip": ("Naar de inhoud", "Skip to content"),
        "nav.language": ("English", "Nederlands"),
        "nav.menu": ("Hoofdmenu", "Main menu"),
        "common.save": ("Opslaan", "Save"),
        "common.cancel": ("Annuleren", "Cancel"),
        "common.search": ("Zoeken", "Search"),
        "common.next": ("Volgende", "Next"),
        "common.previous": ("Vorige", "Previous"),
        "common.page": ("Pagina {0} van {1}", "Page {0} of {1}"),
        "common.total": ("{0} in totaal", "{0} in total"),
        "common.none": ("Geen", "None"),
        "common.yes": ("Ja", "Yes"),
        "common.no": ("Nee", "No"),
        "common.optional": ("(niet verplicht)", "(optional)"),
        "common.back": ("Terug", "Back"),
        "common.formErrors": (
            "Het formulier is niet opgeslagen. Verbeter het volgende:",
            "The form was not saved. Please correct the following:"
        ),
        "common.saved": ("Opgeslagen.", "Saved."),

        // Login
        "login.title": ("Inloggen", "Log in"),
        "login.username": ("Gebruikersnaam", "Username"),
        "login.password": ("Wachtwoord", "Password"),
        "login.submit": ("Inloggen", "Log in"),
        "login.failed": ("Gebruikersnaam of wachtwoord klopt niet.", "Username or password is incorrect."),
        "login.throttled": (
            "Te veel mislukte pogingen. Probeer het over {0} seconden opnieuw.",
            "Too many failed attempts. Try again in {0} seconds."
        ),
        "login.expired": ("Je sessie is verlopen. Log opnieuw in.", "Your session has expired. Please log in again."),
        "login.loggedOut": ("Je bent uitgelogd.", "You have been logged out."),
        "login.intro": ("Log in met je Schakel-account.", "Log in with your Schakel account."),

        // Home
        "home.title": ("Start", "Home"),
        "home.welcome": ("Welkom, {0}", "Welcome, {0}"),
        "home.role": ("Je werkt als {0}.", "You work as {0}."),
        "home.teams": ("Jouw teams", "Your teams"),
        "home.noTeams": (
            "Je bent nog niet aan een team gekoppeld. Vraag de beheerder om je toe te voegen.",
            "You are not in a team yet. Ask the administrator to add you."
        ),
        "home.policy": (
            "Je ziet alleen cijfers per wijk, nooit gegevens van een bewoner.",
            "You see figures per neighbourhood only, never a resident's data."
        ),
        "home.admin": (
            "Je beheert organisaties, teams, wijken en accounts. Dossiers van bewoners zie je niet.",
            "You manage organisations, teams, neighbourhoods and accounts. You do not see residents' files."
        ),
        "home.partner": (
            "Verwijzingen naar jouw organisatie verschijnen hier. Je ziet van een bewoner alleen wat de verwijzing meegeeft.",
            "Referrals to your organisation appear here. Of a resident you see only what the referral carries."
        ),
        "home.findResident": ("Bewoner zoeken", "Find a resident"),
        "home.referralInbox": ("Verwijzingen naar jouw organisatie", "Referrals to your organisation"),
        "home.referralsSent": ("{0} verwijzingen van jou lopen nog", "{0} of your referrals are still open"),
        "home.coverage": ("Werkgebied: {0}", "Area: {0}"),

        // Residents
        "residents.title": ("Bewoners", "Residents"),
        "residents.searchLabel": ("Naam of postcode", "Name or postcode"),
        "residents.empty": ("Geen bewoners gevonden.", "No residents found."),
        "residents.emptyCoverage": (
            "Er wonen nog geen bekende bewoners in jouw werkgebied.", "No known residents live in your area yet."
        ),
        "residents.new": ("Nieuwe bewoner", "New resident"),
        "residents.name": ("Naam", "Name"),
        "residents.address": ("Adres", "Address"),
        "residents.dateOfBirth": ("Geboortedatum", "Date of birth"),
        "residents.noAddress": ("Geen adres bekend", "No known address"),
        "resident.details": ("Gegevens", "Details"),
        "resident.edit": ("Wijzigen", "Edit"),
        "resident.timeline": ("Tijdlijn", "Timeline"),
        "resident.basicView": (
            "Je ziet alleen wat je aan de deur nodig hebt: naam, adres, telefoon en deurnotities.",
            "You see only what you need at the door: name, address, phone and door notes."
        ),
        "resident.household": ("Huishouden", "Household"),
        "resident.householdNone": ("Niet aan een huishouden gekoppeld.", "Not linked to a household."),
        "resident.householdCreate": ("Huishouden aanmaken", "Create household"),
        "resident.householdName": ("Naam van het huishouden", "Household name"),
        "resident.householdLeave": ("Uit dit huishouden halen", "Remove from this household"),
        "resident.householdJoin": ("Toevoegen aan {0}", "Add to {0}"),
        "timeline.household.left": ("Uit huishouden gehaald", "Left household"),
        "resident.householdMembers": ("Andere leden", "Other members"),
        "resident.consents": ("Toestemmingen", "Consents"),
        "resident.consentsNone": ("Nog geen toestemmingen vastgelegd.", "No consents recorded yet."),
        "resident.consentAdd": ("Toestemming vastleggen", "Record consent"),
        "resident.consentPurpose": ("Doel", "Purpose"),
        "resident.consentOrganisations": ("Geldt voor organisaties", "Covers organisations"),
        "resident.consentGiven": ("Gegeven {0}", "Given {0}"),
        "resident.consentWithdrawn": ("Ingetrokken {0}", "Withdrawn {0}"),
        "resident.consentWithdraw": ("Intrekken", "Withdraw"),
        "resident.duplicates": ("Deze bewoner lijkt al bekend", "This resident seems to be known already"),
        "resident.duplicatesIntro": (
            "Er is al iemand met dezelfde naam en geboortedatum of hetzelfde adres. Open het bestaande dossier, of maak toch een nieuwe bewoner aan als het echt iemand anders is.",
            "Someone with the same name and date of birth or the same address exists. Open the existing file, or create a new resident anyway if this really is someone else."
        ),
        "resident.duplicatesConfirm": ("Toch nieuwe bewoner aanmaken", "Create a new resident anyway"),
        "resident.open": ("Open dossier", "Open file"),
        "resident.created": ("Bewoner aangemaakt.", "Resident created."),
        "resident.addressHelp": (
            "Zoek het adres op postcode en huisnummer.", "Look the address up by postcode and house number."
        ),
        "timeline.empty": ("Nog niets gebeurd.", "Nothing has happened yet."),
        "timeline.resident.created": ("Dossier aangemaakt", "File created"),
        "timeline.resident.updated": ("Gegevens gewijzigd", "Details changed"),
        "timeline.consent.given": ("Toestemming gegeven", "Consent given"),
        "timeline.consent.withdrawn": ("Toestemming ingetrokken", "Consent withdrawn"),
        "timeline.household.joined": ("Huishouden gekoppeld", "Household linked"),

        // Fields
        "field.givenName": ("Voornaam", "Given name"),
        "field.familyName": ("Achternaam", "Family name"),
        "field.dateOfBirth": ("Geboortedatum", "Date of birth"),
        "field.phone": ("Telefoon", "Phone"),
        "field.preferredLanguage": ("Voorkeurstaal (bijv. nl, tr, ar)", "Preferred language (e.g. nl, tr, ar)"),
        "field.contactChannels": ("Liefst bereikbaar via", "Preferably reached by"),
        "field.contactNote": ("Over contact", "About contact"),
        "field.doorNotes": ("Deurnotities", "Door notes"),
        "field.addressID": ("Adres", "Address"),
        "field.householdID": ("Huishouden", "Household"),
        "field.postcode": ("Postcode", "Postcode"),
        "field.houseNumber": ("Huisnummer", "House number"),
        "field.houseLetter": ("Huisletter", "House letter"),
        "field.houseNumberAddition": ("Toevoeging", "Addition"),
        "field.street": ("Straat", "Street"),
        "field.place": ("Plaats", "Place"),
        "field.coordinate": ("Coördinaten", "Coordinates"),
        "field.latitude": ("Breedtegraad", "Latitude"),
        "field.longitude": ("Lengtegraad", "Longitude"),
        "field.buurtCode": ("Buurtcode (CBS)", "Neighbourhood code (CBS)"),
        "field.purpose": ("Doel", "Purpose"),
        "field.organisationIDs": ("Organisaties", "Organisations"),
        "field.username": ("Gebruikersnaam", "Username"),
        "field.password": ("Wachtwoord", "Password"),
        "field.displayName": ("Naam", "Name"),
        "field.name": ("Naam", "Name"),
        "field.code": ("Code", "Code"),
        "field.year": ("Jaar", "Year"),
        "field.page": ("Pagina", "Page"),
        "field.perPage": ("Aantal per pagina", "Items per page"),
        "field.days": ("Aantal dagen", "Number of days"),
        "field.query": ("Zoekvraag", "Search"),
        "field.teamId": ("Team", "Team"),
        "field.body": ("De inhoud", "The body"),
        "field.file": ("Bestand", "File"),
        "field.address": ("Adres", "Address"),
        "channel.visit": ("Bezoek", "Visit"),
        "channel.phone": ("Telefoon", "Phone"),
        "channel.text": ("Sms/app", "Text message"),
        "channel.email": ("E-mail", "Email"),
        "channel.letter": ("Brief", "Letter"),

        // Problems
        "problem.required": ("is verplicht", "is required"),
        "problem.tooLong": ("is te lang", "is too long"),
        "problem.null": ("is null; laat een veld zonder waarde weg", "is null; leave out a field without a value"),
        "problem.name.control": (
            "bevat een onzichtbaar teken of stuurteken; typ de naam opnieuw",
            "contains an invisible or control character; type the name again"
        ),
        "problem.name.noLetter": ("moet minstens één letter bevatten", "must contain at least one letter"),
        "problem.invalid": ("is ongeldig", "is invalid"),
        "problem.postcode.format": (
            "moet vier cijfers en twee letters zijn, bijv. 3815 AB", "must be four digits and two letters, e.g. 3815 AB"
        ),
        "problem.postcode.leadingZero": ("kan niet met 0 beginnen", "cannot start with 0"),
        "problem.postcode.unusedSeries": (
            "bestaat niet: SA, SD en SS worden niet gebruikt", "does not exist: SA, SD and SS are not used"
        ),
        "problem.houseNumber.outOfRange": ("moet tussen 1 en 99999 liggen", "must be between 1 and 99999"),
        "problem.houseNumber.notANumber": ("moet een getal zijn", "must be a number"),
        "problem.houseLetter.format": ("moet één letter zijn", "must be one letter"),
        "problem.houseNumberAddition.format": (
            "mag hoogstens vier letters of cijfers hebben", "may have at most four letters or digits"
        ),
        "problem.coordinate.outsideNetherlands": ("ligt niet in Nederland", "is not in the Netherlands"),
        "problem.coordinate.notANumber": ("moeten getallen zijn", "must be numbers"),
        "problem.coordinate.incomplete": ("vul zowel breedte- als lengtegraad in", "give both latitude and longitude"),
        "problem.areaCode.invalid": (
            "is geen CBS-code (GM0307, WK030701 of BU03070101)", "is not a CBS code (GM0307, WK030701 or BU03070101)"
        ),
        "problem.areaCode.wrongLevel.buurt": (
            "moet een buurtcode zijn (BU gevolgd door acht tekens)",
            "must be a neighbourhood code (BU followed by eight characters)"
        ),
        "problem.areaCode.unknown": (
            "staat niet in de lijst van gemeenten, wijken en buurten (Beheer → Buurten)",
            "is not in the list of municipalities, districts and neighbourhoods (Admin → Neighbourhoods)"
        ),
        "problem.areaCode.wrongLevel.wijk": ("moet een wijkcode zijn", "must be a district code"),
        "problem.areaCode.wrongLevel.gemeente": ("moet een gemeentecode zijn", "must be a municipality code"),
        "problem.year.outOfRange": ("moet tussen 2000 en 2100 liggen", "must be between 2000 and 2100"),
        "problem.date.format": (
            "moet een datum zijn als 1948-03-07 of 7-3-1948", "must be a date like 1948-03-07 or 7-3-1948"
        ),
        "problem.date.invalid": ("bestaat niet", "does not exist"),
        "problem.dateOfBirth.outOfRange": ("moet tussen 1900 en vandaag liggen", "must be between 1900 and today"),
        "problem.phone.format": (
            "is geen geldig telefoonnummer (10 cijfers, of + en landcode)",
            "is not a valid phone number (10 digits, or + and country code)"
        ),
        "problem.language.format": ("moet een taalcode van twee letters zijn", "must be a two-letter language code"),
        "problem.contactChannel.unknown": ("bevat een onbekende keuze", "contains an unknown choice"),
        "problem.id.format": ("is geen geldige verwijzing", "is not a valid reference"),
        "problem.address.unknown": ("bestaat niet", "does not exist"),
        "problem.address.buurtRequired": (
            "kan niet leeg blijven: het adres ligt in een buurt, en die bepaalt wie de bewoners ziet",
            "cannot be left empty: the address lies in a neighbourhood, which decides who sees its residents"
        ),
        "problem.address.moveNotAllowed": (
            "mag je niet zo wijzigen: daarmee verhuizen bewoners die je niet ziet, of naar een buurt buiten het werkgebied van je team",
            "you may not change it so: it would move residents you do not see, or to an area outside your teams' areas"
        ),
        "problem.household.unknown": ("bestaat niet", "does not exist"),
        "problem.organisation.unknown": ("bevat een onbekende organisatie", "contains an unknown organisation"),
        "problem.team.unknown": ("bevat een onbekend team", "contains an unknown team"),
        "problem.consent.noOrganisation": ("kies minstens één organisatie", "choose at least one organisation"),
        "problem.resident.addressOutsideCoverage": (
            "ligt buiten het werkgebied van jouw teams", "lies outside your teams' area"
        ),
        "problem.address.notFound": (
            "hoort bij geen bekend adres met dit huisnummer",
            "belongs to no known address with this house number"
        ),
        "problem.username.format": (
            "2 tot 40 tekens: kleine letters, cijfers, punt, streepje",
            "2 to 40 characters: lower-case letters, digits, dot, dash"
        ),
        "problem.password.tooShort": ("moet minstens 10 tekens hebben", "must have at least 10 characters"),
        "problem.password.tooLong": ("is te lang (hoogstens 72 bytes)", "is too long (at most 72 bytes)"),
        "problem.page.outOfRange": ("moet tussen 1 en 1.000.000 liggen", "must be between 1 and 1,000,000"),
        "problem.perPage.outOfRange": ("moet tussen 1 en 100 liggen", "must be between 1 and 100"),
        "problem.days.outOfRange": ("moet tussen 1 en 90 liggen", "must be between 1 and 90"),
        "problem.csv.empty": ("het bestand is leeg", "the file is empty"),
        "problem.csv.missingColumn": ("kolom ontbreekt in de kopregel", "column is missing from the header"),
        "problem.csv.unterminatedQuote": ("een aanhalingsteken wordt niet afgesloten", "a quote is not closed"),
        "problem.csv.duplicateOf": ("staat al op regel {0}", "already on line {0}"),
        "problem.json": ("de JSON is ongeldig", "the JSON is invalid"),
        "problem.unknownField": ("is geen bekend veld", "is not a known field"),

        // Errors
        "error.title": ("Er ging iets mis", "Something went wrong"),
        "error.400": ("Het verzoek klopt niet.", "The request is not valid."),
        "error.401": ("Je bent niet ingelogd.", "You are not logged in."),
        "error.403": (
            "Je hebt geen toegang tot deze gegevens. Deze poging is vastgelegd.",
            "You have no access to this data. This attempt has been logged."
        ),
        "error.404": ("Deze pagina of dit dossier bestaat niet.", "This page or file does not exist."),
        "error.405": ("Deze actie kan hier niet.", "This action is not allowed here."),
        "error.409": ("Dit botst met wat er al is.", "This conflicts with what already exists."),
        "error.413": ("Het verzoek is te groot.", "The request is too large."),
        "error.414": (
            "Dit adres is te lang; geen pagina van Schakel heeft zo'n adres.",
            "This address is too long; no page of Schakel has one like it."
        ),
        "error.415": ("Dit soort inhoud wordt niet ondersteund.", "This content type is not supported."),
        "error.422": ("De invoer klopt niet.", "The input is not valid."),
        "error.429": (
            "Te veel verzoeken. Wacht even en probeer het opnieuw.", "Too many requests. Wait a moment and try again."
        ),
        "error.500": (
            "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
            "Something went wrong on our side. Please try again later."
        ),
        "error.503": ("Schakel is tijdelijk niet beschikbaar.", "Schakel is temporarily unavailable."),
        "error.nul": (
            "Wat je verstuurde bevat een onzichtbaar stuurteken (NUL) dat niet kan worden opgeslagen. Haal het weg en probeer het opnieuw.",
            "What you sent contains an invisible control character (NUL) that cannot be stored. Remove it and try again."
        ),
        "error.csrf": (
            "Het formulier is verlopen. Laad de pagina opnieuw en probeer het nog eens.",
            "The form has expired. Reload the page and try again."
        ),
        "error.home": ("Naar de startpagina", "Go to the home page"),
        "conflict.user.usernameTaken": ("Deze gebruikersnaam is al in gebruik.", "This username is taken."),
        "problem.user.usernameTaken": (
            "is al in gebruik; kies een andere gebruikersnaam", "is taken; choose another username"
        ),
        "problem.team.nameTaken": ("is al de naam van een team", "is already the name of a team"),
        "problem.organisation.nameTaken": (
            "is al de naam van een organisatie", "is already the name of an organisation"
        ),
        "problem.team.coverageExists": ("hoort al bij dit team", "already belongs to this team"),
        "conflict.organisation.nameTaken": (
            "Er is al een organisatie met deze naam.", "An organisation with this name exists."
        ),
        "conflict.team.nameTaken": ("Er is al een team met deze naam.", "A team with this name exists."),
        "conflict.team.coverageExists": ("Dit team dekt dit gebied al.", "This team already covers this area."),
        "conflict.address.exists": ("Dit adres bestaat al.", "This address exists already."),
        "conflict.neighbourhood.exists": ("Deze code bestaat al voor dit jaar.", "This code exists for this year."),

        // Administration
        "admin.organisations": ("Organisaties", "Organisations"),
        "admin.organisationsEmpty": ("Nog geen organisaties.", "No organisations yet."),
        "admin.organisationAdd": ("Organisatie toevoegen", "Add organisation"),
        "admin.kind": ("Soort", "Kind"),
        "admin.teams": ("Teams", "Teams"),
        "admin.teamsEmpty": ("Nog geen teams.", "No teams yet."),
        "admin.teamAdd": ("Team toevoegen", "Add team"),
        "admin.leadOrganisation": ("Trekkende organisatie", "Lead organisation"),
        "admin.coverageCode": ("Gebied (CBS-code)", "Area (CBS code)"),
        "admin.coverageHint": (
            "GM0307 (gemeente), WK030709 (wijk) of BU03070902 (buurt)",
            "GM0307 (municipality), WK030709 (district) or BU03070902 (neighbourhood)"
        ),
        "admin.coverageAdd": ("Gebied toevoegen", "Add area"),
        "admin.coverageRemoveTitle": ("{0} weghalen?", "Remove {0}?"),
        "admin.coverageRemoveWarning": (
            "Als {0} niet meer bij {1} hoort, zien de professionals van dat team de bewoners die daar wonen niet meer (behalve wie het team zelf heeft ingeschreven), en gaan nieuwe signalen uit die buurt naar een ander team.",
            "Once {0} no longer belongs to {1}, the team's professionals no longer see the residents living there (except those the team registered itself), and new signals from there go to another team."
        ),
        "admin.coverageRemoveConfirm": ("Ja, weghalen", "Yes, remove"),
        "admin.coverageRemove": ("verwijderen", "remove"),
        "admin.users": ("Gebruikers", "Users"),
        "admin.userAdd": ("Gebruiker toevoegen", "Add user"),
        "admin.role": ("Rol", "Role"),
        "admin.organisation": ("Organisatie", "Organisation"),
        "admin.active": ("Actief", "Active"),
        "admin.newPassword": ("Nieuw wachtwoord", "New password"),
        "admin.passwordHint": (
            "Minstens 10 tekens. Een nieuw wachtwoord beëindigt alle sessies van deze gebruiker.",
            "At least 10 characters. A new password ends all of this user's sessions."
        ),
        "admin.neighbourhoods": ("Wijken en buurten", "Neighbourhoods"),
        "admin.neighbourhoodsEmpty": ("Nog geen wijken of buurten.", "No neighbourhoods yet."),
        "admin.neighbourhoodAdd": ("Gebied toevoegen", "Add area"),
        "problem.admin.self": (
            "je kunt je eigen beheerdersrol niet afnemen of je account uitzetten",
            "you cannot remove your own administrator role or deactivate yourself"
        ),
        "field.role": ("Rol", "Role"),
        "field.kind": ("Soort", "Kind"),
        "field.teamIDs": ("Teams", "Teams"),

        // Addresses
        "addresses.title": ("Adressen", "Addresses"),
        "addresses.new": ("Nieuw adres", "New address"),
        "addresses.edit": ("Adres wijzigen", "Edit address"),
        "addresses.empty": ("Geen adressen gevonden.", "No addresses found."),
        "addresses.import": ("Adressen importeren", "Import addresses"),
        "addresses.importIntro": (
            "Kies een CSV-bestand (UTF-8, komma of puntkomma) met een kopregel zoals hieronder. Verplicht: postcode, huisnummer, straat en plaats. Als één regel wordt afgekeurd, wordt niets geïmporteerd.",
            "Choose a CSV file (UTF-8, comma or semicolon) with a header like the one below. Required: postcode, house number, street and place. If one line is rejected, nothing is imported."
        ),
        "addresses.importDone": (
            "Klaar: {0} adressen toegevoegd, {1} bijgewerkt.", "Done: {0} addresses added, {1} updated."
        ),
        "addresses.importRejected": (
            "{0} regels afgekeurd; er is niets geïmporteerd.", "{0} lines rejected; nothing was imported."
        ),
        "addresses.importFailed": ("Het bestand kan niet worden gelezen.", "The file cannot be read."),
        "addresses.line": ("Regel {0}", "Line {0}"),
        "problem.csv.notUTF8": ("is geen UTF-8-tekst", "is not UTF-8 text"),

        // Audit log
        "auditEvent.access.denied": ("toegang geweigerd", "access refused"),
        "auditEvent.activity.attendance": ("aanwezigheid vastgelegd", "attendance recorded"),
        "auditEvent.activity.signup": ("aangemeld voor activiteit", "signed up for an activity"),
        "auditEvent.activity.signups": ("deelnemerslijst bekeken", "list of participants read"),
        "auditEvent.address.create": ("adres toegevoegd", "address added"),
        "auditEvent.address.import": ("adressen geïmporteerd", "addresses imported"),
        "auditEvent.address.list": ("adressen bekeken", "addresses listed"),
        "auditEvent.address.read": ("adres bekeken", "address read"),
        "auditEvent.address.update": ("adres gewijzigd", "address changed"),
        "auditEvent.audit.lookup": ("opgezocht in het toegangslog", "looked up in the access log"),
        "auditEvent.audit.read": ("toegangslog bekeken", "access log read"),
        "auditEvent.bulk.load": ("gegevens in bulk geladen", "data loaded in bulk"),
        "auditEvent.consent.give": ("toestemming vastgelegd", "consent recorded"),
        "auditEvent.consent.withdraw": ("toestemming ingetrokken", "consent withdrawn"),
        "auditEvent.contact.correct": ("uitkomst aan de deur gecorrigeerd", "outcome at the door corrected"),
        "auditEvent.contact.create": ("contact vastgelegd", "contact recorded"),
        "auditEvent.contact.replay": ("contact opnieuw ontvangen", "contact received again"),
        "auditEvent.delivery.create": ("levering aangemaakt", "delivery arranged"),
        "auditEvent.delivery.end": ("levering beëindigd", "delivery ended"),
        "auditEvent.delivery.list": ("leveringen bekeken", "deliveries listed"),
        "auditEvent.delivery.pause": ("levering gepauzeerd", "delivery paused"),
        "auditEvent.delivery.read": ("levering bekeken", "delivery read"),
        "auditEvent.delivery.resume": ("pauze opgeheven", "pause ended"),
        "auditEvent.delivery.update": ("levering gewijzigd", "delivery changed"),
        "auditEvent.household.create": ("huishouden aangemaakt", "household created"),
        "auditEvent.household.join": ("lid van huishouden", "joined a household"),
        "auditEvent.household.leave": ("uit huishouden", "left a household"),
        "auditEvent.household.read": ("huishouden bekeken", "household read"),
        "auditEvent.meldcode.step1": ("meldcode stap 1: signalen in kaart gebracht", "meldcode step 1: signs mapped"),
        "auditEvent.meldcode.step2": ("meldcode stap 2: collegiale consultatie", "meldcode step 2: consultation"),
        "auditEvent.meldcode.step3": (
            "meldcode stap 3: gesprek met de cliënt", "meldcode step 3: conversation with the client"
        ),
        "auditEvent.meldcode.step4": ("meldcode stap 4: geweld gewogen", "meldcode step 4: violence weighed"),
        "auditEvent.meldcode.step5": ("meldcode stap 5: besluit genomen", "meldcode step 5: decision taken"),
        "auditEvent.neighbourhood.add": ("buurt toegevoegd", "neighbourhood added"),
        "auditEvent.organisation.create": ("organisatie aangemaakt", "organisation created"),
        "auditEvent.resident.create": ("bewoner ingeschreven", "resident registered"),
        "auditEvent.resident.duplicateCheck": ("gezocht naar een dubbel dossier", "checked for a duplicate file"),
        "auditEvent.resident.list": ("in lijst getoond", "shown in a list"),
        "auditEvent.resident.move": ("verhuisd naar een andere buurt", "moved to another neighbourhood"),
        "auditEvent.resident.outOfView": ("op lijst uit beeld", "on the out-of-view list"),
        "auditEvent.resident.read": ("dossier gelezen", "file read"),
        "auditEvent.resident.timeline": ("tijdlijn bekeken", "timeline read"),
        "auditEvent.resident.update": ("dossier gewijzigd", "file changed"),
        "auditEvent.round.move": ("stop verplaatst", "stop moved"),
        "auditEvent.round.plan": ("op ronde gezet", "put on a round"),
        "auditEvent.round.read": ("ronde bekeken", "round read"),
        "auditEvent.round.reorder": ("volgorde gewijzigd", "order changed"),
        "auditEvent.routing.add": ("routeringsregel toegevoegd", "routing rule added"),
        "auditEvent.routing.remove": ("routeringsregel verwijderd", "routing rule removed"),
        "auditEvent.session.end": ("uitgelogd", "logged out"),
        "auditEvent.session.start": ("ingelogd", "logged in"),
        "auditEvent.signal.assign": ("signaal toegewezen", "signal assigned"),
        "auditEvent.signal.close": ("signaal afgesloten", "signal closed"),
        "auditEvent.signal.create": ("signaal gemeld", "signal raised"),
        "auditEvent.signal.escalate": ("signaal te laat", "signal overdue"),
        "auditEvent.signal.list": ("signalen bekeken", "signals listed"),
        "auditEvent.signal.merge": ("signalen samengevoegd", "signals merged"),
        "auditEvent.signal.read": ("signaal gelezen", "signal read"),
        "auditEvent.signal.resume": ("signaal weer in opvolging", "signal resumed"),
        "auditEvent.signal.settings": ("signaalinstellingen gewijzigd", "signal settings changed"),
        "auditEvent.signal.start_follow_up": ("opvolging gestart", "follow-up started"),
        "auditEvent.signal.status": ("status bekeken", "status read"),
        "auditEvent.signal.task": ("nakijktaak gegeven", "check-again task given"),
        "auditEvent.signal.triage": ("signaal beoordeeld", "signal triaged"),
        "auditEvent.signal.wait_for_reporter": ("wacht op melder", "waiting for the reporter"),
        "auditEvent.signal.wait_for_resident": ("wacht op bewoner", "waiting for the resident"),
        "auditEvent.task.done": ("taak afgerond", "task done"),
        "auditEvent.task.list": ("taken bekeken", "tasks listed"),
        "auditEvent.team.coverage.add": ("werkgebied toegevoegd", "area added"),
        "auditEvent.team.coverage.remove": ("werkgebied weggehaald", "area removed"),
        "auditEvent.team.create": ("team aangemaakt", "team created"),
        "auditEvent.team.settings": ("teaminstellingen gewijzigd", "team settings changed"),
        "auditEvent.token.issue": ("API-sleutel uitgegeven", "API key issued"),
        "auditEvent.token.revoke": ("API-sleutel ingetrokken", "API key revoked"),
        "auditEvent.user.create": ("account aangemaakt", "account created"),
        "auditEvent.user.password": ("wachtwoord gewijzigd", "password changed"),
        "auditEvent.user.update": ("account gewijzigd", "account changed"),
        "auditEvent.visit.plan": ("bezoek gepland", "visit planned"),
        "auditObject.resident": ("bewoner", "resident"),
        "auditObject.address": ("adres", "address"),
        "auditObject.round": ("ronde", "round"),
        "auditObject.stop": ("stop", "stop"),
        "auditObject.contact": ("contact", "contact"),
        "auditObject.corrects": ("corrigeert contact", "corrects contact"),
        "auditObject.signal": ("signaal", "signal"),
        "auditObject.delivery": ("levering", "delivery"),
        "auditObject.consent": ("toestemming", "consent"),
        "auditObject.household": ("huishouden", "household"),
        "auditObject.team": ("team", "team"),
        "auditObject.activity": ("activiteit", "activity"),
        "auditObject.area": ("gebied", "area"),
        "auditObject.from": ("van", "from"),
        "auditObject.to": ("naar", "to"),
        "auditObject.route": ("pagina", "page"),
        "auditObject.user": ("account", "account"),
        "audit.residentColumn": ("Bewoner", "Resident"),
        "audit.residentHidden": ("(niet in jouw teams)", "(not in your teams)"),
        "audit.choose": ("{0} bewoners gevonden; kies wie je bedoelt.", "{0} residents found; choose who you mean."),
        "audit.chooseMany": (
            "Meer dan {0} bewoners gevonden; zoek preciezer, of kies uit de eerste {0}.",
            "More than {0} residents found; search more precisely, or choose from the first {0}."
        ),
        "problem.audit.noResident": (
            "vindt geen bewoner; zoek op naam, postcode of het nummer uit het dossier",
            "finds no resident; search by name, postcode or the number from the file"
        ),
        "audit.resident": ("Bewoner", "Resident"),
        "audit.residentHint": (
            "Naam, postcode, of het nummer uit de adresbalk van het dossier.",
            "Name, postcode, or the number from the address bar of the file."
        ),
        "audit.from": ("Van", "From"),
        "audit.to": ("Tot en met", "Up to and including"),
        "audit.empty": ("Geen regels in het toegangslog voor deze keuze.", "No access log entries for this selection."),
        "audit.when": ("Wanneer", "When"),
        "audit.event": ("Gebeurtenis", "Event"),
        "audit.user": ("Gebruiker", "User"),
        "audit.accessPoint": ("Toegangspunt", "Access point"),
        "audit.objects": ("Objecten", "Objects"),
        "field.resident": ("Bewoner", "Resident"),
        "field.from": ("Van", "From"),
        "field.to": ("Tot en met", "To"),

        // Deliveries, rounds and contact moments
        "nav.rounds": ("Rondes", "Rounds"),
        "nav.outOfView": ("Uit beeld", "Out of view"),
        "common.edit": ("Wijzigen", "Edit"),
        "common.show": ("Tonen", "Show"),
        "deliveries.title": ("Leveringen", "Deliveries"),
        "deliveries.empty": ("Geen leveringen.", "No deliveries."),
        "deliveries.new": ("Nieuwe levering", "New delivery"),
        "deliveries.newTitle": ("Nieuwe levering voor {0}", "New delivery for {0}"),
        "deliveries.editTitle": ("Levering van {0} wijzigen", "Change delivery for {0}"),
        "deliveries.end": ("Beëindigen", "End"),
        "deliveries.ended": ("Beëindigd", "Ended"),
        "deliveries.once": ("Eenmalig op {0}, {1}", "Once on {0}, {1}"),
        "deliveries.weekly": ("Elke {0}, {1}, vanaf {2}", "Every {0}, {1}, from {2}"),
        "deliveries.until": ("tot en met {0}", "until {0}"),
        "deliveries.pause": ("Gepauzeerd van {0} tot en met {1}", "Paused from {0} to {1}"),
        "deliveries.pauseAction": ("Pauzeren", "Pause"),
        "deliveries.resume": ("pauze opheffen", "end pause"),
        "deliveryKind.meal": ("Maaltijd", "Meal"),
        "deliveryKind.medicine": ("Medicijnen", "Medicine"),
        "deliveryKind.groceries": ("Boodschappen", "Groceries"),
        "deliveryKind.parcel": ("Pakket", "Parcel"),
        "deliveryKind.visit": ("Bezoek (zonder levering)", "Visit (no delivery)"),
        "schedule.weekly": ("Elke week", "Every week"),
        "schedule.once": ("Eenmalig", "Once"),
        "weekday.monday": ("maandag", "Monday"),
        "weekday.tuesday": ("dinsdag", "Tuesday"),
        "weekday.wednesday": ("woensdag", "Wednesday"),
        "weekday.thursday": ("donderdag", "Thursday"),
        "weekday.friday": ("vrijdag", "Friday"),
        "weekday.saturday": ("zaterdag", "Saturday"),
        "weekday.sunday": ("zondag", "Sunday"),
        "field.deliveryKind": ("Wat wordt er bezorgd", "What is delivered"),
        "field.schedule": ("Hoe vaak", "How often"),
        "field.weekdays": ("Op welke dagen", "On which days"),
        "field.startDate": ("Vanaf (of op) datum", "From (or on) date"),
        "field.endDate": ("Tot en met", "Until"),
        "field.windowStart": ("Bezorgen vanaf", "Deliver from"),
        "field.windowEnd": ("Bezorgen uiterlijk", "Deliver by"),
        "field.deliveryDoorNotes": ("Aanwijzingen aan de deur voor deze levering", "Door notes for this delivery"),
        "field.pauseFrom": ("Pauze vanaf", "Pause from"),
        "field.pauseUntil": ("Pauze tot en met", "Pause until"),
        "field.pauseReason": ("Reden (bijv. ziekenhuis, vakantie)", "Reason (e.g. hospital, holiday)"),
        "field.durationMinutes": ("Duur in minuten", "Duration in minutes"),
        "field.note": ("Korte notitie", "Short note"),
        "field.concern": ("Zorg melden (wat zag of hoorde je?)", "Raise a concern (what did you see or hear?)"),
        "signal.nowIn": (
            "Het signaal is nu ‘{0}’; hieronder staat wat nog kan.",
            "The signal is ‘{0}’ now; below is what can be done."
        ),
        "problem.signal.conflict": ("{0}", "{0}"),
        "referral.nowIn": (
            "De verwijzing is nu ‘{0}’; hieronder staat wat nog kan.",
            "The referral is ‘{0}’ now; below is what can be done."
        ),
        "field.closingOutcome": ("Uitkomst (alleen bij afsluiten)", "Outcome (only when closing)"),
        "problem.signal.outcomeOnlyOnClose": (
            "hoort alleen bij afsluiten; kies 'Afsluiten' of laat de uitkomst leeg",
            "belongs to closing only; choose 'Close' or leave the outcome empty"
        ),
        "field.outcome": ("Wat gebeurde er aan de deur?", "What happened at the door?"),
        "field.date": ("Datum", "Date"),
        "field.team": ("Team", "Team"),
        "field.window": ("Tijdvak", "Window"),
        "field.state": ("Stand", "State"),
        "field.visitDate": ("Bezoek op", "Visit on"),
        "field.daysWithoutContact": ("Dagen zonder echt contact", "Days without real contact"),
        "field.missesInARow": ("Keer achter elkaar niemand gezien", "Times in a row nobody seen"),
        "field.residentID": ("Bewoner", "Resident"),
        "field.stopID": ("Stop", "Stop"),
        "field.corrects": ("De uitkomst die je corrigeert", "The outcome you are correcting"),
        "field.recordedAt": ("Tijdstip", "Time"),
        "field.concierges": ("Conciërges", "Concierges"),
        "outcome.contact": ("Contact", "Contact"),
        "outcome.mailboxOnly": ("Alleen brievenbus", "Mailbox only"),
        "outcome.notAtHome": ("Niet thuis", "Not at home"),
        "outcome.refused": ("Geweigerd", "Refused"),
        "rounds.title": ("Rondes van {0}", "Rounds of {0}"),
        "rounds.noneToday": ("Je hebt vandaag geen ronde.", "You have no round today."),
        "rounds.open": ("Ronde {0} openen", "Open round {0}"),
        "rounds.planning": ("Rondes plannen", "Plan rounds"),
        "rounds.summary": ("Dagoverzicht", "Day summary"),
        "round.title": ("Ronde {0} · {1}", "Round {0} · {1}"),
        "round.progress": ("{0} stops · {1} gedaan · {2} te gaan", "{0} stops · {1} done · {2} to go"),
        "round.empty": ("Geen stops op deze ronde.", "No stops on this round."),
        "round.movedAway": ("Verhuisd buiten de wijk", "Moved out of the area"),
        "round.movedAwayHint": (
            "Deze bewoner woont niet meer in jullie wijken. Overleg met de coördinator.",
            "This resident no longer lives in your areas. Ask the coordinator."
        ),
        "round.door": ("Deur:", "Door:"),
        "round.lastContact": ("Laatste contact {0}", "Last contact {0}"),
        "round.noContactYet": ("Nog geen contact vastgelegd", "No contact recorded yet"),
        "round.openConcern": ("1 open signaal", "1 open signal"),
        "round.openConcerns": ("{0} open signalen", "{0} open signals"),
        "round.paused": ("Gepauzeerd tot en met {0}", "Paused until {0}"),
        "round.ended": ("Levering beëindigd", "Delivery ended"),
        "round.done": ("{0} · {1}", "{0} · {1}"),
        "round.more": ("Duur, notitie of zorg toevoegen", "Add duration, note or concern"),
        "round.correct": ("Verkeerd getikt? Corrigeren", "Tapped the wrong one? Correct it"),
        "round.correctHint": (
            "Kies wat er wel gebeurde. Wat je eerst koos, blijft in de geschiedenis staan.",
            "Choose what really happened. What you chose first stays in the history."
        ),
        "round.correctedFrom": ("Gecorrigeerd; eerder: {0}", "Corrected; before: {0}"),
        "round.queued": (
            "Niet verbonden: {0} uitkomst(en) bewaard op deze telefoon, worden verstuurd zodra er verbinding is.",
            "Offline: {0} outcome(s) kept on this phone, sent when the connection returns."
        ),
        "state.open": ("Open", "Open"),
        "round.sent": ("Alles is verstuurd en opgeslagen.", "Everything was sent and stored."),
        "round.loginAgain": (
            "Je bent uitgelogd. Log opnieuw in; de uitkomsten blijven op deze telefoon bewaard.",
            "You were logged out. Log in again; the outcomes stay on this phone."
        ),
        "round.refused": ("Niet opgeslagen", "Not stored"),
        "round.refusedRetry": (
            "Vul de uitkomst van deze stop opnieuw in.", "Enter the outcome of this stop again."
        ),
        "summary.title": ("Mijn dag", "My day"),
        "summary.teamTitle": ("Dagoverzicht {0}, {1}", "Day summary {0}, {1}"),
        "summary.stops": ("Stops", "Stops"),
        "summary.open": ("Nog open", "Still open"),
        "summary.extraVisits": ("Bezoeken buiten de ronde", "Visits outside the round"),
        "summary.minutes": ("Minuten aan de deur", "Minutes at doors"),
        "summary.none": ("Geen rondes op deze dag.", "No rounds on this day."),
        "plan.title": ("Rondes plannen · {0}", "Plan rounds · {0}"),
        "plan.unplanned": ("{0} levering(en) nog niet op een ronde.", "{0} deliveries not yet on a round."),
        "plan.onDuty": ("Conciërges aan het werk", "Concierges on duty"),
        "plan.make": ("Rondes maken", "Make rounds"),
        "plan.update": ("Nieuwe leveringen inplannen", "Plan new deliveries"),
        "plan.noConcierges": ("Dit team heeft geen conciërges.", "This team has no concierges."),
        "plan.paused": ("Gepauzeerd vandaag", "Paused today"),
        "plan.movedAway": (
            "{0} levering(en) voor bewoners die buiten jullie wijken wonen: niet ingepland. Beëindig ze of draag ze over.",
            "{0} deliveries for residents living outside your areas: not planned. End or hand them over."
        ),
        "plan.up": ("Eerder", "Earlier"),
        "plan.down": ("Later", "Later"),
        "plan.moveTo": ("Naar ronde van", "To the round of"),
        "plan.move": ("Verplaatsen", "Move"),
        "contact.log": ("Contact vastleggen", "Log a contact"),
        "contact.title": ("Contact met {0}", "Contact with {0}"),
        "contact.intro": (
            "Een bezoek zonder levering, bijvoorbeeld even langs om te kijken hoe het gaat.",
            "A visit without a delivery, e.g. dropping by to see how things are."
        ),
        "contact.save": ("Vastleggen", "Save"),
        "contact.saved": ("Het contact is vastgelegd.", "The contact was saved."),
        "concerns.title": ("Open zorgen van de deur", "Open concerns from the door"),
        "concerns.close": ("Opgepakt", "Picked up"),
        "outOfView.title": ("Uit beeld · {0}", "Out of view · {0}"),
        "outOfView.rule": (
            "Bewoners met een vaste levering zonder echt contact in {0} dagen, of {1} keer achter elkaar niemand gezien (alleen brievenbus of niet thuis).",
            "Residents with a standing delivery without real contact for {0} days, or nobody seen {1} times in a row (mailbox only or not at home)."
        ),
        "outOfView.empty": ("Niemand uit beeld. Mooi zo.", "Nobody out of view."),
        "outOfView.days": ("{0} dagen geen echt contact", "{0} days without real contact"),
        "outOfView.never": (
            "Nog nooit echt contact ({0} dagen sinds de eerste levering)",
            "Never a real contact ({0} days since the first delivery)"
        ),
        "outOfView.misses": ("{0} keer achter elkaar niemand gezien", "Nobody seen {0} times in a row"),
        "outOfView.planVisit": ("Bezoek plannen", "Plan a visit"),
        "outOfView.visitPlanned": (
            "Bezoek gepland op {0}; staat op de lijst tot er echt contact is geweest.",
            "Visit planned on {0}; stays on the list until there has been real contact."
        ),
        "outOfView.planned": (
            "Het bezoek is ingepland; het komt op de ronde van die dag.",
            "The visit was planned; it goes on that day's round."
        ),
        "outOfView.settings": ("Instellingen van het team", "Team settings"),
        "timeline.delivery.created": ("Levering afgesproken", "Delivery arranged"),
        "timeline.delivery.updated": ("Levering gewijzigd", "Delivery changed"),
        "timeline.delivery.paused": ("Levering gepauzeerd", "Delivery paused"),
        "timeline.delivery.resumed": ("Pauze opgeheven", "Pause ended"),
        "timeline.delivery.ended": ("Levering beëindigd", "Delivery ended"),
        "timeline.visit.planned": ("Bezoek ingepland", "Visit planned"),
        "timeline.contact.delivery": ("Aan de deur (ronde)", "At the door (round)"),
        "timeline.contact.visit": ("Bezoek", "Visit"),
        "timeline.contact.corrected": ("Uitkomst aan de deur gecorrigeerd", "Outcome at the door corrected"),
        "timeline.contact.concern": ("Zorg gemeld", "Concern raised"),
        "timeline.concern.closed": ("Zorg opgepakt", "Concern picked up"),
        "problem.delivery.kind": ("kies wat er bezorgd wordt.", "choose what is delivered."),
        "problem.delivery.weekdays": ("kies minstens één dag.", "choose at least one day."),
        "problem.delivery.schedule": ("kies elke week of eenmalig.", "choose weekly or once."),
        "problem.delivery.noTeam": (
            "geen van je teams werkt in de buurt van deze bewoner.",
            "none of your teams works in this resident's neighbourhood."
        ),
        "problem.delivery.otherResident": ("hoort niet bij deze levering.", "does not belong to this delivery."),
        "problem.date.tooLongAgo": ("ligt meer dan een jaar terug.", "is more than a year ago."),
        "problem.date.inPast": ("ligt in het verleden.", "is in the past."),
        "problem.date.endsBeforeStart": ("ligt vóór de begindatum.", "is before the start date."),
        "problem.window.endsBeforeStart": (
            "moet later zijn dan het begin van het tijdvak.", "must be after the start of the window."
        ),
        "problem.pause.endsBeforeStart": ("ligt vóór het begin van de pauze.", "is before the pause starts."),
        "problem.time.format": ("schrijf een tijd als 11:30.", "write a time like 11:30."),
        "problem.contact.outcome": ("kies wat er aan de deur gebeurde.", "choose what happened at the door."),
        "problem.contact.duration": ("moet een aantal minuten van 0 tot 480 zijn.", "must be 0 to 480 minutes."),
        "problem.contact.inFuture": (
            "ligt in de toekomst; staat de klok van de telefoon goed?", "is in the future; is the phone's clock right?"
        ),
        "problem.contact.tooOld": (
            "is meer dan 30 dagen oud en wordt niet meer aangenomen.",
            "is more than 30 days old and no longer accepted."
        ),
        "problem.contact.stopOfOtherResident": ("hoort bij een andere bewoner.", "belongs to another resident."),
        "problem.contact.correctsUnknown": (
            "bestaat niet of hoort bij een andere bewoner.", "does not exist or belongs to another resident."
        ),
        "problem.contact.correctsOtherStop": (
            "is niet de stop van de uitkomst die je corrigeert.", "is not the stop of the outcome you are correcting."
        ),
        "problem.contact.correctsItself": ("kan zichzelf niet corrigeren.", "cannot correct itself."),
        "problem.contact.correctionTooLate": (
            "kan alleen op de dag zelf worden gecorrigeerd.", "can only be corrected on the day itself."
        ),
        "problem.stop.unknown": ("bestaat niet (meer).", "does not exist (any more)."),
        "problem.resident.unknown": ("is geen bekende bewoner.", "is not a known resident."),
        "problem.outOfView.days": ("moet een getal van 1 tot 365 zijn.", "must be a number from 1 to 365."),
        "problem.outOfView.misses": ("moet een getal van 1 tot 10 zijn.", "must be a number from 1 to 10."),
        "problem.round.noConcierges": ("kies minstens één conciërge.", "choose at least one concierge."),
        "problem.round.notAConcierge": ("is geen conciërge van dit team.", "is not a concierge of this team."),
        "conflict.signal.changedMeanwhile": (
            "Iemand anders heeft dit signaal net gewijzigd. Bekijk hoe het nu staat en probeer het zo nodig opnieuw.",
            "Someone else has just changed this signal. See how it stands now and try again if needed."
        ),
        "conflict.contact.alreadyCorrected": (
            "Deze uitkomst is al gecorrigeerd, misschien in een ander venster. Kijk wat er nu staat en corrigeer zo nodig dat.",
            "This outcome was already corrected, perhaps in another window. See what it says now and correct that if needed."
        ),
        "conflict.contact.idReused": (
            "Deze uitkomst is al eerder met andere inhoud opgeslagen.",
            "This outcome was already stored with other content."
        ),

        // Roles and organisation kinds
        "role.concierge": ("buurtconciërge", "neighbourhood concierge"),
        "role.social_worker": ("sociaal werker", "social worker"),
        "role.experience_expert": ("ervaringsdeskundige", "experience expert"),
        "role.volunteer": ("vrijwilliger", "volunteer"),
        "role.partner": ("medewerker partnerorganisatie", "partner worker"),
        "role.coordinator": ("coördinator", "coordinator"),
        "role.policy": ("beleidsmedewerker", "policy officer"),
        "role.admin": ("beheerder", "administrator"),
        "organisationKind.welfare": ("welzijn", "welfare"),
        "organisationKind.municipal_social_team": ("sociaal team gemeente", "municipal social team"),
        "organisationKind.district_nursing": ("wijkverpleging", "district nursing"),
        "organisationKind.mental_health": ("ggz", "mental health care"),
        "organisationKind.housing_corporation": ("woningcorporatie", "housing corporation"),
        "organisationKind.recovery_group": ("herstel- en zelfhulporganisatie", "recovery and self-help group"),
        "organisationKind.volunteer_centre": ("vrijwilligerscentrale", "volunteer centre"),
        "organisationKind.municipality": ("gemeente", "municipality"),
        "organisationKind.other": ("anders", "other"),

        // Signals
        "nav.map": ("Sociale kaart", "Social map"),
        "nav.login": ("Inloggen", "Log in"),
        "map.title": ("Sociale kaart", "Social map"),
        "map.intro": (
            "Waar kunt u terecht in Amersfoort? Zoek op wat u nodig hebt, bijvoorbeeld ‘schulden’, ‘eenzaam’ of ‘lunch’.",
            "Where to go in Amersfoort? Search for what you need, e.g. ‘debts’, ‘lonely’ or ‘lunch’."
        ),
        "map.query": ("Waar zoekt u hulp bij?", "What do you need help with?"),
        "map.queryHint": ("Eén of meer woorden", "One or more words"),
        "map.term": ("Soort hulp", "Kind of help"),
        "map.wijk": ("Wijk", "District"),
        "map.everywhere": ("Overal", "Everywhere"),
        "map.language": ("Taal", "Language"),
        "map.postcode": ("Vanaf postcode", "From postcode"),
        "map.postcodeHint": ("Om op afstand te sorteren", "To sort by distance"),
        "map.sort": ("Sorteren", "Sort"),
        "map.sort.relevance": ("Beste treffers eerst", "Best matches first"),
        "map.sort.name": ("Op naam", "By name"),
        "map.sort.distance": ("Dichtbij eerst", "Nearest first"),
        "map.sort.responsive": (
            "Neemt verwijzingen aan, op tijd antwoord eerst", "Accepts referrals, answers in time first"
        ),
        "map.free": ("Alleen gratis", "Free only"),
        "map.nearMe": ("Dichtbij mij", "Near me"),
        "map.nearMeFailed": ("Locatie niet beschikbaar; vul een postcode in", "Location unavailable; enter a postcode"),
        "problem.map.outsideNetherlands": (
            "deze locatie ligt niet in Nederland", "this location is not in the Netherlands"
        ),
        "field.lat": ("Locatie", "Location"),
        "map.openNow": ("Nu open", "Open now"),
        "map.search": ("Zoeken", "Search"),
        "map.emptyMap": ("De sociale kaart is nog leeg.", "The social map is still empty."),
        "map.partial": (
            "Geen dienst heeft al je zoekwoorden; dit zijn de diensten met een deel ervan, de best passende eerst.",
            "No service has all your search words; these have some of them, the best fitting first."
        ),
        "map.noResults": (
            "Niets gevonden. Probeer een ander woord of minder filters.",
            "Nothing found. Try another word or fewer filters."
        ),
        "map.open": ("Nu open", "Open now"),
        "map.freeBadge": ("Gratis", "Free"),
        "map.noPlace": ("Geen vaste plek: bel of mail", "No fixed place: call or email"),
        "map.distance": ("{0} hiervandaan", "{0} away"),
        "map.eligibility": ("Voor wie", "For whom"),
        "map.apply": ("Zo meldt u zich aan", "How to apply"),
        "map.costs": ("Kosten", "Costs"),
        "map.costsUnknown": ("Vraag het na", "Ask"),
        "map.referrals": ("Aanmelden", "Referrals"),
        "map.acceptsReferrals": ("Neemt nu aanmeldingen aan", "Accepts referrals now"),
        "map.noReferrals": ("Neemt nu geen aanmeldingen aan", "Does not accept referrals now"),
        "map.waitWeeks": (
            "Neemt aanmeldingen aan; wachttijd ongeveer {0} weken", "Accepts referrals; about {0} weeks wait"
        ),
        "map.phone": ("Telefoon:", "Phone:"),
        "map.email": ("E-mail:", "Email:"),
        "map.website": ("Website", "Website"),
        "map.contact": ("Contact", "Contact"),
        "map.whereWhen": ("Waar en wanneer", "Where and when"),
        "map.openNowText": ("Nu open.", "Open now."),
        "map.lastChecked": ("Gegevens laatst gecontroleerd: {0}", "Information last checked: {0}"),
        "map.never": ("nooit", "never"),
        "map.back": ("Terug naar de sociale kaart", "Back to the social map"),
        "map.status.inactive": ("Deze dienst is niet actief.", "This service is not active."),
        "map.status.defunct": ("Deze dienst bestaat niet meer.", "This service no longer exists."),
        "map.status.temporarily closed": ("Deze dienst is tijdelijk gesloten.", "This service is temporarily closed."),
        "field.q": ("Zoekwoorden", "Search words"),
        "field.wijk": ("Wijk", "District"),
        "problem.map.postcodeUnknown": (
            "deze postcode kennen we niet; de lijst staat niet op afstand",
            "this postcode is unknown; the list is not sorted by distance"
        ),
        "problem.map.postcodeForDistance": (
            "vul een postcode in om op afstand te sorteren", "enter a postcode to sort by distance"
        ),
        "problem.hsds.uuid": ("moet een UUID zijn", "must be a UUID"),
        "problem.hsds.status": (
            "moet active, inactive, defunct of temporarily closed zijn",
            "must be active, inactive, defunct or temporarily closed"
        ),
        "problem.hsds.locationType": ("moet physical, postal of virtual zijn", "must be physical, postal or virtual"),
        "problem.hsds.notObject": ("is geen JSON-object", "is not a JSON object"),
        "problem.hsds.duplicate": ("komt twee keer voor in de import", "occurs twice in the import"),
        "problem.json.invalid": ("is geen geldige JSON", "is not valid JSON"),
        "upkeep.title": ("Sociale kaart bijhouden", "Keeping the social map"),
        "upkeep.intro": (
            "Houd de kaart juist: controleer wat verouderd is (langer dan zes maanden niet gecontroleerd) en vul capaciteit en wachttijd in.",
            "Keep the map right: check what is stale (not checked for six months) and fill in capacity and waiting time."
        ),
        "upkeep.staleOnly": ("Alleen te controleren", "Stale only"),
        "upkeep.mineOnly": ("Alleen mijn diensten", "Mine only"),
        "upkeep.new": ("Nieuwe dienst", "New service"),
        "upkeep.edit": ("{0} wijzigen", "Change {0}"),
        "upkeep.empty": ("Geen diensten gevonden.", "No services found."),
        "upkeep.stale": ("Te controleren", "Stale"),
        "upkeep.owner": ("eigenaar: {0}", "owner: {0}"),
        "upkeep.noOwner": ("geen eigenaar", "no owner"),
        "upkeep.checked": ("Gecontroleerd", "Checked"),
        "upkeep.status.active": ("Actief", "Active"),
        "upkeep.status.inactive": ("Niet actief", "Inactive"),
        "upkeep.status.defunct": ("Bestaat niet meer", "Defunct"),
        "upkeep.status.temporarily closed": ("Tijdelijk gesloten", "Temporarily closed"),
        "upkeep.statusLabel": ("Status", "Status"),
        "upkeep.name": ("Naam van de dienst", "Name of the service"),
        "upkeep.description": ("Wat biedt de dienst?", "What does the service offer?"),
        "upkeep.organization": ("Organisatie", "Organisation"),
        "upkeep.newOrganization": ("Nieuwe organisatie…", "New organisation…"),
        "upkeep.organizationName": ("Naam van de nieuwe organisatie", "Name of the new organisation"),
        "upkeep.organizationHint": ("Alleen bij ‘Nieuwe organisatie’", "Only for ‘New organisation’"),
        "upkeep.organizationDescription": ("Wat doet de nieuwe organisatie?", "What does the new organisation do?"),
        "upkeep.placeName": ("Naam van de plek", "Name of the place"),
        "upkeep.street": ("Straat en huisnummer", "Street and number"),
        "upkeep.city": ("Plaats", "Town"),
        "upkeep.opening": ("Openingstijden {0}", "Opening hours {0}"),
        "upkeep.days": ("Dagen", "Days"),
        "upkeep.opens": ("Van", "From"),
        "upkeep.closes": ("Tot", "Until"),
        "upkeep.closesHint": (
            "Vroeger dan ‘van’ betekent: tot de volgende ochtend", "Earlier than ‘from’ means: until the next morning"
        ),
        "upkeep.details": ("Verder", "Further"),
        "upkeep.cost": ("Kosten per keer (euro)", "Cost per time (euros)"),
        "upkeep.costHint": ("Leeg of 0 is gratis", "Empty or 0 is free"),
        "upkeep.email": ("E-mail", "Email"),
        "upkeep.capacity": ("Capaciteit", "Capacity"),
        "upkeep.waitWeeks": ("Wachttijd in weken", "Waiting time in weeks"),
        "upkeep.ownerLabel": ("Eigenaar (houdt de gegevens bij)", "Owner (keeps the entry right)"),
        "upkeep.save": ("Opslaan", "Save"),
        "upkeep.synonymsTitle": ("Zoekwoorden", "Search words"),
        "upkeep.synonymsIntro": (
            "Bewoners zoeken in hun eigen woorden. Schakel kent {0} groepen woorden die op de kaart hetzelfde betekenen (zoals geldzorgen, huurachterstand en schulden); hier voeg je groepen van jullie eigen kaart toe. Elke dienst met één woord van een groep wordt dan ook met de andere gevonden.",
            "Residents search in their own words. Schakel knows {0} groups of words that mean the same on the map (such as money worries, rent arrears and debts); add groups of your own map here. Every service with one word of a group is then found by the others too."
        ),
        "upkeep.synonymsEmpty": ("Nog geen eigen zoekwoorden.", "No search words of your own yet."),
        "upkeep.synonymsNew": ("Woorden die hetzelfde betekenen", "Words that mean the same"),
        "upkeep.synonymsHint": (
            "Gescheiden door komma's, bijvoorbeeld: fietsenmaker, fiets repareren, lekke band",
            "Separated by commas, for example: bicycle repair, flat tyre"
        ),
        "upkeep.synonymsAdd": ("Zoekwoorden toevoegen", "Add search words"),
        "upkeep.synonymsRemove": ("Verwijderen", "Remove"),
        "problem.map.synonymsTooFew": (
            "moeten minstens twee verschillende woorden zijn, gescheiden door komma's",
            "must be at least two different words, separated by commas"
        ),
        "field.words": ("Woorden", "Words"),
        "upkeep.termsTitle": ("Soorten hulp", "Kinds of help"),
        "upkeep.termsIntro": (
            "De indeling van de sociale kaart. Een nieuwe naam geldt meteen voor alle diensten van die soort.",
            "The map's classification. A new name applies at once to every service of that kind."
        ),
        "upkeep.newTerm": ("Nieuwe soort hulp", "New kind of help"),
        "upkeep.addTerm": ("Toevoegen", "Add"),
        "upkeep.rename": ("Naam wijzigen", "Rename"),
        "problem.map.termExists": ("deze soort hulp bestaat al", "this kind of help already exists"),
        "upkeep.staleNotice": (
            "{0} diensten op de sociale kaart moeten worden gecontroleerd.",
            "{0} services on the social map need checking."
        ),
        "field.description": ("Beschrijving", "Description"),
        "field.organizationID": ("Organisatie", "Organisation"),
        "field.organizationName": ("Naam van de organisatie", "Name of the organisation"),
        "field.organizationDescription": ("Beschrijving van de organisatie", "Description of the organisation"),
        "field.opens1": ("Openingstijden 1: van", "Opening hours 1: from"),
        "field.closes1": ("Openingstijden 1: tot", "Opening hours 1: until"),
        "field.days1": ("Openingstijden 1: dagen", "Opening hours 1: days"),
        "field.opens2": ("Openingstijden 2: van", "Opening hours 2: from"),
        "field.closes2": ("Openingstijden 2: tot", "Opening hours 2: until"),
        "field.days2": ("Openingstijden 2: dagen", "Opening hours 2: days"),
        "field.cost": ("Kosten", "Cost"),
        "field.email": ("E-mail", "Email"),
        "field.url": ("Website", "Website"),
        "field.waitWeeks": ("Wachttijd", "Waiting time"),
        "problem.map.chooseDays": ("kies minstens één dag", "choose at least one day"),
        "problem.map.cost": (
            "moet een bedrag tussen 0 en 1000 euro zijn", "must be an amount between 0 and 1000 euros"
        ),
        "problem.map.email": ("is geen e-mailadres", "is not an email address"),
        "problem.map.url": ("moet met https:// of http:// beginnen", "must start with https:// or http://"),
        "problem.map.waitWeeks": (
            "moet een aantal weken tussen 0 en 104 zijn", "must be a number of weeks between 0 and 104"
        ),
        "activity.title": ("Activiteiten in de buurt", "Activities in the neighbourhood"),
        "activity.intro": (
            "Wat er de komende vier weken te doen is. Zet de agenda van uw wijk in uw telefoon met de agenda-link.",
            "What is on in the next four weeks. Add your district's calendar to your phone with the calendar link."
        ),
        "activity.feed": ("Agenda-link (iCalendar)", "Calendar link (iCalendar)"),
        "activity.new": ("Nieuwe activiteit", "New activity"),
        "activity.edit": ("Activiteit wijzigen", "Change activity"),
        "activity.cancel": ("Afgelasten", "Cancel"),
        "activity.cancelled": ("Deze activiteit is afgelast.", "This activity is cancelled."),
        "activity.none": ("Geen activiteiten in deze periode.", "No activities in this period."),
        "activity.noDates": ("Geen data in de komende vier weken.", "No dates in the next four weeks."),
        "activity.noLimit": ("Geen maximum", "No limit"),
        "activity.full": ("Vol", "Full"),
        "activity.placesLeft": ("Nog {0} plaatsen", "{0} places left"),
        "activity.where": ("Waar", "Where"),
        "activity.costs": ("Kosten: vraag het de organisator", "Costs: ask the organiser"),
        "activity.capacity": ("Aantal plaatsen", "Places"),
        "activity.dates": ("Wanneer", "When"),
        "activity.signUps": ("Aanmeldingen", "Sign-ups"),
        "activity.back": ("Terug naar de activiteiten", "Back to the activities"),
        "activity.signedUpCount": ("{0} aangemeld", "{0} signed up"),
        "activity.ofCapacity": ("van {0} plaatsen", "of {0} places"),
        "activity.came": ("Was er", "Came"),
        "activity.didNotCome": ("Was er niet", "Did not come"),
        "activity.attendanceOpen": ("Aanwezigheid nog niet ingevuld", "Attendance not yet recorded"),
        "activity.othersSignedUp": ("En {0} bewoners die u niet kunt zien.", "And {0} residents you cannot see."),
        "activity.signUp": ("Aanmelden voor een activiteit", "Sign up for an activity"),
        "activity.signUpFor": ("Voor {0}", "For {0}"),
        "activity.which": ("Welke activiteit, welke dag?", "Which activity, which day?"),
        "activity.titleLabel": ("Naam van de activiteit", "Name of the activity"),
        "activity.organiser": ("Organisator", "Organiser"),
        "activity.buurt": ("Buurt", "Neighbourhood"),
        "activity.schedule": ("Hoe vaak", "How often"),
        "activity.weekly": ("Elke week", "Every week"),
        "activity.once": ("Eén keer", "Once"),
        "activity.startDate": ("Eerste (of enige) datum", "First (or only) date"),
        "activity.endDate": ("Laatste datum", "Last date"),
        "field.title": ("Naam", "Name"),
        "field.organiser": ("Organisator", "Organiser"),
        "field.placeName": ("Plek", "Place"),
        "field.starts": ("Van", "From"),
        "field.ends": ("Tot", "Until"),
        "field.capacity": ("Aantal plaatsen", "Places"),
        "field.day": ("Activiteit", "Activity"),
        "problem.activity.buurt": ("kies een buurt (BU-code)", "choose a neighbourhood (BU code)"),
        "problem.activity.capacity": ("moet een aantal tussen 1 en 10000 zijn", "must be a number between 1 and 10000"),
        "problem.activity.noSuchDay": ("op die dag is deze activiteit er niet", "the activity is not on that day"),
        "problem.activity.alreadySignedUp": (
            "is al geboekt: deze bewoner staat op die dag al op de lijst",
            "is taken: this resident is on that day's list already"
        ),
        "problem.activity.full": ("is vol: kies een andere dag", "is full: choose another day"),
        "problem.activity.endedToday": (
            "is al voorbij: de activiteit van vandaag is afgelopen", "has passed: today's activity is over"
        ),
        "conflict.activity.alreadySignedUp": (
            "Deze bewoner is voor die dag al aangemeld.", "This resident is already signed up for that day."
        ),
        "conflict.activity.full": ("Deze activiteit is op die dag vol.", "This activity is full on that day."),
        "conflict.activity.notYet": (
            "Aanwezigheid kan pas op de dag zelf worden ingevuld.", "Attendance can be recorded from the day itself."
        ),
        "timeline.activity.signup": ("Aangemeld voor een activiteit", "Signed up for an activity"),
        "timeline.activity.attended": ("Deelgenomen aan een activiteit", "Took part in an activity"),
        "timeline.activity.absent": ("Niet gekomen naar een activiteit", "Did not come to an activity"),
        "nav.signals": ("Signalen", "Signals"),
        "common.all": ("Alle", "All"),
        "common.filter": ("Filteren", "Filter"),
        "common.remove": ("Verwijderen", "Remove"),
        "home.signals": ("{0}: {1} open signalen", "{0}: {1} open signals"),
        "home.overdue": ("{0} te laat", "{0} overdue"),
        "field.acuteDays": ("Acuut: werkdagen", "Acute: working days"),
        "field.highDays": ("Hoog: werkdagen", "High: working days"),
        "field.normalDays": ("Normaal: werkdagen", "Normal: working days"),
        "field.area": ("Gebied (CBS-code)", "Area (CBS code)"),
        "field.domain": ("Leefgebied", "Life domain"),
        "field.domains": ("Leefgebieden", "Life domains"),
        "field.followUp": ("Vervolgafspraken", "Follow-up agreements"),
        "field.instruction": ("Wat moet er gebeuren?", "What should be done?"),
        "field.minimumUrgency": ("Minimale urgentie", "Minimum urgency"),
        "field.observation": ("Wat heb je gezien of gehoord?", "What did you see or hear?"),
        "field.reason": ("Toelichting", "Explanation"),
        "field.reasoning": ("Overwegingen", "Reasoning"),
        "field.urgency": ("Urgentie", "Urgency"),
        "field.teamID": ("Team", "Team"),
        "field.assigneeID": ("Behandelaar", "Handler"),
        "field.targetID": ("Samenvoegen met", "Merge into"),
        "field.consultedWith": ("Overlegd met", "Consulted with"),
        "field.answers": ("Afwegingskader", "Decision framework"),
        "field.step": ("Stap", "Step"),
        "field.event": ("Volgende stap", "Next step"),
        "field.contactMomentID": ("Contactmoment", "Contact moment"),
        "problem.signal.residentOrAddress": (
            "kies een bewoner of vul een adres in", "choose a resident or enter an address"
        ),
        "problem.signal.domainRequired": ("kies minstens één leefgebied", "choose at least one life domain"),
        "problem.signal.addressUnknown": (
            "dit adres staat niet in het adressenbestand", "this address is not in the address register"
        ),
        "problem.signal.momentOfOtherResident": ("hoort bij een andere bewoner", "belongs to another resident"),
        "problem.signal.assigneeNotInTeam": ("hoort niet bij het team van dit signaal", "is not in this signal's team"),
        "problem.signal.assigneeNotHandler": (
            "behandelt geen signalen; kies een sociaal werker of coördinator.",
            "does not handle signals; choose a social worker or coordinator."
        ),
        "problem.signal.notAskable": (
            "kan niet gevraagd worden om langs te gaan.", "cannot be asked to go and look."
        ),
        "problem.signal.meldcodeAssignee": (
            "een meldcodesignaal gaat naar een professional", "a meldcode signal goes to a professional"
        ),
        "problem.signal.mergeSelf": ("kies een ander signaal", "choose another signal"),
        "problem.signal.mergeOtherResident": ("gaat over een andere bewoner", "is about another resident"),
        "problem.signal.deadlineRange": ("moet tussen 0 en 30 liggen", "must be between 0 and 30"),
        "problem.signal.deadlineOrder": (
            "mag niet langer zijn dan bij een lagere urgentie", "may not be longer than for a lower urgency"
        ),
        "problem.meldcode.unanswered": (
            "mist nog een antwoord op vraag {0}", "still lacks an answer to question {0}"
        ),
        "conflict.meldcode.undecided": (
            "Een meldcodesignaal sluit pas na het besluit in stap 5.",
            "A meldcode signal closes only after the decision in step 5."
        ),
        "conflict.meldcode.notMeldcode": (
            "Dit signaal volgt de meldcode niet.", "This signal does not follow the meldcode."
        ),
        "conflict.transition": ("Van ‘{0}’ naar ‘{1}’ kan niet.", "Cannot go from ‘{0}’ to ‘{1}’."),
        "signal.new": ("Signaal melden", "Raise a signal"),
        "signal.submit": ("Signaal doorgeven", "Send signal"),
        "signal.sent": ("Signaal doorgegeven", "Signal sent"),
        "signal.sentText": (
            "Dank je. Het team dat bij deze bewoner hoort pakt het op; je ziet bij ‘Mijn meldingen’ wanneer dat gebeurd is.",
            "Thank you. The team responsible for this resident picks it up; ‘My signals’ shows when that has happened."
        ),
        "signal.acute.title": ("Direct gevaar? Eerst handelen:", "Immediate danger? Act first:"),
        "signal.acute.112": ("Levensgevaar of een misdrijf nu: bel", "Danger to life or a crime now: call"),
        "signal.acute.veiligThuis": (
            "Huiselijk geweld of kindermishandeling: Veilig Thuis, dag en nacht:",
            "Domestic violence or child abuse: Veilig Thuis, day and night:"
        ),
        "signal.about": ("Over: {0}", "About: {0}"),
        "signal.addressOnly": ("Naam onbekend? Vul het adres in.", "Name unknown? Enter the address."),
        "quick.Post stapelt zich op": ("Post stapelt zich op", "Post is piling up"),
        "quick.Schulden of aanmaningen": ("Schulden of aanmaningen", "Debts or reminders"),
        "quick.Geen geld voor eten": ("Geen geld voor eten", "No money for food"),
        "quick.Huis is erg vervuild": ("Huis is erg vervuild", "Home is very dirty"),
        "quick.Dreigt huis uit te moeten": ("Dreigt huis uit te moeten", "May have to leave the home"),
        "quick.Lijkt vergeetachtig of verward": ("Lijkt vergeetachtig of verward", "Seems forgetful or confused"),
        "quick.Lijkt somber": ("Lijkt somber", "Seems low"),
        "quick.Lijkt ziek of valt af": ("Lijkt ziek of valt af", "Seems ill or losing weight"),
        "quick.Is gevallen": ("Is gevallen", "Has fallen"),
        "quick.Ziet niemand, lijkt eenzaam": ("Ziet niemand, lijkt eenzaam", "Sees nobody, seems lonely"),
        "quick.Geen eten in huis": ("Geen eten in huis", "No food in the house"),
        "quick.Redt het huishouden niet": ("Redt het huishouden niet", "Cannot manage the household"),
        "quick.Spanning of ruzie thuis": ("Spanning of ruzie thuis", "Tension or quarrels at home"),
        "quick.Drinkt veel": ("Drinkt veel", "Drinks a lot"),
        "signal.unknownResident": ("Naam onbekend", "Name unknown"),
        "signal.quick": ("Veel gezien (tik aan wat past)", "Often seen (tick what fits)"),
        "signal.moreDomains": ("Andere leefgebieden", "Other life domains"),
        "signal.meldcodeCheck": (
            "Vermoeden van huiselijk geweld of kindermishandeling (meldcode)",
            "Suspicion of domestic violence or child abuse (meldcode)"
        ),
        "signal.meldcode": ("Meldcode", "Meldcode"),
        "signal.overdue": ("Te laat", "Overdue"),
        "signal.overdueOnly": ("Alleen te laat", "Overdue only"),
        "signal.nameUnknown": ("Naam onbekend", "Name unknown"),
        "signal.inbox": ("Signalen", "Signals"),
        "signal.inboxEmpty": ("Geen signalen die aan dit filter voldoen.", "No signals match this filter."),
        "signal.list": ("Lijst", "List"),
        "signal.assignedToMe": ("Aan mij toegewezen", "Assigned to me"),
        "signal.allOpen": ("Alle open", "All open"),
        "signal.noDomain": ("Leefgebied nog te bepalen", "Life domain to be set"),
        "signal.raisedDue": ("Gemeld {0} · oppakken vóór {1}", "Raised {0} · pick up by {1}"),
        "signal.assignee": ("bij {0}", "with {0}"),
        "signal.mine": ("Mijn meldingen", "My signals"),
        "signal.reportedIntro": (
            "Wat er met jouw meldingen gebeurd is. De inhoud van het dossier blijft bij de professionals.",
            "What happened to your signals. The file itself stays with the professionals."
        ),
        "signal.reportedEmpty": ("Je hebt nog geen signalen gemeld.", "You have not raised any signals yet."),
        "signal.statistics": ("Signalen in cijfers", "Signals in numbers"),
        "signal.statsIntro": ("Alleen aantallen, zonder personen.", "Counts only, without persons."),
        "signal.count": ("Aantal", "Count"),
        "signal.title": ("Signaal", "Signal"),
        "signal.raisedOn": ("Gemeld op {0}", "Raised on {0}"),
        "signal.subject": ("Over", "About"),
        "signal.raisedBy": ("Gemeld door", "Raised by"),
        "signal.due": ("Oppakken vóór", "Pick up by"),
        "signal.escalated": ("gemeld bij de coördinator", "escalated to the coordinator"),
        "signal.team": ("Team", "Team"),
        "signal.assigneeLabel": ("Behandelaar", "Handler"),
        "signal.toResident": ("Naar het dossier van de bewoner", "To the resident's file"),
        "signal.actions": ("Opvolgen", "Follow up"),
        "signal.next": ("Volgende stap", "Next step"),
        "signal.apply": ("Vastleggen", "Record"),
        "signal.reassign": ("Toewijzen", "Assign"),
        "signal.merge": ("Samenvoegen (dubbel signaal)", "Merge (duplicate)"),
        "signal.mergeInto": ("Samenvoegen met", "Merge into"),
        "signal.checkAgain": ("Nakijken vragen", "Ask to check again"),
        "signal.taskFor": ("Wie kijkt?", "Who checks?"),
        "signal.instructionHint": (
            "Bijvoorbeeld: kijk donderdag even of het beter gaat.",
            "For example: see on Thursday whether things are better."
        ),
        "signal.addTask": ("Vraag versturen", "Send request"),
        "signal.tasks": ("Nakijken", "Check again"),
        "signal.taskDone": ("gedaan {0}", "done {0}"),
        "signal.history": ("Verloop", "History"),
        "signal.system": ("Schakel", "Schakel"),
        "signal.section": ("Signalen", "Signals"),
        "signal.sectionEmpty": ("Geen signalen.", "No signals."),
        "signal.settings": ("Signalen: instellingen", "Signals: settings"),
        "signal.deadlines": ("Termijnen", "Deadlines"),
        "signal.deadlinesIntro": (
            "Binnen hoeveel werkdagen een signaal opgepakt moet zijn (0 = dezelfde dag). Weekenden en feestdagen tellen niet mee.",
            "Within how many working days a signal must be picked up (0 = the same day). Weekends and public holidays do not count."
        ),
        "signal.rules": ("Routeringsregels", "Routing rules"),
        "signal.rulesIntro": (
            "De eerste regel die past bepaalt het team (en eventueel de behandelaar); past er geen, dan gaat het signaal naar het team van de buurt.",
            "The first matching rule decides the team (and handler); if none matches, the signal goes to the neighbourhood's team."
        ),
        "signal.rulesEmpty": (
            "Geen regels: signalen gaan naar het team van de buurt.",
            "No rules: signals go to the neighbourhood's team."
        ),
        "signal.areaHint": ("Bijvoorbeeld WK030701; leeg is overal.", "For example WK030701; empty is everywhere."),
        "signal.addRule": ("Regel toevoegen", "Add rule"),
        "tasks.title": ("Even nakijken", "Check again"),
        "tasks.note": ("Wat zag je?", "What did you see?"),
        "tasks.done": ("Gedaan", "Done"),
        "urgency.normal": ("Normaal", "Normal"),
        "urgency.high": ("Hoog", "High"),
        "urgency.acute": ("Acuut", "Acute"),
        "state.new": ("nieuw", "new"),
        "state.triaged": ("beoordeeld", "triaged"),
        "state.in_follow_up": ("in opvolging", "in follow-up"),
        "state.waiting_reporter": ("wacht op melder", "waiting for reporter"),
        "state.waiting_resident": ("wacht op bewoner", "waiting for resident"),
        "state.closed": ("gesloten", "closed"),
        "state.ended": ("beëindigd", "ended"),
        "state.withdrawn": ("ingetrokken", "withdrawn"),
        "state.task_done": ("gedaan", "done"),
        "state.meldcode_step_0": ("meldcode niet begonnen", "meldcode not started"),
        "state.meldcode_step_1": ("meldcode stap 1", "meldcode step 1"),
        "state.meldcode_step_2": ("meldcode stap 2", "meldcode step 2"),
        "state.meldcode_step_3": ("meldcode stap 3", "meldcode step 3"),
        "state.meldcode_step_4": ("meldcode stap 4", "meldcode step 4"),
        "state.meldcode_step_5": ("meldcode stap 5", "meldcode step 5"),
        "state.meldcode_decided": ("meldcode besloten", "meldcode decided"),
        "event.triage": ("Beoordelen en oppakken", "Triage and pick up"),
        "event.start_follow_up": ("Opvolging starten", "Start follow-up"),
        "event.wait_for_reporter": ("Wachten op de melder", "Wait for the reporter"),
        "event.wait_for_resident": ("Wachten op de bewoner", "Wait for the resident"),
        "event.resume": ("Verder met opvolging", "Resume follow-up"),
        "event.close": ("Afsluiten", "Close"),
        "outcome.referred": ("doorverwezen", "referred"),
        "outcome.help_accepted": ("hulp aanvaard", "help accepted"),
        "outcome.no_concern": ("geen zorg", "no concern"),
        "outcome.resident_declined": ("bewoner wil geen hulp", "resident declined"),
        "outcome.moved": ("verhuisd", "moved"),
        "outcome.deceased": ("overleden", "deceased"),
        "outcome.reported_veilig_thuis": ("gemeld bij Veilig Thuis", "reported to Veilig Thuis"),
        "outcome.merged": ("samengevoegd", "merged"),
        "neutral.help_arranged": ("er is hulp in gang gezet", "help has been arranged"),
        "neutral.no_further_action": ("bekeken, geen verdere actie nodig", "looked into, no further action needed"),
        "neutral.closed": ("afgesloten", "closed"),
        "neutral.merged": ("samengevoegd met een ander signaal", "merged with another signal"),
        "reporterStatus.received": ("Ontvangen, nog niet opgepakt", "Received, not yet picked up"),
        "reporterStatus.picked_up": ("Opgepakt", "Picked up"),
        "reporterStatus.closed": ("Afgerond", "Closed"),
        "history.raised": ("gemeld", "raised"),
        "history.triage": ("beoordeeld", "triaged"),
        "history.start_follow_up": ("opvolging gestart", "follow-up started"),
        "history.wait_for_reporter": ("wacht op melder", "waiting for reporter"),
        "history.wait_for_resident": ("wacht op bewoner", "waiting for resident"),
        "history.resume": ("opvolging hervat", "follow-up resumed"),
        "history.close": ("afgesloten", "closed"),
        "history.merge": ("samengevoegd", "merged"),
        "history.merged_from": ("dubbel signaal hierin samengevoegd", "duplicate merged into this one"),
        "history.assign": ("toegewezen", "assigned"),
        "history.reroute": ("opnieuw gerouteerd", "rerouted"),
        "history.escalate": ("te laat, gemeld bij de coördinator", "overdue, escalated to the coordinator"),
        "history.task": ("nakijken gevraagd", "check-again requested"),
        "history.task_done": ("nagekeken", "checked again"),
        "history.meldcode": ("meldcodestap vastgelegd", "meldcode step recorded"),
        "history.meldcodeStep": ("meldcodestap {0} vastgelegd", "meldcode step {0} recorded"),
        "domain.financien": ("Financiën", "Finances"),
        "domain.werk_opleiding": ("Werk & opleiding", "Work & education"),
        "domain.tijdsbesteding": ("Tijdsbesteding", "Use of time"),
        "domain.huisvesting": ("Huisvesting", "Housing"),
        "domain.huiselijke_relaties": ("Huiselijke relaties", "Domestic relations"),
        "domain.geestelijke_gezondheid": ("Geestelijke gezondheid", "Mental health"),
        "domain.lichamelijke_gezondheid": ("Lichamelijke gezondheid", "Physical health"),
        "domain.middelengebruik": ("Middelengebruik", "Substance use"),
        "domain.basale_adl": ("Basale ADL", "Basic ADL"),
        "domain.instrumentele_adl": ("Instrumentele ADL", "Instrumental ADL"),
        "domain.sociaal_netwerk": ("Sociaal netwerk", "Social network"),
        "domain.maatschappelijke_participatie": ("Maatschappelijke participatie", "Participation in society"),
        "domain.justitie": ("Justitie", "Justice"),
        "meldcode.title": (
            "Meldcode huiselijk geweld en kindermishandeling", "Reporting code for domestic violence and child abuse"
        ),
        "meldcode.intro": (
            "Vijf stappen, elk met wie, wanneer en waarom. Het signaal sluit pas na het besluit in stap 5.",
            "Five steps, each with who, when and why. The signal closes only after the decision in step 5."
        ),
        "meldcode.step.1": ("Stap 1: signalen in kaart brengen", "Step 1: map the signals"),
        "meldcode.step.2": (
            "Stap 2: collegiale consultatie en zo nodig Veilig Thuis raadplegen",
            "Step 2: consult a colleague and, if needed, Veilig Thuis"
        ),
        "meldcode.step.3": ("Stap 3: gesprek met de cliënt", "Step 3: talk with the client"),
        "meldcode.step.4": ("Stap 4: aard en ernst wegen", "Step 4: weigh nature and severity"),
        "meldcode.step.5": ("Stap 5: beslissen met het afwegingskader", "Step 5: decide with the decision framework"),
        "meldcode.help.1": (
            "Leg feitelijk vast wat is gezien en gehoord.", "Record factually what was seen and heard."
        ),
        "meldcode.help.2": ("Met wie is overlegd en wat was het advies?", "Who was consulted and what was the advice?"),
        "meldcode.help.3": (
            "Sla het gesprek alleen over als het iemand in gevaar brengt, en zeg waarom.",
            "Skip the conversation only if it endangers someone, and say why."
        ),
        "meldcode.help.4": (
            "Weeg het risico, de aard en de ernst; bij twijfel met Veilig Thuis.",
            "Weigh risk, nature and severity; with Veilig Thuis when in doubt."
        ),
        "meldcode.help.5": (
            "Beantwoord de vragen op volgorde; het antwoord dat beslist bepaalt de uitkomst.",
            "Answer the questions in order; the deciding answer sets the outcome."
        ),
        "meldcode.question.1": (
            "1. Is er na stap 1 t/m 4 een vermoeden van huiselijk geweld of kindermishandeling?",
            "1. After steps 1–4, is there a suspicion of domestic violence or child abuse?"
        ),
        "meldcode.question.2": (
            "2. Is er sprake van acute of structurele onveiligheid?", "2. Is there acute or structural unsafety?"
        ),
        "meldcode.question.3": (
            "3. Ben ik in staat effectieve hulp te bieden of te organiseren?",
            "3. Can I offer or organise effective help?"
        ),
        "meldcode.question.4": ("4. Aanvaarden de betrokkenen de hulp?", "4. Do those involved accept the help?"),
        "meldcode.question.5": (
            "5. Leidt de hulp binnen de afgesproken termijn tot de nodige veiligheid?",
            "5. Does the help lead to the necessary safety within the agreed term?"
        ),
        "meldcode.decision.no_suspicion": ("Besluit: geen vermoeden, afsluiten", "Decision: no suspicion, close"),
        "meldcode.decision.report_veilig_thuis": (
            "Besluit: melden bij Veilig Thuis (0800-2000)", "Decision: report to Veilig Thuis (0800-2000)"
        ),
        "meldcode.decision.offer_help": (
            "Besluit: hulp bieden met vervolgafspraken", "Decision: offer help with follow-up agreements"
        ),
        "meldcode.consultee.colleague": ("collega", "colleague"),
        "meldcode.consultee.veilig_thuis": ("Veilig Thuis", "Veilig Thuis"),
        "meldcode.consultee.both": ("collega en Veilig Thuis", "colleague and Veilig Thuis"),
        "meldcode.consultedWith": ("Overlegd met {0}", "Consulted with {0}"),
        "meldcode.consultedWithLabel": ("Overlegd met", "Consulted with"),
        "meldcode.skip": (
            "Gesprek overgeslagen: het zou iemand in gevaar brengen", "Conversation skipped: it would endanger someone"
        ),
        "meldcode.skipped": ("Gesprek overgeslagen", "Conversation skipped"),
        "meldcode.record": ("Stap vastleggen", "Record step"),
        "meldcode.decided": ("{0}", "{0}"),
        "timeline.signal.raised": ("Signaal gemeld", "Signal raised"),
        "timeline.signal.triaged": ("Signaal beoordeeld", "Signal triaged"),
        "timeline.signal.in_follow_up": ("Signaal in opvolging", "Signal in follow-up"),
        "timeline.signal.waiting_reporter": ("Signaal wacht op melder", "Signal waits for reporter"),
        "timeline.signal.waiting_resident": ("Signaal wacht op bewoner", "Signal waits for resident"),
        "timeline.signal.closed": ("Signaal afgesloten", "Signal closed"),
        "timeline.signal.merged": ("Dubbel signaal samengevoegd", "Duplicate signal merged"),
        "timeline.meldcode.signal.raised": ("Meldcodesignaal gemeld", "Meldcode signal raised"),
        "timeline.meldcode.signal.triaged": ("Meldcodesignaal beoordeeld", "Meldcode signal triaged"),
        "timeline.meldcode.signal.in_follow_up": ("Meldcodesignaal in opvolging", "Meldcode signal in follow-up"),
        "timeline.meldcode.signal.waiting_reporter": (
            "Meldcodesignaal wacht op melder", "Meldcode signal waits for reporter"
        ),
        "timeline.meldcode.signal.waiting_resident": (
            "Meldcodesignaal wacht op bewoner", "Meldcode signal waits for resident"
        ),
        "timeline.meldcode.signal.closed": ("Meldcodesignaal afgesloten", "Meldcode signal closed"),
        "timeline.meldcode.signal.merged": ("Dubbel meldcodesignaal samengevoegd", "Duplicate meldcode signal merged"),
        "timeline.task.done": ("Nagekeken aan de deur", "Checked again at the door"),

        // Referrals
        "nav.referrals": ("Verwijzingen", "Referrals"),
        "referral.title": ("Verwijzing", "Referral"),
        "referral.new": ("Doorverwijzen", "Refer"),
        "referral.refer": ("Doorverwijzen", "Refer"),
        "referral.referAgain": ("Naar een andere dienst verwijzen", "Refer to another service"),
        "referral.about": ("Bewoner: {0}", "Resident: {0}"),
        "referral.toService": ("Doorverwijzen naar {0}", "Refer to {0}"),
        "referral.findResident": ("Welke bewoner? Zoek op naam", "Which resident? Search by name"),
        "referral.noResidentFound": (
            "Geen bewoner gevonden die u mag doorverwijzen.", "No resident found whom you may refer."
        ),
        "referral.fromSignal": (
            "Deze verwijzing hoort bij het signaal. Het signaal laat de verwijzing zien.",
            "This referral belongs to the signal. The signal shows the referral."
        ),
        "referral.service": ("Dienst op de sociale kaart", "Service on the social map"),
        "referral.noService": ("— geen dienst, kies een organisatie —", "— no service, choose an organisation —"),
        "referral.onlyLogged": ("niet in Schakel: alleen vastleggen", "not in Schakel: log only"),
        "referral.organisation": (
            "Of een organisatie (als geen dienst past)", "Or an organisation (when no service fits)"
        ),
        "referral.mode": ("Soort verwijzing", "Kind of referral"),
        "referralMode.live": (
            "Doorsturen: de organisatie krijgt de verwijzing en antwoordt",
            "Send: the organisation receives the referral and answers"
        ),
        "referralMode.logged": (
            "Alleen vastleggen: de bewoner is gewezen op de hulp, niemand hoeft iets te doen",
            "Log only: the resident was pointed to the help, nobody needs to act"
        ),
        "referral.question": ("De vraag, in de woorden van de bewoner", "The question, in the resident's words"),
        "referral.contactMethod": ("Hoe neemt de organisatie contact op?", "How should the organisation make contact?"),
        "contactMethod.phone": ("Bellen", "Phone"),
        "contactMethod.letter": ("Brief", "Letter"),
        "contactMethod.via_referrer": ("Via de verwijzer", "Through the referrer"),
        "contactMethod.joint_visit": ("Samen op bezoek (warme overdracht)", "Joint visit (warm handover)"),
        "referral.shares": ("Wat gaat er mee met de verwijzing?", "What goes with the referral?"),
        "referral.sharesAlways": (
            "Naam, adres, telefoon en voorkeurstaal gaan altijd mee. Verder niets uit het dossier.",
            "Name, address, phone and preferred language always go. Nothing else from the file."
        ),
        "share.date_of_birth": ("Geboortedatum", "Date of birth"),
        "share.household": ("Wie er in het huishouden wonen", "Who lives in the household"),
        "share.door_notes": ("Aanwijzingen voor aan de deur", "Notes for at the door"),
        "share.signal_observation": ("Wat er is gezien (uit het signaal)", "What was seen (from the signal)"),
        "referral.consent": ("Toestemming van de bewoner", "The resident's consent"),
        "referral.consentNone": (
            "Er is nog geen toestemming voor doorverwijzing vastgelegd.",
            "No consent for referral has been recorded yet."
        ),
        "referral.consentCovers": (
            "Toestemming voor doorverwijzing is vastgelegd voor: {0}.", "Consent for referral is recorded for: {0}."
        ),
        "referral.consentAsRecorded": (
            "Zoals vastgelegd (of niet nodig: eigen organisatie)", "As recorded (or not needed: own organisation)"
        ),
        "referral.consentNow.verbal": (
            "De bewoner geeft nu mondeling toestemming (ik leg het vast)",
            "The resident gives consent now, verbally (I record it)"
        ),
        "referral.consentNow.paper": (
            "De bewoner heeft op papier toestemming gegeven (ik leg het vast)",
            "The resident gave consent on paper (I record it)"
        ),
        "referral.consentAtSend": (
            "Is de toestemming nog niet vastgelegd? Leg die nu vast, of kies een wettelijke grond.",
            "Consent not recorded yet? Record it now, or choose a legal ground."
        ),
        "referral.override": ("Zonder toestemming versturen", "Send without consent"),
        "referral.overrideIntro": (
            "Alleen met een wettelijke grond. De verwijzing krijgt een markering; de partner en de coördinator zien die.",
            "Only on a legal ground. The referral is marked; the partner and the coordinator see it."
        ),
        "referral.overrideGround": ("Wettelijke grond", "Legal ground"),
        "referral.overrideReason": ("Waarom kan het niet wachten?", "Why can it not wait?"),
        "referral.language": ("Voorkeurstaal", "Preferred language"),
        "legalGround.acute_danger": (
            "Acuut gevaar voor de bewoner of anderen", "Acute danger to the resident or others"
        ),
        "legalGround.meldrecht": (
            "Meldrecht (huiselijk geweld, kindermishandeling)", "Right to report (domestic violence, child abuse)"
        ),
        "legalGround.legal_duty": ("Wettelijke taak van de organisatie", "Legal duty of the organisation"),
        "referral.keepDraft": ("Nog niet versturen, bewaren als concept", "Do not send yet, keep as draft"),
        "referral.submit": ("Verwijzing opslaan", "Save referral"),
        "referral.inbox": ("Binnengekomen", "Inbox"),
        "referral.sentTitle": ("Mijn verwijzingen", "My referrals"),
        "referral.section": ("Verwijzingen", "Referrals"),
        "referral.none": ("Geen verwijzingen.", "No referrals."),
        "referral.allOpen": ("Alle open", "All open"),
        "referral.overdue": ("Te laat", "Overdue"),
        "referral.overdueOnly": ("Alleen te laat", "Overdue only"),
        "referral.mineOnly": ("Alleen aan mij gegeven", "Given to me only"),
        "referral.escalated": ("Bij de coördinator gemeld", "Escalated to the coordinator"),
        "referral.withoutConsent": ("Zonder toestemming verstuurd", "Sent without consent"),
        "referral.sentOn": ("verstuurd {0}", "sent {0}"),
        "referral.answerDue": ("antwoord uiterlijk {0}", "answer by {0}"),
        "referral.contactDue": ("eerste contact uiterlijk {0}", "first contact by {0}"),
        "referral.assignedTo": ("bij {0}", "with {0}"),
        "referral.by": ("Verwezen door", "Referred by"),
        "referral.contactVia": ("Contact via", "Contact by"),
        "referralModeShort.live": ("Doorgestuurd", "Sent on"),
        "referralModeShort.logged": ("Alleen vastgelegd", "Logged only"),
        "referral.referredBy": ("verwezen door {0}", "referred by {0}"),
        "referral.resident": ("Bewoner", "Resident"),
        "referral.to": ("Naar", "To"),
        "referral.sent": ("Verstuurd", "Sent"),
        "referral.answerBy": ("Antwoord uiterlijk", "Answer by"),
        "referral.contactBy": ("Eerste contact uiterlijk", "First contact by"),
        "referral.assignee": ("Behandelaar", "Handled by"),
        "referral.firstContact": ("Eerste contact", "First contact"),
        "referral.declineReason": ("Reden van afwijzen", "Reason for declining"),
        "referral.closeReason": ("Reden van afsluiten", "Reason for closing"),
        "referral.declinedChooseOther": (
            "De organisatie heeft de verwijzing afgewezen. Kies een andere dienst voor de bewoner.",
            "The organisation declined the referral. Choose another service for the resident."
        ),
        "referral.contact": ("Contactgegevens", "Contact details"),
        "referral.contactEnded": (
            "De verwijzing is afgerond. De contactgegevens van de bewoner zijn niet meer zichtbaar.",
            "The referral has ended. The resident's contact details are no longer shown."
        ),
        "referral.next": ("Volgende stap", "Next step"),
        "referral.note": ("Toelichting voor de verwijzer", "Note for the referrer"),
        "referral.contactDate": ("Datum van het eerste contact", "Date of first contact"),
        "referral.contactHow": ("Hoe was het contact?", "How was the contact?"),
        "referral.assign": ("Aan een collega geven", "Give to a colleague"),
        "referral.messages": ("Berichten", "Messages"),
        "referral.noMessages": ("Nog geen berichten.", "No messages yet."),
        "referral.message": ("Bericht", "Message"),
        "referral.sendMessage": ("Bericht sturen", "Send message"),
        "referralEvent.send": ("Versturen", "Send"),
        "referralEvent.accept": ("Accepteren", "Accept"),
        "referralEvent.decline": ("Afwijzen", "Decline"),
        "referralEvent.first_contact": ("Eerste contact vastleggen", "Log first contact"),
        "referralEvent.complete": ("Afronden", "Complete"),
        "referralEvent.close": ("Afsluiten zonder hulp", "Close without help"),
        "referralEvent.withdraw": ("Verwijzing intrekken", "Withdraw referral"),
        "declineReason.no_capacity": ("Geen plek of te lange wachttijd", "No capacity or too long a wait"),
        "declineReason.not_eligible": ("Valt buiten onze doelgroep", "Not eligible"),
        "declineReason.other_service_fits": ("Een andere dienst past beter", "Another service fits better"),
        "declineReason.already_known": ("Is al bij ons in zorg", "Already in our care"),
        "declineReason.resident_refused": ("De bewoner wil het niet", "The resident does not want it"),
        "declineReason.other": ("Andere reden (zie toelichting)", "Other reason (see note)"),
        "closeReason.no_show": ("Niet op de afspraak gekomen", "Did not show up"),
        "closeReason.resident_withdrew": ("De bewoner ziet ervan af", "The resident withdrew"),
        "closeReason.unreachable": ("Niet bereikbaar", "Could not be reached"),
        "closeReason.moved": ("Verhuisd", "Moved"),
        "referralOutcome.helped": ("Geholpen", "Helped"),
        "referralOutcome.partly": ("Deels geholpen", "Partly helped"),
        "referralOutcome.not_helped": ("Niet geholpen", "Not helped"),
        "state.draft": ("concept", "draft"),
        "state.sent": ("verstuurd", "sent"),
        "state.received": ("ontvangen", "received"),
        "state.accepted": ("geaccepteerd", "accepted"),
        "state.declined": ("afgewezen", "declined"),
        "state.in_contact": ("in contact", "in contact"),
        "state.completed": ("afgerond", "completed"),
        "state.logged": ("vastgelegd", "logged"),
        "referralReporter.referred": ("Doorverwezen", "Referred"),
        "referralReporter.picked_up": ("Doorverwezen en opgepakt", "Referred and picked up"),
        "referralReporter.done": ("Doorverwezen en afgerond", "Referred and completed"),
        "referralReporter.stopped": ("Doorverwijzing gestopt", "Referral stopped"),
        "referralHistory.created": ("aangemaakt", "created"),
        "referralHistory.logged": ("vastgelegd", "logged"),
        "referralHistory.send": ("verstuurd", "sent"),
        "referralHistory.receive": ("geopend door de organisatie", "opened by the organisation"),
        "referralHistory.accept": ("geaccepteerd", "accepted"),
        "referralHistory.decline": ("afgewezen", "declined"),
        "referralHistory.first_contact": ("eerste contact", "first contact"),
        "referralHistory.complete": ("afgerond", "completed"),
        "referralHistory.close": ("afgesloten", "closed"),
        "referralHistory.withdraw": ("ingetrokken", "withdrawn"),
        "referralHistory.assign": ("aan een collega gegeven", "given to a colleague"),
        "referralHistory.escalate": (
            "te laat beantwoord, gemeld bij de coördinator", "not answered in time, escalated to the coordinator"
        ),
        "referralHistory.contact_overdue": ("geen eerste contact op tijd", "no first contact in time"),
        "referralHistory.consent_withdrawn": (
            "gestopt: de bewoner heeft de toestemming ingetrokken", "stopped: the resident withdrew consent"
        ),
        "history.referral": ("doorverwezen", "referred"),
        "timeline.referral.draft": ("Verwijzing als concept bewaard", "Referral kept as draft"),
        "timeline.referral.sent": ("Doorverwezen", "Referred"),
        "timeline.referral.logged": ("Gewezen op hulp (vastgelegd)", "Pointed to help (logged)"),
        "timeline.referral.received": ("Verwijzing geopend door de organisatie", "Referral opened by the organisation"),
        "timeline.referral.accepted": ("Verwijzing geaccepteerd", "Referral accepted"),
        "timeline.referral.declined": ("Verwijzing afgewezen", "Referral declined"),
        "timeline.referral.in_contact": ("Eerste contact na verwijzing", "First contact after referral"),
        "timeline.referral.completed": ("Verwijzing afgerond", "Referral completed"),
        "timeline.referral.closed": ("Verwijzing afgesloten zonder hulp", "Referral closed without help"),
        "timeline.referral.withdrawn": ("Verwijzing ingetrokken", "Referral withdrawn"),
        "timeline.resident.transferred": ("Verantwoordelijkheid overgedragen", "Responsibility transferred"),
        "map.responsiveness": ("Reactie op verwijzingen", "Response to referrals"),
        "map.tooFewReferrals": ("Nog te weinig verwijzingen", "Too few referrals yet"),
        "map.answersIn": ("antwoordt meestal binnen {0} werkdagen", "usually answers within {0} working days"),
        "map.acceptedShare": ("{0} % geaccepteerd", "{0} % accepted"),
        "map.contactIn": ("eerste contact na {0} werkdagen", "first contact after {0} working days"),
        "map.referralCount": ("({0} verwijzingen in 180 dagen)", "({0} referrals in 180 days)"),
        "consentPurpose.referral": ("Doorverwijzen en gegevens delen", "Referral and sharing data"),
        "consentPurpose.household_plan": ("Eén plan voor het huishouden", "One household plan"),
        "consentPurpose.peer_support": ("Steun van een ervaringsdeskundige", "Support by an experience expert"),
        "consentPurpose.volunteer_contact": ("Contact met een vrijwilliger", "Contact by a volunteer"),
        "consentPurpose.other": ("Anders", "Other"),
        "consentRecording.verbal": ("Mondeling", "Verbally"),
        "consentRecording.paper": ("Op papier", "On paper"),
        "resident.consentNote": (
            "In de woorden van de bewoner of met een grens", "In the resident's words or with a limit"
        ),
        "resident.consentRecording": ("Hoe gegeven?", "How was it given?"),
        "transfer.title": ("Verantwoordelijkheid overdragen", "Transfer responsibility"),
        "transfer.intro": (
            "Het andere team wordt verantwoordelijk, bijvoorbeeld na een verhuizing. Wie toegang heeft, verandert mee.",
            "The other team becomes responsible, for example after a move. Who has access changes with it."
        ),
        "transfer.current": ("Nu verantwoordelijk: {0}", "Responsible now: {0}"),
        "transfer.team": ("Naar team", "To team"),
        "transfer.reason": ("Waarom?", "Why?"),
        "transfer.consent": (
            "Hoort het team bij een andere organisatie? Dan is toestemming voor doorverwijzen naar die organisatie nodig.",
            "Does the team belong to another organisation? Then consent for referral to that organisation is needed."
        ),
        "transfer.submit": ("Overdragen", "Transfer"),
        "field.serviceID": ("Dienst", "Service"),
        "field.organisationID": ("Organisatie", "Organisation"),
        "field.mode": ("Soort verwijzing", "Kind of referral"),
        "field.question": ("Vraag", "Question"),
        "field.contactMethod": ("Contact", "Contact"),
        "field.shares": ("Wat gaat er mee", "What goes with it"),
        "field.consent": ("Toestemming", "Consent"),
        "field.recordConsent": ("Toestemming", "Consent"),
        "field.overrideGround": ("Wettelijke grond", "Legal ground"),
        "field.overrideReason": ("Reden", "Reason"),
        "field.contactDate": ("Datum eerste contact", "Date of first contact"),
        "field.contactHow": ("Soort contact", "Kind of contact"),
        "field.message": ("Bericht", "Message"),
        "field.signalID": ("Signaal", "Signal"),
        "field.recording": ("Hoe gegeven", "How given"),
        "problem.referral.targetRequired": (
            "Kies een dienst of een organisatie.", "Choose a service or an organisation."
        ),
        "problem.referral.oneTarget": (
            "Kies een dienst óf een organisatie, niet allebei.", "Choose a service or an organisation, not both."
        ),
        "problem.referral.unknownService": (
            "Deze dienst staat niet op de sociale kaart.", "This service is not on the social map."
        ),
        "problem.referral.serviceDefunct": ("Deze dienst bestaat niet meer.", "This service no longer exists."),
        "problem.referral.notAccepting": (
            "Deze dienst neemt nu geen verwijzingen aan.", "This service does not take referrals now."
        ),
        "problem.referral.providerNotInSchakel": (
            "Deze aanbieder werkt niet in Schakel. Kies ‘Alleen vastleggen’, of verwijs naar een organisatie.",
            "This provider does not work in Schakel. Choose ‘Log only’, or refer to an organisation."
        ),
        "problem.referral.consentMissing": (
            "Er is geen toestemming van de bewoner om gegevens te delen met {0} voor een doorverwijzing. Leg de toestemming vast, of kies een wettelijke grond.",
            "There is no consent of the resident to share data with {0} for a referral. Record the consent, or choose a legal ground."
        ),
        "problem.referral.overrideReasonRequired": (
            "Schrijf op waarom u zonder toestemming verstuurt.", "Write down why you send without consent."
        ),
        "problem.referral.overrideGroundRequired": ("Kies een wettelijke grond.", "Choose a legal ground."),
        "problem.referral.consentOrOverride": (
            "Kies óf toestemming vastleggen, óf een wettelijke grond.",
            "Choose either recording consent or a legal ground."
        ),
        "problem.referral.loggedSharesNothing": (
            "Bij ‘Alleen vastleggen’ gaat er niets naar een organisatie: toestemming of een grond is niet nodig.",
            "With ‘Log only’ nothing goes to an organisation: consent or a ground is not needed."
        ),
        "problem.referral.observationWithoutSignal": (
            "Wat er is gezien kan alleen mee bij een verwijzing vanuit een signaal.",
            "What was seen can only go with a referral from a signal."
        ),
        "problem.referral.signalOfOtherResident": (
            "Dit signaal gaat niet over deze bewoner, of u behandelt het niet.",
            "This signal is not about this resident, or you do not handle it."
        ),
        "problem.referral.signalClosed": ("Dit signaal is al afgesloten.", "This signal is already closed."),
        "problem.referral.contactInFuture": (
            "Het eerste contact kan niet in de toekomst liggen.", "First contact cannot be in the future."
        ),
        "problem.referral.contactBeforeSent": (
            "Het eerste contact kan niet vóór het versturen liggen.", "First contact cannot be before sending."
        ),
        "problem.referral.daysRange": ("Kies 1 tot en met 60 werkdagen.", "Choose 1 to 60 working days."),
        "problem.referral.assigneeNotPartner": (
            "Kies een collega van de organisatie die de verwijzing krijgt.",
            "Choose a colleague of the organisation that receives the referral."
        ),
        "problem.transfer.sameTeam": ("Dit team is al verantwoordelijk.", "This team is already responsible."),
        "conflict.referral.changedMeanwhile": (
            "Iemand anders heeft deze verwijzing net gewijzigd. Bekijk hoe het nu staat en probeer het opnieuw.",
            "Someone else just changed this referral. See where it stands now and try again."
        ),
        "conflict.resident.changedMeanwhile": (
            "Iemand anders heeft dit dossier net gewijzigd. Probeer het opnieuw.",
            "Someone else just changed this file. Try again."
        ),
        "auditEvent.referral.assign": ("verwijzing aan collega gegeven", "referral given to colleague"),
        "auditEvent.referral.change": ("verwijzing gewijzigd", "referral changed"),
        "auditEvent.referral.contactOverdue": (
            "verwijzing zonder eerste contact gemarkeerd", "referral without first contact flagged"
        ),
        "auditEvent.referral.create": ("verwijzing gemaakt", "referral created"),
        "auditEvent.referral.escalate": ("verwijzing geëscaleerd", "referral escalated"),
        "auditEvent.referral.fhir": ("verwijzing als FHIR opgehaald", "referral fetched as FHIR"),
        "auditEvent.referral.list": ("verwijzing in een lijst getoond", "referral shown in a list"),
        "auditEvent.referral.message": ("bericht bij verwijzing", "message on referral"),
        "auditEvent.referral.override": ("zonder toestemming verstuurd", "sent without consent"),
        "auditEvent.referral.read": ("verwijzing gelezen", "referral read"),
        "auditEvent.referral.status": ("stand van verwijzing gezien", "referral status seen"),
        "auditEvent.resident.transfer": ("verantwoordelijkheid overgedragen", "responsibility transferred"),
        "auditObject.referral": ("verwijzing", "referral"),
        "upkeep.responseDays": (
            "Antwoordtermijn voor verwijzingen (werkdagen)", "Time to answer referrals (working days)"
        ),
        "upkeep.responseDaysHint": ("Leeg is 5 werkdagen.", "Empty is 5 working days."),
        "upkeep.contactDays": ("Termijn voor het eerste contact (werkdagen)", "Time to first contact (working days)"),
        "upkeep.contactDaysHint": (
            "Na accepteren; leeg is 10 werkdagen.", "After accepting; empty is 10 working days."
        ),
        "upkeep.answering": (
            "Organisatie in Schakel die de verwijzingen beantwoordt",
            "Organisation in Schakel that answers the referrals"
        ),
        "upkeep.answeringNone": (
            "Geen: deze aanbieder werkt niet in Schakel", "None: this provider does not work in Schakel"
        ),
        "field.responseDays": ("Antwoordtermijn", "Time to answer"),
        "field.contactDays": ("Termijn eerste contact", "Time to first contact"),
        "field.answeringOrganisationID": ("Organisatie die beantwoordt", "Answering organisation"),
    ]
}
