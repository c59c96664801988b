using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Catalogues;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;

namespace Teilhabe.Web.Features.Forms;

/// <summary>DOC-04: the form version valid on a day — the state profile's own versions, else the maintained catalogue's latest.</summary>
internal static class FormVersions
{
    public static async Task<string?> ValidAsync(TeilhabeDbContext db, StateProfile profile, string form, DateOnly on, CancellationToken ct)
        => profile.ValidFormVersion(form, on, await db.CatalogueEntries.AsNoTracking()
            .Where(e => e.Catalogue == CatalogueNames.FormVersions && e.Form == form && e.Active && e.ValidFrom <= on)
            .OrderByDescending(e => e.ValidFrom).Select(e => e.Code).FirstOrDefaultAsync(ct));
}
