import Vapor

/// Every route of the web app and the API.
func routes(_ app: Application) throws {
    app.get("healthz", use: HealthController.check)
    app.get("login", use: LoginController.show)
    app.post("login", use: LoginController.login)
    app.post("logout", use: LoginController.logout)
    app.get("language", use: LoginController.language)

    try app.registerAPI()

    // The social map is public: no login, no personal data.
    app.get("kaart", use: SocialMapController.index)
    app.get("kaart", "diensten", ":serviceID", use: SocialMapController.show)
    HSDSController.register(app)
    app.get("kaart", "activiteiten", use: ActivityController.calendar)
    app.get("kaart", "activiteiten.ics", use: ActivityController.feed)
    app.get("kaart", "activiteiten", ":activityID", use: ActivityController.show)

    let web = app.grouped(RequireLoginMiddleware())
    web.get(use: HomeController.show)

    let admin = web.grouped("admin")
    admin.get(use: AdminController.index)
    admin.post("organisations", use: AdminController.createOrganisation)
    admin.post("teams", use: AdminController.createTeam)
    admin.post("teams", ":teamID", "coverage", use: AdminController.addCoverage)
    admin.post("teams", ":teamID", "coverage", "remove", use: AdminController.removeCoverage)
    admin.post("users", use: AdminController.createUser)
    admin.get("users", ":userID", use: AdminController.editUser)
    admin.post("users", ":userID", use: AdminController.updateUser)
    admin.get("neighbourhoods", use: AdminController.neighbourhoods)
    admin.post("neighbourhoods", use: AdminController.addNeighbourhood)
    admin.get("audit", use: AuditController.index)

    let addresses = web.grouped("addresses")
    addresses.get(use: AddressController.index)
    addresses.get("new", use: AddressController.new)
    addresses.post(use: AddressController.create)
    addresses.get("import", use: AddressController.importForm)
    addresses.on(
        .POST, "import", body: .collect(maxSize: AddressController.importBodyLimit), use: AddressController.importFile)
    addresses.get(":addressID", "edit", use: AddressController.edit)
    addresses.post(":addressID", use: AddressController.update)

    let residents = web.grouped("residents")
    residents.get(use: ResidentController.index)
    residents.post("search", use: ResidentController.search)
    residents.get("new", use: ResidentController.new)
    residents.post(use: ResidentController.create)
    residents.get(":residentID", use: ResidentController.show)
    residents.post(":residentID", use: ResidentController.update)
    residents.get(":residentID", "edit", use: ResidentController.edit)
    residents.get(":residentID", "timeline", use: ResidentController.timeline)
    residents.post(":residentID", "consents", use: ResidentController.addConsent)
    residents.post(":residentID", "consents", ":consentID", "withdraw", use: ResidentController.withdrawConsent)
    residents.post(":residentID", "household", use: ResidentController.createHousehold)
    residents.post(":residentID", "household", "join", use: ResidentController.joinHousehold)
    residents.post(":residentID", "household", "leave", use: ResidentController.leaveHousehold)
    residents.get(":residentID", "deliveries", "new", use: DeliveryController.new)
    residents.post(":residentID", "deliveries", use: DeliveryController.create)
    residents.get(":residentID", "contacts", "new", use: RoundController.newContact)
    residents.post(":residentID", "contacts", use: RoundController.createContact)

    let deliveries = web.grouped("deliveries")
    deliveries.get(":deliveryID", "edit", use: DeliveryController.edit)
    deliveries.post(":deliveryID", use: DeliveryController.update)
    deliveries.post(":deliveryID", "pause", use: DeliveryController.pause)
    deliveries.post(":deliveryID", "pauses", ":pauseID", "remove", use: DeliveryController.removePause)
    deliveries.post(":deliveryID", "end", use: DeliveryController.end)

    let rounds = web.grouped("rounds")
    rounds.get(use: RoundController.index)
    rounds.get("plan", use: RoundController.plan)
    rounds.post("plan", use: RoundController.generate)
    rounds.get("summary", use: RoundController.summary)
    rounds.post("stops", ":stopID", "move", use: RoundController.moveStop)
    rounds.get(":roundID", use: RoundController.show)
    rounds.post(":roundID", "stops", ":stopID", "outcome", use: RoundController.logOutcome)

    let upkeep = web.grouped("kaart", "beheer")
    upkeep.get(use: MapUpkeepController.index)
    upkeep.get("nieuw", use: MapUpkeepController.new)
    upkeep.post(use: MapUpkeepController.create)
    upkeep.get("soorten", use: MapUpkeepController.terms)
    upkeep.post("soorten", use: MapUpkeepController.addTerm)
    upkeep.post("soorten", ":termID", use: MapUpkeepController.renameTerm)
    upkeep.post("zoekwoorden", use: MapUpkeepController.addSynonyms)
    upkeep.post("zoekwoorden", ":groupID", "verwijderen", use: MapUpkeepController.removeSynonyms)
    upkeep.get(":serviceID", use: MapUpkeepController.edit)
    upkeep.post(":serviceID", use: MapUpkeepController.update)
    upkeep.post(":serviceID", "gecontroleerd", use: MapUpkeepController.markChecked)

    upkeep.get("activiteiten", "nieuw", use: ActivityController.new)
    upkeep.post("activiteiten", use: ActivityController.save)
    upkeep.get("activiteiten", ":activityID", use: ActivityController.edit)
    upkeep.post("activiteiten", ":activityID", use: ActivityController.save)
    upkeep.post("activiteiten", ":activityID", "afgelast", use: ActivityController.cancel)
    web.get("kaart", "activiteiten", ":activityID", ":date", use: ActivityController.day)
    web.post("kaart", "aanmeldingen", ":signUpID", "aanwezig", use: ActivityController.attendance)
    residents.get(":residentID", "activities", use: ActivityController.signUpForm)
    residents.post(":residentID", "activities", use: ActivityController.signUp)

    let signals = web.grouped("signals")
    signals.get(use: SignalController.index)
    signals.get("new", use: SignalController.new)
    signals.post(use: SignalController.create)
    signals.get("sent", use: SignalController.sent)
    signals.get("reported", use: SignalController.reported)
    signals.get("settings", use: SignalController.settings)
    signals.post("settings", "deadlines", use: SignalController.saveDeadlines)
    signals.post("settings", "rules", use: SignalController.addRule)
    signals.post("settings", "rules", ":ruleID", "remove", use: SignalController.removeRule)
    signals.get(":signalID", use: SignalController.show)
    signals.post(":signalID", "transition", use: SignalController.transition)
    signals.post(":signalID", "assign", use: SignalController.assign)
    signals.post(":signalID", "merge", use: SignalController.merge)
    signals.post(":signalID", "tasks", use: SignalController.addTask)
    signals.post(":signalID", "meldcode", use: SignalController.meldcode)
    web.post("tasks", ":taskID", "done", use: SignalController.completeTask)

    web.get("out-of-view", use: RoundController.outOfView)
    web.post("out-of-view", "visits", use: RoundController.planVisit)
    web.post("out-of-view", "settings", use: RoundController.saveSettings)
}

/// Sends anonymous browsers to the login page (GET) or answers 401.
struct RequireLoginMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.authenticated != nil else { throw Abort(.unauthorized) }
        return try await next.respond(to: request)
    }
}
