using Teilhabe.Core.Clients;

namespace Teilhabe.UnitTests.Clients;

/// <summary>CL-03: corrections and removals of the client's records keep the earlier values; DIS-01, DIS-03 and EMP-01 follow.</summary>
public sealed class ClientRecordCorrectionTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void CL03_a_corrected_degree_changes_the_DIS01_status_and_the_change_keeps_the_earlier_degree()
    {
        var client = new ClientBuilder().Build();
        var evidence = client.AddEvidence(EvidenceKind.Feststellungsbescheid, new DateOnly(2025, 3, 1), null, 40, null);
        Assert.Equal(DisabilityStatus.Other, client.DisabilityStatus);

        var change = client.CorrectEvidence(evidence.Id, EvidenceKind.Feststellungsbescheid, new DateOnly(2025, 3, 1), null, 50, null, Now, "u1");

        Assert.Equal(DisabilityStatus.SeverelyDisabled, client.DisabilityStatus);
        Assert.Equal("40", change.EarlierValues["degree"]);
        Assert.False(change.Removed);
        Assert.Equal("u1", change.ChangedBy);
    }

    [Fact]
    public void CL03_a_removal_without_a_reason_is_refused_with_the_rule_id_and_keeps_the_record()
    {
        var client = new ClientBuilder().Build();
        var situation = client.AddEmployment("employed", new DateOnly(2023, 1, 1), null, Today);

        var (change, errors) = client.Remove(ClientRecordKind.EmploymentSituation, situation.Id, " ", Now, "u1");

        Assert.Null(change);
        Assert.Equal("CL-03", Assert.Single(errors).Rule);
        Assert.Single(client.Employment);
    }

    [Fact]
    public void CL03_a_removal_with_a_reason_drops_the_record_and_keeps_earlier_values_and_reason()
    {
        var client = new ClientBuilder().Build();
        var evidence = client.AddEvidence(EvidenceKind.Gleichstellungsbescheid, new DateOnly(2025, 2, 1), null, 30, null);

        var (change, errors) = client.Remove(ClientRecordKind.DisabilityEvidence, evidence.Id, "Bescheid einer anderen Person", Now, "u1");

        Assert.Empty(errors);
        Assert.Empty(client.Evidence);
        Assert.Equal(DisabilityStatus.None, client.DisabilityStatus);
        Assert.True(change!.Removed);
        Assert.Equal("Gleichstellungsbescheid", change.EarlierValues["kind"]);
        Assert.Equal("Bescheid einer anderen Person", change.Reason);
    }

    [Fact]
    public void DIS03_removing_the_care_relevant_disability_passes_the_mark_to_the_first_other_recognised_one_and_renumbers()
    {
        var client = new ClientBuilder().Build();
        var first = client.AddDisability("mental", "Depression", true, false);
        var second = client.AddDisability("neurological", "Migräne", false, false);
        var third = client.AddDisability("hearing", "Schwerhörigkeit", true, false);

        client.Remove(ClientRecordKind.Disability, first.Id, "doppelt erfasst", Now, "u1");

        Assert.True(third.CareRelevant);
        Assert.False(second.CareRelevant);
        Assert.Equal([1, 2], client.Disabilities.OrderBy(d => d.Order).Select(d => d.Order));
    }

    [Fact]
    public void DIS03_a_correction_marked_care_relevant_takes_the_mark_from_the_others()
    {
        var client = new ClientBuilder().Build();
        var first = client.AddDisability("mental", "Depression", true, false);
        var second = client.AddDisability("hearing", "Schwerhörigkeit", true, false);

        client.CorrectDisability(second.Id, "hearing", "Gehörlosigkeit", true, true, Now, "u1");

        Assert.True(second.CareRelevant);
        Assert.False(first.CareRelevant);
        Assert.Equal("Gehörlosigkeit", second.Description);
    }

    [Fact]
    public void EMP01_a_corrected_date_moves_the_state_between_expected_and_occurred()
    {
        var client = new ClientBuilder().Build();
        var situation = client.AddEmployment("employed", Today.AddDays(30), null, Today);
        Assert.Equal(EmploymentState.Expected, situation.State);

        client.CorrectEmployment(situation.Id, "employed", Today.AddDays(-2), null, Today, Now, "u1");
        Assert.Equal(EmploymentState.Occurred, situation.State);

        var change = client.CorrectEmployment(situation.Id, "employed", Today.AddDays(5), null, Today, Now, "u1");
        Assert.Equal(EmploymentState.Expected, situation.State);
        Assert.Equal("occurred", change.EarlierValues["state"]);
    }

    [Fact]
    public void EMP01_a_correction_that_keeps_the_date_keeps_the_state()
    {
        var client = new ClientBuilder().Build();
        var situation = client.AddEmployment("unemployed", Today.AddDays(10), null, Today);
        var later = Today.AddDays(12);

        client.CorrectEmployment(situation.Id, "marginal-employment", situation.From, null, later, Now, "u1");

        Assert.Equal(EmploymentState.Expected, situation.State);
        Assert.True(situation.AwaitsConfirmation(later));
    }
}
