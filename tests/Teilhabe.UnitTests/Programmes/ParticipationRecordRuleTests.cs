using Teilhabe.Core.Programmes;

namespace Teilhabe.UnitTests.Programmes;

public sealed class ParticipationRecordRuleTests
{
    private static readonly Guid Office = Guid.CreateVersion7();
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static Participation Budget(out Programme programme)
    {
        programme = new Programme(Guid.CreateVersion7(), Office, Guid.CreateVersion7(), "pass(t)genau", ProgrammeTemplate.ModularQualification, 20);
        return new Participation(programme, Guid.CreateVersion7(), Guid.CreateVersion7(), LegalSphere.Sgb9, Day, Day, ParticipationStatus.Active);
    }

    [Fact]
    [Trait("Rule", "PRG-LO-04")]
    public void PRGLO04_a_reflection_talk_needs_a_past_date_and_a_self_rating_from_1_to_5()
    {
        Assert.Empty(ParticipationRecordRules.CheckReflection(Day, 1, null, null, Day));
        Assert.Empty(ParticipationRecordRules.CheckReflection(Day.AddDays(-3), 5, "Zu wenig Praxis", "Notiz", Day));

        Assert.Equal(["selfRating"], ParticipationRecordRules.CheckReflection(Day, 0, null, null, Day).Select(v => v.Field));
        Assert.Equal(["selfRating"], ParticipationRecordRules.CheckReflection(Day, 6, null, null, Day).Select(v => v.Field));
        Assert.Equal(["selfRating"], ParticipationRecordRules.CheckReflection(Day, null, null, null, Day).Select(v => v.Field));
        var future = ParticipationRecordRules.CheckReflection(Day.AddDays(1), 3, null, null, Day);
        Assert.Equal("PRG-LO-04", Assert.Single(future).Rule);
        Assert.Equal(2, ParticipationRecordRules.CheckReflection(null, 9, null, null, Day).Count);
    }

    [Fact]
    [Trait("Rule", "PRG-LO-04")]
    public void PRGLO04_the_reflection_talk_records_rating_and_criticism_of_the_participant()
    {
        var p = Budget(out _);
        p.AddReflection(Day, 4, "  Die Praktikumszeiten sind zu früh. ", " ");

        var talk = Assert.Single(p.Reflections);
        Assert.Equal(4, talk.SelfRating);
        Assert.Equal("Die Praktikumszeiten sind zu früh.", talk.Criticism);
        Assert.Null(talk.Notes);
    }

    [Fact]
    [Trait("Rule", "PRG-LO-05")]
    public void PRGLO05_a_goal_is_documented_for_a_module_of_the_programme_with_its_achievement()
    {
        Assert.Empty(ParticipationRecordRules.CheckModuleGoal(ProgrammeModules.Modular, "entry", "Tagesstruktur aufbauen", "partly-achieved", null));

        var wrong = ParticipationRecordRules.CheckModuleGoal(ProgrammeModules.Modular, "coaching", " ", "done", null);
        Assert.All(wrong, v => Assert.Equal("PRG-LO-05", v.Rule));
        Assert.Equal(["moduleCode", "goal", "achievement"], wrong.Select(v => v.Field));

        Assert.Equal(GoalAchievement.NotAchieved, ParticipationRecordRules.ParseAchievement("not-achieved"));
        Assert.Equal("open", ParticipationRecordRules.AchievementCode(GoalAchievement.Open));
        Assert.Null(ParticipationRecordRules.ParseAchievement("Achieved"));

        var p = Budget(out _);
        p.AddModuleGoal("qualification", " Pünktlich zur Arbeit ", GoalAchievement.Achieved, null, Day);
        var goal = Assert.Single(p.ModuleGoals);
        Assert.Equal(("qualification", "Pünktlich zur Arbeit", GoalAchievement.Achieved), (goal.ModuleCode, goal.Goal, goal.Achievement));
    }

    [Fact]
    [Trait("Rule", "PRG-LO-06")]
    public void PRGLO06_an_ICF_item_has_a_component_a_matching_code_and_a_qualifier_from_0_to_4()
    {
        Assert.Empty(ParticipationRecordRules.CheckIcfItem("d", "d845", "Eine Arbeit erhalten", 2));
        Assert.Empty(ParticipationRecordRules.CheckIcfItem("b", "b130", "Energie und Antrieb", 0));
        Assert.Empty(ParticipationRecordRules.CheckIcfItem("e", "e330", "Vorgesetzte", 4));

        Assert.Equal(["code"], ParticipationRecordRules.CheckIcfItem("b", "d845", "x", 1).Select(v => v.Field));
        Assert.Equal(["code"], ParticipationRecordRules.CheckIcfItem("d", "d8", "x", 1).Select(v => v.Field));
        Assert.Equal(["component"], ParticipationRecordRules.CheckIcfItem("s", "s110", "x", 1).Select(v => v.Field));
        Assert.Equal(["qualifier"], ParticipationRecordRules.CheckIcfItem("d", "d845", "x", 5).Select(v => v.Field));
        Assert.Equal(["qualifier"], ParticipationRecordRules.CheckIcfItem("d", "d845", "x", -1).Select(v => v.Field));
        Assert.All(ParticipationRecordRules.CheckIcfItem("x", null, null, null), v => Assert.Equal("PRG-LO-06", v.Rule));
    }
}

public sealed class ParticipationPlanRuleTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static Participation Coaching()
    {
        var programme = new Programme(Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), "Inklusionsinitiative", ProgrammeTemplate.Coaching, 150);
        return new Participation(programme, Guid.CreateVersion7(), Guid.CreateVersion7(), LegalSphere.Sgb3, Day, Day, ParticipationStatus.Active);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-03")]
    public void PRGTR03_eligible_only_when_seeking_work_severely_disabled_and_with_recorded_barriers()
    {
        var p = Coaching();
        Assert.Null(p.EligibilityCheckedOn);

        p.RecordEligibility(Day, seekingWork: true, severelyDisabled: true, " Langzeitarbeitslos ");
        Assert.True(p.IsEligible);
        Assert.Equal(Day, p.EligibilityCheckedOn);
        Assert.Equal("Langzeitarbeitslos", p.AdditionalBarriers);

        p.RecordEligibility(Day, seekingWork: true, severelyDisabled: false, "Langzeitarbeitslos");
        Assert.False(p.IsEligible);
        p.RecordEligibility(Day, seekingWork: false, severelyDisabled: true, "Langzeitarbeitslos");
        Assert.False(p.IsEligible);
        p.RecordEligibility(Day, seekingWork: true, severelyDisabled: true, " ");
        Assert.False(p.IsEligible);
        Assert.Null(p.AdditionalBarriers);
    }

    [Fact]
    [Trait("Rule", "PRG-TR-06")]
    public void PRGTR06_plan_entries_list_challenge_goal_steps_with_a_dated_review_that_moves_on_when_reviewed()
    {
        var p = Coaching();
        var entry = p.AddPlanEntry(" Unsicherheit im Bewerbungsgespräch ", "Sicher auftreten", " ", Day.AddMonths(2));

        Assert.Equal(("Unsicherheit im Bewerbungsgespräch", "Sicher auftreten", (string?)null, Day.AddMonths(2)), (entry.Challenge, entry.Goal, entry.Steps, entry.ReviewOn));
        Assert.Null(entry.ReviewedOn);

        entry.Review(Day.AddMonths(2), "Fortschritte", Day.AddMonths(4));
        Assert.Equal(Day.AddMonths(2), entry.ReviewedOn);
        Assert.Equal(Day.AddMonths(4), entry.ReviewOn);
        Assert.Equal("Fortschritte", entry.ReviewNote);
        Assert.Single(p.Plan);
    }
}
