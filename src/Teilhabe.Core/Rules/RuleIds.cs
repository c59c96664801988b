namespace Teilhabe.Core.Rules;

/// <summary>The rule IDs of DOMAIN.md that the code enforces; refusals report them verbatim.</summary>
public static class RuleIds
{
    /// <summary>Not a domain rule: plain input that is missing or malformed (answered 400, shown at the field).</summary>
    public const string Input = "INPUT";

    public const string PasswordLength = "ACC-01";
    public const string PasswordComposition = "ACC-02";
    public const string PasswordHistory = "ACC-03";
    public const string PasswordAge = "ACC-04";
    public const string Lockout = "ACC-05";
    public const string Roles = "ACC-06";
    public const string Audit = "ACC-09";
    public const string SecondFactor = "ACC-11";
    public const string PasswordReset = "ACC-12";
    public const string Sessions = "ACC-13";
    public const string NetworkMembers = "NET-01";
    public const string NetworkPipeline = "NET-02";
    public const string NetworkAnonymity = "NET-03";
}
