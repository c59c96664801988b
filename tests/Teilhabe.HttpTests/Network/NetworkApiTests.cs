using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Audit;
using Teilhabe.Core.Data;
using Teilhabe.HttpTests.Clients;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Network;

/// <summary>Job development network (issue 10; NET-01…03) over the API, on SQLite and PostgreSQL.</summary>
public sealed class NetworkApiTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private static readonly string[] PersonalValues =
        [NetworkWorld.LastName, NetworkWorld.FirstName, NetworkWorld.BirthDate, "17.03.1981", NetworkWorld.Street, NetworkWorld.Phone, "99428", "Nohra"];

    private static async Task<string> BodyAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        await response.ExpectAsync(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    [Trait("Rule", "NET-03")]
    public async Task NET03_a_member_of_another_organisation_reads_no_personal_data_on_any_network_endpoint()
    {
        var world = await NetworkWorld.CreateAsync(factory);
        using var memberB = await factory.LoginAsync(world.CaseworkerB);
        using var caseworkerA = await factory.LoginAsync(world.Tenant.CaseworkerA);
        var potential = await memberB.CreatePotentialAsync(world.NetworkId);
        var candidate = await caseworkerA.OfferAsync(potential, world.ClientId);

        string[] paths =
        [
            "/api/v1/networks", $"/api/v1/networks/{world.NetworkId}", $"/api/v1/networks/{world.NetworkId}/report",
            $"/api/v1/networks/{world.NetworkId}/report?year={factory.BerlinToday().Year}", $"/api/v1/potentials/{potential}",
        ];
        foreach (var path in paths)
        {
            var body = await BodyAsync(memberB, path);
            foreach (var value in PersonalValues)
            {
                Assert.DoesNotContain(value, body, StringComparison.OrdinalIgnoreCase);
            }

            Assert.DoesNotContain(world.ClientId, body, StringComparison.OrdinalIgnoreCase);
        }

        var profile = (await memberB.GetJsonAsync($"/api/v1/potentials/{potential}")).GetProperty("candidates")[0];
        Assert.Matches("^K-[0-9A-F]{4}$", profile.GetProperty("pseudonym").GetString());
        Assert.Equal("PLZ-Gebiet 99", profile.GetProperty("region").GetString());
        Assert.Equal("Einarbeitung mit Jobcoaching", profile.GetProperty("supportNeeds").GetString());
        Assert.False(profile.GetProperty("own").GetBoolean());

        // The person itself stays hidden until revealed.
        using var person = await memberB.GetAsync($"/api/v1/candidates/{candidate}/person");
        await person.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    [Trait("Rule", "NET-03")]
    public async Task NET03_non_members_get_404_and_roles_without_network_access_403()
    {
        var world = await NetworkWorld.CreateAsync(factory);
        using var memberB = await factory.LoginAsync(world.CaseworkerB);
        using var caseworkerA = await factory.LoginAsync(world.Tenant.CaseworkerA);
        var potential = await memberB.CreatePotentialAsync(world.NetworkId);
        var candidate = await caseworkerA.OfferAsync(potential, world.ClientId);
        using var outsider = await factory.LoginAsync(world.CaseworkerC);

        foreach (var path in new[]
        {
            $"/api/v1/networks/{world.NetworkId}", $"/api/v1/networks/{world.NetworkId}/report", $"/api/v1/potentials/{potential}",
            $"/api/v1/candidates/{candidate}/person",
        })
        {
            using var response = await outsider.GetAsync(path);
            await response.ExpectAsync(HttpStatusCode.NotFound);
        }

        var list = await outsider.GetJsonAsync("/api/v1/networks");
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetString() == world.NetworkId);
        using (var moved = await outsider.MoveAsync(potential, "reviewing"))
        {
            await moved.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var recorded = await outsider.PostAsJsonAsync($"/api/v1/networks/{world.NetworkId}/potentials", new { title = "x", employerName = "y", jobs = 1 }))
        {
            await recorded.ExpectAsync(HttpStatusCode.NotFound);
        }

        var trainer = await factory.CreateUserAsync(Roles.Trainer, world.Tenant.ServiceA);
        using var trainerClient = await factory.LoginAsync(trainer);
        using var forbidden = await trainerClient.GetAsync("/api/v1/networks");
        await forbidden.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    [Trait("Rule", "NET-03")]
    public async Task NET03_only_the_owning_IFD_offers_its_client()
    {
        var world = await NetworkWorld.CreateAsync(factory);
        using var memberB = await factory.LoginAsync(world.CaseworkerB);
        var potential = await memberB.CreatePotentialAsync(world.NetworkId);

        using var foreign = await memberB.PostAsJsonAsync($"/api/v1/potentials/{potential}/candidates", new { clientId = world.ClientId });
        await foreign.ExpectAsync(HttpStatusCode.NotFound);

        using var coordinator = await factory.LoginAsync(world.Tenant.Coordinator);
        using var byOffice = await coordinator.PostAsJsonAsync($"/api/v1/potentials/{potential}/candidates", new { clientId = world.ClientId });
        Assert.NotEqual(HttpStatusCode.Created, byOffice.StatusCode);

        using var caseworkerA = await factory.LoginAsync(world.Tenant.CaseworkerA);
        using var named = await caseworkerA.PostAsJsonAsync($"/api/v1/potentials/{potential}/candidates",
            new { clientId = world.ClientId, skills = $"Frau {NetworkWorld.LastName} kann kochen" });
        await named.ExpectAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["NET-03"], await named.ReadViolatedRulesAsync());
    }

    [Fact]
    [Trait("Rule", "NET-03")]
    public async Task NET03_reveal_needs_the_recorded_consent_and_every_read_of_the_person_is_audited()
    {
        var world = await NetworkWorld.CreateAsync(factory);
        using var memberB = await factory.LoginAsync(world.CaseworkerB);
        using var caseworkerA = await factory.LoginAsync(world.Tenant.CaseworkerA);
        var potential = await memberB.CreatePotentialAsync(world.NetworkId);
        var candidate = await caseworkerA.OfferAsync(potential, world.ClientId);

        using (var refused = await caseworkerA.PostAsync($"/api/v1/candidates/{candidate}/reveal", null))
        {
            await refused.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["NET-03"], await refused.ReadViolatedRulesAsync());
        }

        using (var notOwner = await memberB.PostAsJsonAsync($"/api/v1/candidates/{candidate}/consent", new { givenOn = factory.BerlinToday() }))
        {
            await notOwner.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var consent = await caseworkerA.PostAsJsonAsync($"/api/v1/candidates/{candidate}/consent", new { givenOn = factory.BerlinToday() }))
        {
            await consent.ExpectAsync(HttpStatusCode.OK);
        }

        using (var byMember = await memberB.PostAsync($"/api/v1/candidates/{candidate}/reveal", null))
        {
            await byMember.ExpectAsync(HttpStatusCode.NotFound);
        }

        using (var revealed = await caseworkerA.PostAsync($"/api/v1/candidates/{candidate}/reveal", null))
        {
            await revealed.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(world.ProviderB, (await revealed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("revealedToOrganisationId").GetString());
        }

        var person = await memberB.GetJsonAsync($"/api/v1/candidates/{candidate}/person");
        Assert.Equal(NetworkWorld.LastName, person.GetProperty("lastName").GetString());
        Assert.Equal(NetworkWorld.Phone, person.GetProperty("phone").GetString());

        // Still no personal data in the network answers themselves.
        var body = await BodyAsync(memberB, $"/api/v1/potentials/{potential}");
        Assert.DoesNotContain(NetworkWorld.LastName, body, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TeilhabeDbContext>();
        var reads = await db.AuditEntries.Where(a => a.ClientId == Guid.Parse(world.ClientId) && a.Action == AuditActions.Read && a.UserId == world.CaseworkerB.Id).ToListAsync();
        Assert.Single(reads);
        Assert.Contains("NET-03", reads[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "NET-02")]
    public async Task NET02_stage_moves_go_forward_are_recorded_and_refused_moves_answer_422()
    {
        var world = await NetworkWorld.CreateAsync(factory);
        using var memberB = await factory.LoginAsync(world.CaseworkerB);
        using var caseworkerA = await factory.LoginAsync(world.Tenant.CaseworkerA);
        var potential = await caseworkerA.CreatePotentialAsync(world.NetworkId);

        using (var forward = await memberB.MoveAsync(potential, "solution"))
        {
            await forward.ExpectAsync(HttpStatusCode.OK);
        }

        using (var back = await memberB.MoveAsync(potential, "reviewing"))
        {
            await back.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["NET-02"], await back.ReadViolatedRulesAsync());
        }

        using (var unknown = await memberB.MoveAsync(potential, "done"))
        {
            await unknown.ExpectAsync(HttpStatusCode.BadRequest);
        }

        using (var dropped = await caseworkerA.MoveAsync(potential, "dropped"))
        {
            await dropped.ExpectAsync(HttpStatusCode.OK);
        }

        using (var afterEnd = await caseworkerA.MoveAsync(potential, "measures"))
        {
            await afterEnd.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["NET-02"], await afterEnd.ReadViolatedRulesAsync());
        }

        var details = await memberB.GetJsonAsync($"/api/v1/potentials/{potential}");
        Assert.Equal("dropped", details.GetProperty("stage").GetString());
        Assert.Empty(details.GetProperty("nextStages").EnumerateArray());
        var history = details.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["identified", "solution", "dropped"], history.Select(h => h.GetProperty("to").GetString()));
        Assert.All(history, h => Assert.Equal(factory.BerlinToday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), h.GetProperty("on").GetString()));
        Assert.Contains(world.CaseworkerB.UserName, history[1].GetProperty("by").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    [Trait("Rule", "NET-02")]
    public async Task NET02_the_report_counts_potentials_by_stage_jobs_created_and_new_inclusion_companies()
    {
        var world = await NetworkWorld.CreateAsync(factory);
        using var memberB = await factory.LoginAsync(world.CaseworkerB);
        var jobs = await memberB.CreatePotentialAsync(world.NetworkId, jobs: 3);
        var company = await memberB.CreatePotentialAsync(world.NetworkId, jobs: 5, title: "Inklusionsbetrieb Wäscherei");
        await memberB.CreatePotentialAsync(world.NetworkId, jobs: 1, title: "Hausmeister");
        (await memberB.MoveAsync(jobs, "created")).Dispose();
        (await memberB.MoveAsync(company, "measures")).Dispose();
        (await memberB.MoveAsync(company, "new-inclusion-company")).Dispose();

        using var leadA = await factory.LoginAsync(world.Tenant.LeadA);
        var report = await leadA.GetJsonAsync($"/api/v1/networks/{world.NetworkId}/report?year={factory.BerlinToday().Year}");
        var total = report.GetProperty("total");
        Assert.Equal(3, total.GetProperty("potentialsRecorded").GetInt32());
        Assert.Equal(8, total.GetProperty("jobsCreated").GetInt32());
        Assert.Equal(1, total.GetProperty("newInclusionCompanies").GetInt32());
        var stages = total.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!, s => s.GetProperty("count").GetInt32());
        Assert.Equal(1, stages["identified"]);
        Assert.Equal(1, stages["created"]);
        Assert.Equal(1, stages["new-inclusion-company"]);
        Assert.Equal("Mittelthüringen", report.GetProperty("regions")[0].GetProperty("region").GetString());

        var lastYear = await leadA.GetJsonAsync($"/api/v1/networks/{world.NetworkId}/report?year={factory.BerlinToday().Year - 1}");
        Assert.Equal(0, lastYear.GetProperty("total").GetProperty("jobsCreated").GetInt32());
    }

    [Fact]
    [Trait("Rule", "NET-01")]
    public async Task NET01_members_invite_and_the_coordinator_removes_members_but_stays_itself()
    {
        var world = await NetworkWorld.CreateAsync(factory);
        using var leadB = await factory.LoginAsync(world.LeadB);
        using var leadA = await factory.LoginAsync(world.Tenant.LeadA);

        using (var invited = await leadB.PostAsJsonAsync($"/api/v1/networks/{world.NetworkId}/members", new { organisationId = world.ProviderC, kind = "inclusion-company" }))
        {
            await invited.ExpectAsync(HttpStatusCode.Created);
        }

        using (var twice = await leadA.PostAsJsonAsync($"/api/v1/networks/{world.NetworkId}/members", new { organisationId = world.ProviderC }))
        {
            await twice.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["NET-01"], await twice.ReadViolatedRulesAsync());
        }

        var details = await leadA.GetJsonAsync($"/api/v1/networks/{world.NetworkId}");
        var members = details.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("organisationId").GetString()!, m => m.GetProperty("kind").GetString());
        Assert.Equal("inclusion-company", members[world.ProviderC]);
        Assert.Equal("ifd", members[world.Tenant.ProviderId]);

        using (var notCoordinator = await leadB.DeleteAsync($"/api/v1/networks/{world.NetworkId}/members/{world.ProviderC}"))
        {
            await notCoordinator.ExpectAsync(HttpStatusCode.Forbidden);
        }

        using (var removed = await leadA.DeleteAsync($"/api/v1/networks/{world.NetworkId}/members/{world.ProviderC}"))
        {
            await removed.ExpectAsync(HttpStatusCode.NoContent);
        }

        using (var self = await leadA.DeleteAsync($"/api/v1/networks/{world.NetworkId}/members/{world.Tenant.ProviderId}"))
        {
            await self.ExpectAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["NET-01"], await self.ReadViolatedRulesAsync());
        }

        using var caseworkerC = await factory.LoginAsync(world.CaseworkerC);
        using var gone = await caseworkerC.GetAsync($"/api/v1/networks/{world.NetworkId}");
        await gone.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    [Trait("Rule", "NET-01")]
    public async Task NET01_an_IFD_lead_founds_a_network_only_for_the_own_Traeger()
    {
        var world = await NetworkWorld.CreateAsync(factory);
        using var leadB = await factory.LoginAsync(world.LeadB);
        using var foreign = await leadB.PostAsJsonAsync("/api/v1/networks", new { name = "Fremd", region = "Ostthüringen", coordinatorOrganisationId = world.Tenant.ProviderId });
        await foreign.ExpectAsync(HttpStatusCode.Forbidden);

        using var caseworkerB = await factory.LoginAsync(world.CaseworkerB);
        using var caseworker = await caseworkerB.PostAsJsonAsync("/api/v1/networks", new { name = "Eigen", region = "Ostthüringen", coordinatorOrganisationId = world.ProviderB });
        await caseworker.ExpectAsync(HttpStatusCode.Forbidden);

        using var coordinator = await factory.LoginAsync(world.Tenant.Coordinator);
        var id = await coordinator.CreateNetworkAsync(world.ProviderB, "Virtuelles Büro Ostthüringen");
        var list = await caseworkerB.GetJsonAsync("/api/v1/networks");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetString() == id);
    }
}
