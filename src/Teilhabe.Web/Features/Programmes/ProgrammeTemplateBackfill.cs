using Microsoft.EntityFrameworkCore;
using Teilhabe.Core.Data;
using Teilhabe.Core.Programmes;

namespace Teilhabe.Web.Features.Programmes;

/// <summary>
/// At start (system scope): programmes stored before their modules were data get the module table of their
/// template once; the coaching numbers got the template values as column defaults in the migration.
/// </summary>
internal static class ProgrammeTemplateBackfill
{
    public static async Task RunAsync(TeilhabeDbContext db, CancellationToken ct = default)
    {
        var modular = await db.Programmes
            .Where(p => p.Template == ProgrammeTemplate.ModularQualification && !p.ModuleRows.Any())
            .ToListAsync(ct);
        var copied = false;
        foreach (var programme in modular)
        {
            copied |= programme.CopyTemplateModulesIfMissing();
        }

        if (copied)
        {
            await db.SaveChangesAsync(ct);
        }
    }
}
