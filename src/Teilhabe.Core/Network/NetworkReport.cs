namespace Teilhabe.Core.Network;

/// <summary>
/// NET-02 report of a network for one year: the potentials by the stage they stood at on the year's last day
/// (those recorded by then and not closed in an earlier year), the jobs created and the new Inklusionsbetriebe of
/// the year; once for the network and once per region.
/// </summary>
public sealed record NetworkReport(int Year, NetworkReport.Figures Total, IReadOnlyList<NetworkReport.RegionFigures> Regions)
{
    public sealed record StageCount(PotentialStage Stage, int Count);

    /// <param name="JobsCreated">Jobs of the potentials that reached "Arbeitsplatz geschaffen" or "Neugründung Inklusionsbetrieb" in the year.</param>
    public sealed record Figures(IReadOnlyList<StageCount> Stages, int PotentialsRecorded, int JobsCreated, int NewInclusionCompanies);

    public sealed record RegionFigures(string Region, Figures Figures);

    public static NetworkReport Build(IEnumerable<JobPotential> potentials, int year)
    {
        var list = potentials.ToList();
        var regions = list.GroupBy(p => p.Region, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RegionFigures(g.Key, FiguresOf(g, year))).ToList();
        return new NetworkReport(year, FiguresOf(list, year), regions);
    }

    private static Figures FiguresOf(IEnumerable<JobPotential> potentials, int year)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        var counts = PotentialPipeline.Order.ToDictionary(s => s, _ => 0);
        int recorded = 0, jobs = 0, companies = 0;
        foreach (var p in potentials.Where(p => p.IdentifiedOn <= yearEnd))
        {
            var changes = p.StageChanges.Where(c => c.On <= yearEnd).OrderBy(c => c.At).ToList();
            var last = changes.LastOrDefault();
            var stage = last?.To ?? PotentialStage.Identified;
            var closedEarlier = PotentialPipeline.IsTerminal(stage) && last!.On.Year < year;
            if (!closedEarlier)
            {
                counts[stage]++;
            }

            if (p.IdentifiedOn.Year == year)
            {
                recorded++;
            }

            var success = changes.FirstOrDefault(c => c.On.Year == year && c.To is PotentialStage.Created or PotentialStage.NewInclusionCompany);
            if (success is not null)
            {
                jobs += p.Jobs;
                companies += success.To == PotentialStage.NewInclusionCompany ? 1 : 0;
            }
        }

        return new Figures([.. counts.Select(c => new StageCount(c.Key, c.Value))], recorded, jobs, companies);
    }
}
