using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Cases;
using Teilhabe.Core.Data;
using Teilhabe.Core.Profiles;
using Teilhabe.Core.Reports;
using Teilhabe.UnitTests.Cases;

namespace Teilhabe.UnitTests.Reports;

public sealed class ReportRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Case NewCase(CaseTexts? texts = null)
    {
        var (c, _) = new CaseBuilder().ForIntegrationOffice().InPhase(Phase.P3).Build();
        c.UpdateTexts(texts ?? new CaseTexts());
        return c;
    }

    private static ReportFacts Facts(Case c, params CaseGoal[] goals) => new() { Case = c, Goals = goals };

    private static CaseGoal Goal(Case c, string text = "Arbeitsplatz sichern") => new(c, new GoalDraft(text, null, null, null, null, null), Now);

    [Fact]
    [Trait("Rule", "REP-01")]
    public void REP01_each_kind_names_every_empty_mandatory_field()
    {
        var c = NewCase();
        Assert.Equal(["plannedContents"], ReportRules.Violations(ReportKind.InitialCounselling, Facts(c)).Select(v => v.Field));
        Assert.Equal(["disabilityImpact", "goalAgreement", "supplements"], ReportRules.Violations(ReportKind.InitialCare, Facts(c)).Select(v => v.Field));
        Assert.Equal(["progress"], ReportRules.Violations(ReportKind.Progress, Facts(c)).Select(v => v.Field));
        Assert.Equal(["closingResult"], ReportRules.Violations(ReportKind.Final, Facts(c)).Select(v => v.Field));
        Assert.All(ReportRules.Violations(ReportKind.InitialCare, Facts(c)), v => Assert.Equal("REP-01", v.Rule));
    }

    [Fact]
    [Trait("Rule", "REP-01")]
    public void REP01_keine_Ergaenzungen_is_valid_and_structured_goals_count_as_the_goal_agreement()
    {
        var c = NewCase(new CaseTexts { DisabilityImpact = "Längeres Stehen fällt schwer.", Supplements = "keine Ergänzungen" });
        Assert.Equal(["goalAgreement"], ReportRules.Violations(ReportKind.InitialCare, Facts(c)).Select(v => v.Field));
        Assert.Empty(ReportRules.Violations(ReportKind.InitialCare, Facts(c, Goal(c))));
    }

    [Fact]
    [Trait("Rule", "REP-05")]
    public void REP05_an_Endbericht_for_a_case_with_goals_needs_every_goal_rated_with_an_explanation()
    {
        var c = NewCase(new CaseTexts { ClosingResult = "Arbeitsplatz gesichert" });
        var first = Goal(c, "Arbeitsplatz sichern");
        var second = Goal(c, "Einarbeitung abschließen");
        Assert.Equal(2, ReportRules.Violations(ReportKind.Final, Facts(c, first, second)).Count(v => v.Rule == "REP-05"));

        Assert.Contains(first.Rate(GoalRating.Achieved, " ", Now, "cw"), v => v.Rule == "REP-05" && v.Field == "explanation");
        Assert.False(first.IsRated);
        Assert.Empty(first.Rate(GoalRating.Achieved, "Vertrag entfristet.", Now, "cw"));
        var left = Assert.Single(ReportRules.Violations(ReportKind.Final, Facts(c, first, second)));
        Assert.Equal(("REP-05", $"goals/{second.Id}"), (left.Rule, left.Field));

        Assert.Empty(second.Rate(GoalRating.NotAchieved, "Abgebrochen.", Now, "cw"));
        Assert.Empty(ReportRules.Violations(ReportKind.Final, Facts(c, first, second)));
    }

    [Fact]
    [Trait("Rule", "REP-05")]
    public void REP05_ratings_are_the_three_API_codes()
    {
        Assert.Equal(GoalRating.Achieved, GoalRatings.Parse("achieved"));
        Assert.Equal(GoalRating.PartlyAchieved, GoalRatings.Parse("partly-achieved"));
        Assert.Equal(GoalRating.NotAchieved, GoalRatings.Parse("not-achieved"));
        Assert.Null(GoalRatings.Parse("erreicht"));
        Assert.Equal("teilweise erreicht", GoalRatings.Label(GoalRating.PartlyAchieved));
    }

    [Fact]
    [Trait("Rule", "REP-07")]
    public void REP07_lists_missing_statistics_LEK_without_start_date_and_unlinked_contacts_without_refusing()
    {
        var c = NewCase(new CaseTexts { Progress = "Sachstand" });
        var facts = Facts(c) with
        {
            MissingStatistics = [.. StatisticalFields.All.Where(f => f.Key == "case.caseGroupCode")],
            OutcomesWithoutStartDate = ["Arbeitgeber beraten"],
            ContactsWithoutOutcome = [new DateOnly(2026, 11, 2)],
            ContactsWithoutTopic = [new DateOnly(2026, 11, 3)],
        };
        var corrections = ReportRules.Corrections(facts);
        Assert.Equal(4, corrections.Count);
        Assert.All(corrections, v => Assert.Equal("REP-07", v.Rule));
        Assert.Contains(corrections, v => v.Field == "case.caseGroupCode");
        Assert.Contains(corrections, v => v.Message.Contains("Arbeitgeber beraten", StringComparison.Ordinal));
        Assert.Contains(corrections, v => v.Message.Contains("02.11.2026", StringComparison.Ordinal));
        Assert.Empty(ReportRules.Violations(ReportKind.Progress, facts));
        Assert.Empty(ReportRules.Corrections(Facts(c)));
    }

    private static readonly StateProfile LowerSaxony = StateProfiles.Thuringia with { Code = "NI", StateName = "Niedersachsen", InterimReportMonths = 6 };

    [Fact]
    [Trait("Rule", "REP-06")]
    public void REP06_off_in_Thuringia()
    {
        Assert.Null(StateProfiles.Thuringia.InterimReportMonths);
        Assert.Null(ReportRules.NextInterimReportDue(StateProfiles.Thuringia, new DateOnly(2026, 1, 1), null, []));
    }

    [Fact]
    [Trait("Rule", "REP-06")]
    public void REP06_first_due_after_six_months_then_yearly_after_the_last_interim_report()
    {
        var start = new DateOnly(2026, 1, 15);
        Assert.Equal(new DateOnly(2026, 7, 15), ReportRules.NextInterimReportDue(LowerSaxony, start, null, []));

        // A Sachstandsbericht long before the first due date does not count for it.
        Assert.Equal(new DateOnly(2026, 7, 15), ReportRules.NextInterimReportDue(LowerSaxony, start, null, [new DateOnly(2026, 3, 1)]));

        // Produced for the first due date: next one a year later, and so on.
        Assert.Equal(new DateOnly(2027, 7, 15), ReportRules.NextInterimReportDue(LowerSaxony, start, null, [new DateOnly(2026, 7, 10)]));
        Assert.Equal(new DateOnly(2028, 7, 15), ReportRules.NextInterimReportDue(LowerSaxony, start, null, [new DateOnly(2026, 7, 10), new DateOnly(2027, 7, 1)]));
    }

    [Fact]
    [Trait("Rule", "REP-06")]
    public void REP06_nothing_due_without_commission_or_after_closing()
    {
        Assert.Null(ReportRules.NextInterimReportDue(LowerSaxony, null, null, []));
        Assert.Null(ReportRules.NextInterimReportDue(LowerSaxony, new DateOnly(2026, 1, 15), new DateOnly(2026, 5, 1), []));
    }

    [Fact]
    [Trait("Rule", "REP-04")]
    public void REP04_a_request_is_fulfilled_by_a_report_of_its_kind_generated_after_it()
    {
        var c = NewCase();
        var request = new ReportRequest(c, ReportKind.Progress, "Deutsche Rentenversicherung", new DateOnly(2026, 12, 15), Now, "cw");
        Assert.False(request.FulfilWith(new ReportVersion(c, ReportKind.Progress, 1, "Sachstandsbericht", "x", "k", 1, Now.AddDays(-1), "cw")));
        Assert.False(request.FulfilWith(new ReportVersion(c, ReportKind.Final, 1, "Endbericht", "x", "k", 1, Now.AddDays(1), "cw")));
        Assert.True(request.IsOpen);
        var report = new ReportVersion(c, ReportKind.Progress, 2, "Sachstandsbericht", "x", "k", 1, Now.AddHours(1), "cw");
        Assert.True(request.FulfilWith(report));
        Assert.Equal(report.Id, request.FulfilledByReportId);
        Assert.False(request.IsOpen);
    }

    [Fact]
    [Trait("Rule", "REP-03")]
    public async Task REP03_a_stored_report_version_cannot_be_changed_or_deleted()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        var options = new DbContextOptionsBuilder<TeilhabeDbContext>().UseSqlite(connection)
            .AddInterceptors(new AuditInterceptor(new FakeTimeProvider(Now))).Options;
        await using var db = new TeilhabeDbContext(options, SystemUser.Instance);
        await db.Database.EnsureCreatedAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF");
        var c = NewCase();
        var version = new ReportVersion(c, ReportKind.Final, 1, "Endbericht", new string('a', 64), "2026/abc", 10, Now, "cw");
        db.ReportVersions.Add(version);
        await db.SaveChangesAsync();

        db.Entry(version).Property(v => v.Sha256).CurrentValue = new string('b', 64);
        Assert.Contains("REP-03", (await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync())).Message);
        db.Entry(version).State = EntityState.Unchanged;
        db.ReportVersions.Remove(version);
        Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
    }
}
