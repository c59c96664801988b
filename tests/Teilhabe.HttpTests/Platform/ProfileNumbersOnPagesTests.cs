using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.Core.Profiles;
using Teilhabe.HttpTests.Cases;
using Teilhabe.HttpTests.Clients;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Platform;

/// <summary>
/// Pages state the numbers of the state profile in force, not fixed text: the same pages rendered for a user of a
/// Thuringian Integrationsamt and for a user of the example profile XX (every number different from TH's) show each
/// Land's own numbers, and the XX pages contain none of TH's.
/// </summary>
public sealed partial class ProfileNumbersOnPagesTests(TeilhabeFactory factory) : IClassFixture<TeilhabeFactory>
{
    private static readonly StateProfile Th = StateProfiles.Thuringia;

    private sealed record Pages(string ContactForm, string SecuringCase, string PlacementCase, string CaseList, string Workspace);

    /// <summary>
    /// The sentences of the pages that carry a number of the profile. Each is checked with TH's numbers on TH's pages
    /// and with XX's numbers on XX's pages, so a number written into a page as fixed text fails one of the two.
    /// </summary>
    private static IEnumerable<(string Page, string Text)> Sentences(StateProfile p) =>
    [
        // The contact form (CT-02, CT-03, CT-05, DOC-01).
        ("ContactForm", $"Höchstens {p.BackdatingWeeks} Wochen zurück (CT-03)"),
        ("ContactForm", $"später als {p.LateEntryWorkingDays} Arbeitstage nach dem Ereignis"),
        ("ContactForm", $"Ein Telefonat ab {p.LongPhoneCallMinutes} Minuten"),
        ("ContactForm", $"Höchstens {p.MaxUploadText} je Datei"),

        // The case page of a Sicherung in P3: move, funder change, extension (BA-EXT-01) and upload form.
        ("SecuringCase", $"Höchstens {p.BackdatingWeeks} Wochen rückwirkend, nicht in der Zukunft (CT-03)"),
        ("SecuringCase", $"höchstens {p.BackdatingWeeks} Wochen rückwirkend (CT-03)"),
        ("SecuringCase", $"Spätestens {p.ExtensionLeadWeeks} Wochen vor dem Ende"),
        ("SecuringCase", $"Höchstens {p.MaxUploadText} je Datei"),

        // The case page of a Vermittlung in P3: the successful-placement step (BA-ST-01) with the stabilisation months.
        ("PlacementCase", $"(Stabilisierungsphase, {p.StabilisationMonths} Monate)"),

        // The case list's overdue filter (PH-P2-02).
        ("CaseList", $"Qualifizierte Beratung länger als {p.CounsellingMaxMonths} Monate (PH-P2-02)"),

        // The InA-Koordination's workspace with the objection window (BA-SI-01).
        ("Workspace", $"nach {p.ObjectionWeeks} Wochen als beauftragt (BA-SI-01)"),
        ("Workspace", $"bis einschließlich zum {p.ObjectionDays}. Tag nach dem P3-Datum"),
    ];

    private static string Of(Pages pages, string page) => page switch
    {
        "ContactForm" => pages.ContactForm,
        "SecuringCase" => pages.SecuringCase,
        "PlacementCase" => pages.PlacementCase,
        "CaseList" => pages.CaseList,
        _ => pages.Workspace,
    };

    private async Task<Pages> RenderAsync(string state)
    {
        var tenant = await TestTenant.CreateAsync(factory, withSecondService: false, state: state);
        using var api = await factory.LoginAsync(tenant.CaseworkerA);
        var client = await api.CreateCompleteClientAsync(factory);
        var ina = await api.CreateFunderAsync(factory, "IntegrationOffice");
        var id = await api.CreateCaseAsync(new { clientId = client, careTypeCode = "retention", funderId = ina, legalBasisCode = "sgb9-185-2", caseGroupCode = "support-need", referringBodyCode = "employer" });
        await api.SignNoticeAsync(id, factory.Today(), state == TeilhabeFactory.ExampleProfile ? "XX-2026" : "2026-01");
        await api.UploadOkAsync(id, "DataProtectionNotice", "DisabilityProof", "GoalAgreement");
        using (var p3 = await api.MoveAsync(id, new { to = "P3" }))
        {
            await p3.ExpectAsync(HttpStatusCode.OK);
        }

        var agency = await api.CreateFunderAsync(factory, "EmploymentAgency");
        var placement = await api.CreateCaseAsync(new { clientId = await api.CreateCompleteClientAsync(factory), careTypeCode = "placement", funderId = agency, legalBasisCode = "placement-sgb3-sgb2", caseGroupCode = "support-need", referringBodyCode = "employment-agency" });
        await api.SignNoticeAsync(placement, factory.Today(), state == TeilhabeFactory.ExampleProfile ? "XX-2026" : "2026-01");
        await api.UploadOkAsync(placement, "DataProtectionNotice", "DisabilityProof", "GoalAgreement");
        using (var p3 = await api.MoveAsync(placement, new { to = "P3" }))
        {
            await p3.ExpectAsync(HttpStatusCode.OK);
        }

        using var caseworker = await factory.SignInToPagesAsync(tenant.CaseworkerA);
        using var coordinator = await factory.SignInToPagesAsync(tenant.Coordinator);
        return new Pages(
            await TextAsync(caseworker, $"/faelle/{id}/kontakte/neu"),
            await TextAsync(caseworker, $"/faelle/{id}/phase") + await TextAsync(caseworker, $"/faelle/{id}/dokumente"),
            await TextAsync(caseworker, $"/faelle/{placement}/phase"),
            await TextAsync(caseworker, "/faelle"),
            await TextAsync(coordinator, "/ina"));
    }

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        await response.ExpectAsync(HttpStatusCode.OK);
        return Whitespace().Replace(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), " ");
    }

    [Fact]
    public async Task Pages_under_the_example_profile_state_its_numbers_and_none_of_Thuringias()
    {
        var xx = factory.Services.GetRequiredService<StateProfileCatalog>().Find(TeilhabeFactory.ExampleProfile)!;
        var thPages = await RenderAsync("TH");
        var xxPages = await RenderAsync(TeilhabeFactory.ExampleProfile);

        foreach (var (page, text) in Sentences(Th))
        {
            Assert.True(Of(thPages, page).Contains(text, StringComparison.Ordinal), $"TH, {page}: „{text}“ fehlt.");
            Assert.False(Of(xxPages, page).Contains(text, StringComparison.Ordinal), $"XX, {page}: TH-Zahl in „{text}“.");
        }

        foreach (var (page, text) in Sentences(xx))
        {
            Assert.True(Of(xxPages, page).Contains(text, StringComparison.Ordinal), $"XX, {page}: „{text}“ fehlt.");
        }

        // Beyond the known sentences: no amount of weeks, months, minutes, working days or megabytes on the XX pages
        // is a number that only TH has for that unit.
        var thOnly = NumbersByUnit(Th).ToDictionary(u => u.Key, u => u.Value.Except(NumbersByUnit(xx)[u.Key]).ToHashSet());
        foreach (var html in new[] { xxPages.ContactForm, xxPages.SecuringCase, xxPages.PlacementCase, xxPages.CaseList, xxPages.Workspace })
        {
            foreach (Match m in Amount().Matches(html))
            {
                var unit = Unit(m.Groups["unit"].Value);
                Assert.False(thOnly[unit].Contains(long.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture)), $"XX-Seite nennt TH-Zahl: „{m.Value}“.");
            }
        }
    }

    private static string Unit(string word) => word switch
    {
        "Woche" or "Wochen" => "weeks",
        "Monat" or "Monate" or "Monaten" => "months",
        "Minuten" => "minutes",
        "Arbeitstag" or "Arbeitstage" or "Arbeitstagen" => "workingDays",
        _ => "megabytes",
    };

    private static Dictionary<string, HashSet<long>> NumbersByUnit(StateProfile p) => new()
    {
        ["weeks"] = [p.ObjectionWeeks, p.ExtensionLeadWeeks, p.BackdatingWeeks, p.PersonalContactWeeks, p.ContactGapWeeks],
        ["months"] = [p.CounsellingMaxMonths, p.DuplicateRegistrationMonths, p.RetentionMonths, p.SupportedEmploymentMonths, p.StabilisationMonths, p.InterimReportMonths ?? 0],
        ["minutes"] = [p.LongPhoneCallMinutes],
        ["workingDays"] = [p.LateEntryWorkingDays],
        ["megabytes"] = [p.MaxUploadBytes / 1024 / 1024],
    };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(?<n>\d+) (?<unit>Wochen?|Monate?n?|Minuten|Arbeitstage?n?|MB)\b")]
    private static partial Regex Amount();
}
