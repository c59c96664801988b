using Teilhabe.Core.Data;
using Teilhabe.Core.Network;
using Teilhabe.Core.Time;

namespace Teilhabe.Web.Infrastructure;

/// <summary>Demo: one job development network (NET-01…03) of the demo organisations with two potentials.</summary>
internal static class DemoNetwork
{
    public static async Task SeedAsync(TeilhabeDbContext db, Guid office, Guid provider, DateOnly today)
    {
        var network = new JobNetwork("Virtuelles Büro Mittelthüringen", "Mittelthüringen", provider, MemberKind.Ifd, today.AddMonths(-3), null);
        network.AddMember(office, MemberKind.IntegrationOffice, today.AddMonths(-3), null);
        var start = BerlinTime.StartOfDayUtc(today.AddDays(-40)).AddHours(9);
        var kitchen = new JobPotential(network, new PotentialDraft("Küchenhilfen Betriebskantine", "Stadtwerke Erfurt", 2, "Ausgleichsabgabe"), provider, today.AddDays(-40), start, null);
        kitchen.MoveTo(PotentialStage.Reviewing, today.AddDays(-20), start.AddDays(20), null);
        var laundry = new JobPotential(network, new PotentialDraft("Neugründung Wäscherei als Inklusionsbetrieb", "Wäscheservice Weimarer Land", 6, "Ausgleichsabgabe", "Weimarer Land"), provider, today.AddDays(-10), start.AddDays(30), null);
        db.Networks.Add(network);
        db.JobPotentials.AddRange(kitchen, laundry);
        await db.SaveChangesAsync();
    }
}
