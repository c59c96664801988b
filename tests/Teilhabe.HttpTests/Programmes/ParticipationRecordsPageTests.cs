using System.Net;
using Teilhabe.Core.Accounts;
using Teilhabe.HttpTests.Contacts;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Programmes;

/// <summary>PRG-LO-04 and PRG-TR-06 through the participation page (forms, no JavaScript).</summary>
public sealed class ParticipationRecordsPageTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    [Fact]
    [Trait("Rule", "PRG-LO-04")]
    public async Task PRGLO04_and_PRGTR06_the_page_records_a_reflection_talk_and_a_plan_entry_and_lists_them()
    {
        using var staff = await factory.ProgrammeStaffAsync();
        var eh = await staff.Lead.CreateFunderAsync("IntegrationAssistance", factory.Unique("Eingliederungshilfe"));
        var programme = await staff.CreateProgrammeAsync("modular-qualification", 20, eh);
        var (p, _) = await staff.Trainer.ReferOkAsync(programme, eh, "SGB9", factory.BerlinToday().AddDays(-5));
        using var client = await factory.SignInToPagesAsync(await factory.CreateUserAsync(Roles.Trainer, staff.Tenant.ServiceA));
        var path = $"/teilnahmen/{p}";
        var today = factory.BerlinToday().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        using var reflection = await client.PostFormAsync($"{path}?handler=Reflection", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageSignIn.AntiforgeryToken(await client.GetStringAsync(path)),
            ["ReflectionOn"] = today,
            ["SelfRating"] = "3",
            ["Criticism"] = "Praxisanteil zu gering",
        });
        Assert.True(reflection.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect or HttpStatusCode.Found);
        using var plan = await client.PostFormAsync($"{path}?handler=PlanEntry", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PageSignIn.AntiforgeryToken(await client.GetStringAsync(path)),
            ["PlanChallenge"] = "Unsicherheit im Bewerbungsgespräch",
            ["PlanGoal"] = "Sicher auftreten",
            ["PlanReviewOn"] = today,
        });

        var page = await client.GetStringAsync(path);
        Assert.Contains("Praxisanteil zu gering", page);
        Assert.Contains("Unsicherheit im Bewerbungsgespr", page);
    }
}
