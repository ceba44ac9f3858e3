import SchakelRoutes
import Vapor

/// Every route of the web app and the API. Web paths come from `SiteRoute`, which also makes the links.
func routes(_ app: Application) throws {
    app.get(.healthz, use: HealthController.check)
    app.get(.login, use: LoginController.show)
    app.post(.login, use: LoginController.login)
    app.post(.logout, use: LoginController.logout)
    app.get(.language, use: LoginController.language)

    try app.registerAPI()

    // The social map is public: no login, no personal data.
    app.get(.map, use: SocialMapController.index)
    app.get(.mapService(.key), use: SocialMapController.show)
    HSDSController.register(app)
    app.get(.activities, use: ActivityController.calendar)
    app.get(.activitiesFeed, use: ActivityController.feed)
    app.get(.activity(.key), use: ActivityController.show)

    let web = app.grouped(RequireLoginMiddleware())
    web.get(.home, use: HomeController.show)

    web.get(.admin(.index), use: AdminController.index)
    web.post(.admin(.organisations), use: AdminController.createOrganisation)
    web.post(.admin(.teams), use: AdminController.createTeam)
    web.post(.admin(.coverage(.key)), use: AdminController.addCoverage)
    web.post(.admin(.removeCoverage(.key)), use: AdminController.removeCoverage)
    web.post(.admin(.users), use: AdminController.createUser)
    web.get(.admin(.user(.key)), use: AdminController.editUser)
    web.post(.admin(.user(.key)), use: AdminController.updateUser)
    web.get(.admin(.neighbourhoods), use: AdminController.neighbourhoods)
    web.post(.admin(.neighbourhoods), use: AdminController.addNeighbourhood)
    web.get(.admin(.audit), use: AuditController.index)
    web.post(.admin(.audit), use: AuditController.search)

    web.get(.addresses(.index), use: AddressController.index)
    web.get(.addresses(.new), use: AddressController.new)
    web.post(.addresses(.index), use: AddressController.create)
    web.get(.addresses(.importFile), use: AddressController.importForm)
    web.post(
        .addresses(.importFile), body: .collect(maxSize: AddressController.importBodyLimit),
        use: AddressController.importFile)
    web.get(.addresses(.edit(.key)), use: AddressController.edit)
    web.post(.addresses(.update(.key)), use: AddressController.update)

    web.get(.residents(.index), use: ResidentController.index)
    web.post(.residents(.search), use: ResidentController.search)
    web.get(.residents(.new), use: ResidentController.new)
    web.post(.residents(.index), use: ResidentController.create)
    web.get(.resident(.key, .file), use: ResidentController.show)
    web.post(.resident(.key, .file), use: ResidentController.update)
    web.get(.resident(.key, .edit), use: ResidentController.edit)
    web.get(.resident(.key, .timeline), use: ResidentController.timeline)
    web.post(.resident(.key, .consents), use: ResidentController.addConsent)
    web.post(.resident(.key, .withdrawConsent(.key)), use: ResidentController.withdrawConsent)
    web.post(.resident(.key, .household), use: ResidentController.createHousehold)
    web.post(.resident(.key, .joinHousehold), use: ResidentController.joinHousehold)
    web.post(.resident(.key, .leaveHousehold), use: ResidentController.leaveHousehold)
    web.get(.resident(.key, .newDelivery), use: DeliveryController.new)
    web.post(.resident(.key, .deliveries), use: DeliveryController.create)
    web.get(.resident(.key, .newContact), use: RoundController.newContact)
    web.post(.resident(.key, .contacts), use: RoundController.createContact)
    web.get(.resident(.key, .activities), use: ActivityController.signUpForm)
    web.post(.resident(.key, .activities), use: ActivityController.signUp)

    web.get(.delivery(.key, .edit), use: DeliveryController.edit)
    web.post(.delivery(.key, .update), use: DeliveryController.update)
    web.post(.delivery(.key, .pause), use: DeliveryController.pause)
    web.post(.delivery(.key, .removePause(.key)), use: DeliveryController.removePause)
    web.post(.delivery(.key, .end), use: DeliveryController.end)

    web.get(.rounds(.index), use: RoundController.index)
    web.get(.rounds(.plan), use: RoundController.plan)
    web.post(.rounds(.plan), use: RoundController.generate)
    web.get(.rounds(.summary), use: RoundController.summary)
    web.post(.rounds(.moveStop(.key)), use: RoundController.moveStop)
    web.get(.rounds(.round(.key)), use: RoundController.show)
    web.post(.rounds(.outcome(.key, stop: .key)), use: RoundController.logOutcome)
    web.post(.rounds(.correction(.key, stop: .key)), use: RoundController.correctOutcome)

    web.get(.upkeep(.index), use: MapUpkeepController.index)
    web.get(.upkeep(.new), use: MapUpkeepController.new)
    web.post(.upkeep(.index), use: MapUpkeepController.create)
    web.get(.upkeep(.terms), use: MapUpkeepController.terms)
    web.post(.upkeep(.terms), use: MapUpkeepController.addTerm)
    web.post(.upkeep(.term(.key)), use: MapUpkeepController.renameTerm)
    web.post(.upkeep(.synonyms), use: MapUpkeepController.addSynonyms)
    web.post(.upkeep(.removeSynonyms(.key)), use: MapUpkeepController.removeSynonyms)
    web.get(.upkeep(.service(.key)), use: MapUpkeepController.edit)
    web.post(.upkeep(.service(.key)), use: MapUpkeepController.update)
    web.post(.upkeep(.checked(.key)), use: MapUpkeepController.markChecked)
    web.get(.upkeep(.newActivity), use: ActivityController.new)
    web.post(.upkeep(.activities), use: ActivityController.save)
    web.get(.upkeep(.activity(.key)), use: ActivityController.edit)
    web.post(.upkeep(.activity(.key)), use: ActivityController.save)
    web.post(.upkeep(.cancelActivity(.key)), use: ActivityController.cancel)
    web.get(.activityDay(.key, date: .key), use: ActivityController.day)
    web.post(.attendance(.key), use: ActivityController.attendance)

    web.get(.signals(.inbox), use: SignalController.index)
    web.get(.signals(.new), use: SignalController.new)
    web.post(.signals(.inbox), use: SignalController.create)
    web.get(.signals(.sent), use: SignalController.sent)
    web.get(.signals(.reported), use: SignalController.reported)
    web.get(.signals(.settings), use: SignalController.settings)
    web.post(.signals(.deadlines), use: SignalController.saveDeadlines)
    web.post(.signals(.rules), use: SignalController.addRule)
    web.post(.signals(.removeRule(.key)), use: SignalController.removeRule)
    web.get(.signal(.key, .detail), use: SignalController.show)
    web.post(.signal(.key, .transition), use: SignalController.transition)
    web.post(.signal(.key, .assign), use: SignalController.assign)
    web.post(.signal(.key, .merge), use: SignalController.merge)
    web.post(.signal(.key, .tasks), use: SignalController.addTask)
    web.post(.signal(.key, .meldcode), use: SignalController.meldcode)
    web.post(.taskDone(.key), use: SignalController.completeTask)

    web.get(.referrals(.inbox), use: ReferralController.inbox)
    web.get(.referrals(.sent), use: ReferralController.sent)
    web.get(.referrals(.new), use: ReferralController.new)
    web.post(.referrals(.new), use: ReferralController.create)
    web.get(.referral(.key, .detail), use: ReferralController.show)
    web.post(.referral(.key, .step), use: ReferralController.step)
    web.post(.referral(.key, .send), use: ReferralController.send)
    web.post(.referral(.key, .assign), use: ReferralController.assign)
    web.post(.referral(.key, .message), use: ReferralController.message)
    web.get(.resident(.key, .transfer), use: ReferralController.transferForm)
    web.post(.resident(.key, .transfer), use: ReferralController.transfer)

    web.get(.outOfView(.list), use: RoundController.outOfView)
    web.post(.outOfView(.visits), use: RoundController.planVisit)
    web.post(.outOfView(.settings), use: RoundController.saveSettings)
}

extension SiteRoute {
    /// The route's pattern as Vapor registers it.
    var pathComponents: [PathComponent] {
        segments.map { $0.hasPrefix(":") ? .parameter(String($0.dropFirst())) : .constant($0) }
    }
}

extension RoutesBuilder {
    @discardableResult
    func get<Response: AsyncResponseEncodable>(
        _ route: SiteRoute, use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(.GET, route.pathComponents, use: closure)
    }

    @discardableResult
    func post<Response: AsyncResponseEncodable>(
        _ route: SiteRoute, body: HTTPBodyStreamStrategy = .collect,
        use closure: @Sendable @escaping (Request) async throws -> Response
    ) -> Route {
        on(.POST, route.pathComponents, body: body, use: closure)
    }
}

/// Sends anonymous browsers to the login page (GET) or answers 401.
struct RequireLoginMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.authenticated != nil else { throw Abort(.unauthorized) }
        return try await next.respond(to: request)
    }
}
