using Teilhabe.Core.Cases;
using Teilhabe.Core.Profiles;
using Teilhabe.UnitTests.Cases;
using Teilhabe.Web.Features.Deadlines;

namespace Teilhabe.UnitTests.Reports;

/// <summary>REP-06 on the deadline list (section 10): the next Zwischenbericht of every commissioned open case.</summary>
public sealed class InterimReportDeadlineTests
{
    private static readonly StateProfile LowerSaxony = StateProfiles.Thuringia with { Code = "NI", StateName = "Niedersachsen", InterimReportMonths = 6 };

    [Fact]
    [Trait("Rule", "REP-06")]
    public void REP06_a_commissioned_case_gets_its_Zwischenbericht_on_the_list_four_weeks_ahead()
    {
        var (c, _) = new CaseBuilder().ForIntegrationOffice().InPhase(Phase.P3).Build();
        var start = c.CommissionStart!.Value;

        var entry = Assert.Single(InterimReportDeadlines.Entries(LowerSaxony, [c], _ => []));

        Assert.Equal("REP-06", entry.Rule);
        Assert.Same(c, entry.Case);
        Assert.Equal(start.AddMonths(6), entry.DueDate);
        Assert.False(entry.IsVisibleOn(start.AddMonths(6).AddDays(-29)));
        Assert.True(entry.IsVisibleOn(start.AddMonths(6).AddDays(-28)));
        Assert.True(entry.IsVisibleOn(start.AddMonths(7)));
    }

    [Fact]
    [Trait("Rule", "REP-06")]
    public void REP06_a_produced_Sachstandsbericht_moves_the_entry_a_year_on()
    {
        var (c, _) = new CaseBuilder().ForIntegrationOffice().InPhase(Phase.P3).Build();
        var first = c.CommissionStart!.Value.AddMonths(6);

        var entry = Assert.Single(InterimReportDeadlines.Entries(LowerSaxony, [c], id => id == c.Id ? [first.AddDays(-5)] : []));

        Assert.Equal(first.AddMonths(12), entry.DueDate);
    }

    [Fact]
    [Trait("Rule", "REP-06")]
    public void REP06_nothing_on_the_list_in_Thuringia_or_before_the_commission()
    {
        var (commissioned, _) = new CaseBuilder().ForIntegrationOffice().InPhase(Phase.P3).Build();
        var (counselling, _) = new CaseBuilder().InPhase(Phase.P1).Build();

        Assert.Empty(InterimReportDeadlines.Entries(StateProfiles.Thuringia, [commissioned], _ => []));
        Assert.Empty(InterimReportDeadlines.Entries(LowerSaxony, [counselling], _ => []));
    }
}
