namespace Teilhabe.TestSupport;

/// <summary>
/// A user created through the administration API, with the password it can sign in with and, for the roles of
/// <see cref="TeilhabeFactory.RolesWithSecondFactor"/>, the key of the second factor (ACC-11).
/// </summary>
public sealed record TestUser(string Id, string UserName, string Password, string Role, string? ServiceId, string? IntegrationOfficeId, string? SecondFactorKey = null)
{
    /// <summary>The current code of the second factor; null for a user without one.</summary>
    public string? CurrentCode() => SecondFactorKey is null ? null : TeilhabeFactory.TotpCode(SecondFactorKey);
}

/// <summary>Passwords that satisfy ACC-01 and ACC-02 for profile TH.</summary>
public static class TestPasswords
{
    public const string Initial = "Anfang#2026a";
}
