using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Core.Organisations;
using Teilhabe.Core.Profiles;

namespace Teilhabe.Web.Features.Profiles;

/// <summary>The administrator sees which state profile is in force for each Integrationsamt, with its numbers and rules.</summary>
[Authorize(Roles = Roles.Administrator)]
internal sealed class ProfilesModel(TeilhabeDbContext db, IStateProfileResolver profiles) : PageModel
{
    public sealed record OfficeRow(string Name, string State, StateProfile Profile, bool Configured);

    public List<OfficeRow> Offices { get; private set; } = [];

    public IReadOnlyList<StateProfile> All => profiles.All;

    public StateProfile Default => profiles.Default;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var offices = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.IntegrationOffice)
            .OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, o.State })
            .ToListAsync(ct);
        Offices = [.. offices.Select(o => new OfficeRow(o.Name, o.State, profiles.ForIntegrationOffice(o.Id), profiles.All.Any(p => p.Code == o.State)))];
    }

    public static string Value(ProfileNumber number, StateProfile profile)
        => number.Get(profile) switch
        {
            null => "—",
            var v when number.Name == "uploadMaxBytes" => $"{profile.MaxUploadText} ({v:N0} Bytes)",
            var v => v.Value.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("de-DE")),
        };
}
