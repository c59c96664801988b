namespace Teilhabe.Core.Data;

/// <summary>Who is acting, and the tenant scope their queries are filtered to (ACC-06).</summary>
public interface ICurrentUser
{
    string? UserId { get; }
    Guid? ServiceId { get; }
    Guid? IntegrationOfficeId { get; }
    bool IsInRole(string role);

    /// <summary>Start-up, migrations and background jobs: not filtered.</summary>
    bool IsSystem { get; }
}

/// <summary>The product itself acting (start-up, migrations, nightly jobs).</summary>
public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();

    public string? UserId => null;
    public Guid? ServiceId => null;
    public Guid? IntegrationOfficeId => null;
    public bool IsSystem => true;
    public bool IsInRole(string role) => false;
}
