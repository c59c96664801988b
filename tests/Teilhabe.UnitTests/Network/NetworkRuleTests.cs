using System.Text.Json;
using Teilhabe.Core.Clients;
using Teilhabe.Core.Network;
using Teilhabe.Web.Features.Network;

namespace Teilhabe.UnitTests.Network;

/// <summary>NET-01…03: membership, the potential pipeline and the anonymised candidate profile.</summary>
public sealed class NetworkRuleTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static JobNetwork Network(Guid? coordinator = null)
        => new("Virtuelles Büro", "Mittelthüringen", coordinator ?? Guid.NewGuid(), MemberKind.Ifd, Today, "u1");

    private static JobPotential Potential(JobNetwork? network = null, int jobs = 2, DateOnly? on = null)
        => new(network ?? Network(), new PotentialDraft("Küchenhilfen", "Stadtwerke", jobs, "Ausgleichsabgabe"), Guid.NewGuid(), on ?? Today, Now, "u1");

    private static Client Client() => new(Guid.NewGuid(), Guid.NewGuid(), new ClientData(
        "Wunderlich", "Annegret", new DateOnly(1981, 3, 17), Gender.Female, "deutsch", new Address("Kastanienallee 12", "99428", "Nohra"), "0361 5557788", "a.w@example.org"));

    [Fact]
    [Trait("Rule", "NET-01")]
    public void NET01_the_coordinator_is_a_member_and_cannot_be_removed()
    {
        var coordinator = Guid.NewGuid();
        var network = Network(coordinator);
        var other = Guid.NewGuid();

        Assert.True(network.HasMember(coordinator));
        Assert.NotNull(network.AddMember(other, MemberKind.ShelteredWorkshop, Today, "u1"));
        Assert.Null(network.AddMember(other, MemberKind.Employer, Today, "u1"));
        Assert.False(network.RemoveMember(coordinator));
        Assert.True(network.RemoveMember(other));
        Assert.False(network.HasMember(other));
    }

    [Theory]
    [Trait("Rule", "NET-02")]
    [InlineData(PotentialStage.Identified, PotentialStage.Reviewing, true)]
    [InlineData(PotentialStage.Identified, PotentialStage.Solution, true)]
    [InlineData(PotentialStage.Measures, PotentialStage.Created, true)]
    [InlineData(PotentialStage.Measures, PotentialStage.NewInclusionCompany, true)]
    [InlineData(PotentialStage.Reviewing, PotentialStage.Dropped, true)]
    [InlineData(PotentialStage.Solution, PotentialStage.Reviewing, false)]
    [InlineData(PotentialStage.Reviewing, PotentialStage.Reviewing, false)]
    [InlineData(PotentialStage.Created, PotentialStage.NewInclusionCompany, false)]
    [InlineData(PotentialStage.Created, PotentialStage.Dropped, false)]
    [InlineData(PotentialStage.Dropped, PotentialStage.Identified, false)]
    [InlineData(PotentialStage.NewInclusionCompany, PotentialStage.Measures, false)]
    public void NET02_moves_go_forward_dropped_from_any_open_stage_and_end_stages_are_final(PotentialStage from, PotentialStage to, bool allowed)
    {
        var errors = PotentialPipeline.Check(from, to);

        Assert.Equal(allowed, errors.Count == 0);
        Assert.All(errors, e => Assert.Equal("NET-02", e.Rule));
    }

    [Fact]
    [Trait("Rule", "NET-02")]
    public void NET02_each_stage_change_is_recorded_with_day_and_user()
    {
        var potential = Potential();

        Assert.Empty(potential.MoveTo(PotentialStage.Solution, Today.AddDays(3), Now.AddDays(3), "u2"));
        Assert.NotEmpty(potential.MoveTo(PotentialStage.Reviewing, Today.AddDays(4), Now.AddDays(4), "u3"));

        Assert.Equal(PotentialStage.Solution, potential.Stage);
        Assert.Equal(Today.AddDays(3), potential.StageSince);
        var last = potential.StageChanges[^1];
        Assert.Equal((PotentialStage.Identified, PotentialStage.Solution, Today.AddDays(3), "u2"), (last.From!.Value, last.To, last.On, last.By));
        Assert.Equal(2, potential.StageChanges.Count);
    }

    [Fact]
    [Trait("Rule", "NET-02")]
    public void NET02_the_report_counts_by_stage_at_year_end_and_the_jobs_of_the_year()
    {
        var network = Network();
        var created = Potential(network, jobs: 3, on: new DateOnly(2025, 5, 1));
        created.MoveTo(PotentialStage.Created, new DateOnly(2026, 2, 1), Now, "u");
        var closedLastYear = Potential(network, on: new DateOnly(2025, 3, 1));
        closedLastYear.MoveTo(PotentialStage.Dropped, new DateOnly(2025, 4, 1), Now, "u");
        var company = Potential(network, jobs: 6);
        company.MoveTo(PotentialStage.NewInclusionCompany, Today, Now, "u");
        var open = Potential(network);
        open.MoveTo(PotentialStage.Reviewing, Today, Now, "u");

        var report = NetworkReport.Build([created, closedLastYear, company, open], 2026);
        var stages = report.Total.Stages.ToDictionary(s => s.Stage, s => s.Count);

        Assert.Equal(1, stages[PotentialStage.Created]);
        Assert.Equal(0, stages[PotentialStage.Dropped]);
        Assert.Equal(1, stages[PotentialStage.Reviewing]);
        Assert.Equal(1, stages[PotentialStage.NewInclusionCompany]);
        Assert.Equal(9, report.Total.JobsCreated);
        Assert.Equal(1, report.Total.NewInclusionCompanies);
        Assert.Equal(2, report.Total.PotentialsRecorded);
        Assert.Equal("Mittelthüringen", Assert.Single(report.Regions).Region);

        var lastYear = NetworkReport.Build([created, closedLastYear, company, open], 2025);
        Assert.Equal(1, lastYear.Total.Stages.Single(s => s.Stage == PotentialStage.Dropped).Count);
        Assert.Equal(0, lastYear.Total.JobsCreated);
    }

    [Fact]
    [Trait("Rule", "NET-03")]
    public void NET03_the_candidate_profile_has_no_field_for_personal_data()
    {
        string[] forbidden = ["name", "lastname", "firstname", "birthdate", "address", "street", "postalcode", "city", "phone", "email", "clientid", "disabilities", "gender"];
        foreach (var type in new[] { typeof(CandidateProfile), typeof(NetworkDtos.CandidateDto) })
        {
            var names = type.GetProperties().Select(p => p.Name.ToLowerInvariant()).ToList();
            Assert.DoesNotContain(names, n => forbidden.Contains(n));
        }
    }

    [Fact]
    [Trait("Rule", "NET-03")]
    public void NET03_the_projection_of_a_candidate_carries_nothing_of_the_client_record()
    {
        var client = Client();
        var candidate = new NetworkCandidate(Potential(), client, new CandidateProfileInput("Lager", "Teilzeit", "Jobcoaching", null), "K-7F3A", Today, "u1");

        var json = JsonSerializer.Serialize(NetworkDtos.CandidateDto.From(CandidateProfile.From(candidate), own: false));

        foreach (var value in new[] { "Wunderlich", "Annegret", "1981", "Kastanienallee", "5557788", "example.org", "Nohra", "99428", client.Id.ToString() })
        {
            Assert.DoesNotContain(value, json, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("PLZ-Gebiet 99", json, StringComparison.Ordinal);
        Assert.Contains("K-7F3A", json, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "NET-03")]
    public void NET03_profile_texts_with_the_clients_name_birth_date_or_contact_are_refused()
    {
        var client = Client();

        Assert.Empty(CandidateProfiles.Check(new("Lager, Küche", "Vollzeit", "Jobcoaching", "Weimarer Land"), client));
        Assert.Equal(["NET-03"], CandidateProfiles.Check(new("Frau Wunderlich kocht gern", null, null, null), client).Select(e => e.Rule));
        Assert.Equal(["NET-03"], CandidateProfiles.Check(new(null, null, "geb. 17.03.1981", null), client).Select(e => e.Rule));
        Assert.Equal(["NET-03"], CandidateProfiles.Check(new(null, "Anruf 0361 5557788", null, null), client).Select(e => e.Rule));
        Assert.Equal(["NET-03"], CandidateProfiles.Check(new(null, null, null, "Kastanienallee 12"), client).Select(e => e.Rule));
    }

    [Fact]
    [Trait("Rule", "NET-03")]
    public void NET03_the_person_is_revealed_only_after_recorded_consent()
    {
        var candidate = new NetworkCandidate(Potential(), Client(), new CandidateProfileInput("Lager", null, null, null), "K-0001", Today, "u1");
        var member = Guid.NewGuid();

        Assert.Equal(["NET-03"], candidate.Reveal(member, Now, "u1").Select(e => e.Rule));
        Assert.Null(candidate.RevealedAt);

        candidate.RecordConsent(Today, "u1");
        Assert.Empty(candidate.Reveal(member, Now, "u1"));
        Assert.Equal(member, candidate.RevealedToOrganisationId);
    }
}
