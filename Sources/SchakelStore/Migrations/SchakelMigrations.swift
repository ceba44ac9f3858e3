import FluentKit

/// Every migration, in order. Add new ones at the end; never change a landed one.
public enum SchakelMigrations {
    public static let all: [any Migration] = [
        CreateFoundation(), CreateSecurity(), CreateRounds(), CreateSignals(), CreateSocialMap(), CreateActivities(),
        IndexContactStatus(),
        IndexMapSearch(),
        KeyAuditChain(),
        CreateMapSynonyms(),
        CorrectContactMoments(),
        ReviseSignals(),
        CreateReferrals(),
    ]
}
