using Teilhabe.Core.Clients;

namespace Teilhabe.UnitTests.Clients;

public sealed class DisabilityTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void DIS01_only_an_SB_Ausweis_leaves_the_proof_incomplete()
    {
        var client = new ClientBuilder().Build();
        client.AddEvidence(EvidenceKind.Schwerbehindertenausweis, new DateOnly(2024, 1, 10), null, 50, null);
        Assert.Equal(DisabilityStatus.Incomplete, client.DisabilityStatus);
        Assert.False(client.Evidence[0].IsProof);
    }

    [Fact]
    public void DIS01_a_Feststellungsbescheid_with_GdB_50_proves_severe_disability()
    {
        var client = new ClientBuilder().Build();
        client.AddEvidence(EvidenceKind.Schwerbehindertenausweis, new DateOnly(2024, 1, 10), null, 50, null);
        client.AddEvidence(EvidenceKind.Feststellungsbescheid, new DateOnly(2024, 1, 5), null, 50, null);
        Assert.Equal(DisabilityStatus.SeverelyDisabled, client.DisabilityStatus);
    }

    [Fact]
    public void DIS01_GdB_30_with_a_Gleichstellungsbescheid_counts_as_gleichgestellt()
    {
        var client = new ClientBuilder().Build();
        client.AddEvidence(EvidenceKind.Feststellungsbescheid, new DateOnly(2023, 6, 1), null, 30, null);
        Assert.Equal(DisabilityStatus.Other, client.DisabilityStatus);
        client.AddEvidence(EvidenceKind.Gleichstellungsbescheid, new DateOnly(2024, 2, 1), null, 30, null);
        Assert.Equal(DisabilityStatus.Equated, client.DisabilityStatus);
    }

    [Fact]
    [Trait("Rule", "DIS-02")]
    public void DIS02_the_recorded_date_is_mit_Wirkung_ab_where_given_else_the_notice_date()
    {
        var client = new ClientBuilder().Build();
        var withEffect = client.AddEvidence(EvidenceKind.Feststellungsbescheid, new DateOnly(2025, 3, 1), new DateOnly(2025, 1, 1), 50, null);
        var without = client.AddEvidence(EvidenceKind.Gleichstellungsbescheid, new DateOnly(2025, 6, 15), null, 30, null);
        Assert.Equal(new DateOnly(2025, 1, 1), withEffect.RecordedDate);
        Assert.Equal(new DateOnly(2025, 6, 15), without.RecordedDate);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(55)]
    [InlineData(110)]
    public void Evidence_input_a_GdB_outside_20_to_100_in_steps_of_10_is_refused_at_the_degree_field(int degree)
    {
        var errors = DisabilityRules.CheckEvidence(EvidenceKind.Feststellungsbescheid, new DateOnly(2025, 1, 1), null, degree, Today);
        Assert.Contains(errors, e => e.Field == "degree");
    }

    [Fact]
    public void Evidence_input_a_notice_dated_in_the_future_is_refused_at_the_notice_date_field()
    {
        var errors = DisabilityRules.CheckEvidence(EvidenceKind.Feststellungsbescheid, Today.AddDays(1), null, 50, Today);
        Assert.Contains(errors, e => e.Field == "noticeDate");
    }

    [Fact]
    public void DIS03_the_first_disability_of_the_notice_is_care_relevant_by_default()
    {
        var client = new ClientBuilder().Build();
        var first = client.AddDisability("mental", "Depression", recognised: true, careRelevant: false);
        var second = client.AddDisability("physical-orthopaedic", "Bandscheibenvorfall", recognised: true, careRelevant: false);
        Assert.True(first.CareRelevant);
        Assert.False(second.CareRelevant);
        Assert.Equal([1, 2], client.Disabilities.Select(d => d.Order));
    }

    [Fact]
    public void DIS03_the_caseworker_may_mark_another_disability_and_only_one_is_care_relevant()
    {
        var client = new ClientBuilder().Build();
        var first = client.AddDisability("mental", "Depression", true, false);
        var second = client.AddDisability("hearing", "Schwerhörigkeit", true, false);
        client.MarkCareRelevant(second.Id);
        Assert.False(first.CareRelevant);
        Assert.True(second.CareRelevant);
        Assert.Single(client.Disabilities, d => d.CareRelevant);
    }

    [Fact]
    public void DIS03_a_condition_not_yet_recognised_carries_the_remark_nicht_anerkannt_and_is_not_care_relevant_by_default()
    {
        var client = new ClientBuilder().Build();
        var unrecognised = client.AddDisability("neurological", "Migräne", recognised: false, careRelevant: false);
        Assert.Equal("nicht anerkannt", unrecognised.Remark);
        Assert.False(unrecognised.CareRelevant);
        var recognised = client.AddDisability("mental", "Angststörung", recognised: true, careRelevant: false);
        Assert.True(recognised.CareRelevant);
    }
}
