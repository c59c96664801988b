namespace Teilhabe.TestSupport;

/// <summary>A user created through the administration API, with the password it can sign in with.</summary>
public sealed record TestUser(string Id, string UserName, string Password, string Role, string? ServiceId, string? IntegrationOfficeId);

/// <summary>Passwords that satisfy ACC-01 and ACC-02 for profile TH.</summary>
public static class TestPasswords
{
    public const string Initial = "Anfang#2026a";
}
