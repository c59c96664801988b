using System.Collections.Concurrent;

namespace Teilhabe.Core.Profiles;

/// <summary>
/// The state profiles of a deployment (TH built in, further ones from <c>Teilhabe__Profiles__Path</c>) and the default
/// one (<c>Teilhabe__Profile</c>) for callers without an Integrationsamt (administrator, sign-in page). One per process.
/// </summary>
public sealed class StateProfileCatalog
{
    private readonly Dictionary<string, StateProfile> _byCode;

    // The state of an Integrationsamt never changes after it is created, so it is kept once looked up.
    private readonly ConcurrentDictionary<Guid, string> _officeStates = new();

    public StateProfileCatalog(IEnumerable<StateProfile> profiles, string defaultCode)
    {
        All = [.. profiles];
        _byCode = All.ToDictionary(p => p.Code, StringComparer.OrdinalIgnoreCase);
        Default = Find(defaultCode) ?? throw new StateProfileException(
            $"Unbekanntes Landesprofil „{defaultCode}“ (Teilhabe__Profile). Verfügbar: {string.Join(", ", All.Select(p => p.Code))}.");
    }

    /// <summary>Only the built-in profiles, TH as default (unit tests, tools).</summary>
    public static StateProfileCatalog BuiltIn { get; } = new(StateProfiles.BuiltIn, "TH");

    public IReadOnlyList<StateProfile> All { get; }

    public StateProfile Default { get; }

    public StateProfile? Find(string? code) => code is not null && _byCode.TryGetValue(code.Trim(), out var p) ? p : null;

    /// <summary>The profile of <paramref name="code"/>; an unknown code (an Integrationsamt of a state not configured) gets the default.</summary>
    public StateProfile ForState(string? code) => Find(code) ?? Default;

    internal string OfficeState(Guid officeId, Func<Guid, string?> lookup)
    {
        if (_officeStates.TryGetValue(officeId, out var state))
        {
            return state;
        }

        var found = lookup(officeId);
        if (found is not null)
        {
            _officeStates[officeId] = found;
        }

        return found ?? Default.Code;
    }
}
