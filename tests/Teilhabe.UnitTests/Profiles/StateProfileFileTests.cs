using System.Text.Json.Nodes;
using Teilhabe.Core.Profiles;

namespace Teilhabe.UnitTests.Profiles;

/// <summary>
/// The JSON profiles of <c>Teilhabe__Profiles__Path</c> (API.md "State profiles"): every number must be present and in its
/// range, and a refusal names the number, so a broken profile stops the start with a message that says what to fix.
/// </summary>
public sealed class StateProfileFileTests
{
    private static readonly string ExampleFolder = Path.Combine(AppContext.BaseDirectory, "profiles");

    private static JsonObject Example() => JsonNode.Parse(File.ReadAllText(Path.Combine(ExampleFolder, "XX.json")))!.AsObject();

    private static StateProfileException Refused(JsonObject json, string fileName = "XX.json")
        => Assert.Throws<StateProfileException>(() => StateProfileFile.Parse(json.ToJsonString(), fileName));

    public static TheoryData<string, string> RequiredNumbers()
    {
        var data = new TheoryData<string, string>();
        foreach (var n in StateProfileNumbers.All.Where(n => !n.Optional))
        {
            data.Add(n.Name, n.Rule);
        }

        return data;
    }

    public static TheoryData<string, string, long> OutOfRange()
    {
        var data = new TheoryData<string, string, long>();
        foreach (var n in StateProfileNumbers.All)
        {
            data.Add(n.Name, n.Rule, n.Min - 1);
            data.Add(n.Name, n.Rule, n.Max + 1);
        }

        return data;
    }

    [Fact]
    public void The_example_profile_of_the_repository_is_read_with_its_numbers_and_REP06_on()
    {
        var xx = StateProfileFile.Parse(File.ReadAllText(Path.Combine(ExampleFolder, "XX.json")), "XX.json");

        Assert.Equal(("XX", "Beispielprofil (kein Landesrecht)", true), (xx.Code, xx.Name, xx.IsExample));
        Assert.Equal(4, xx.BackdatingWeeks);
        Assert.Equal(3, xx.CounsellingMaxMonths);
        Assert.Equal(3, xx.ObjectionWeeks);
        Assert.Equal(15, xx.LongPhoneCallMinutes);
        Assert.Equal(8L * 1024 * 1024, xx.MaxUploadBytes);
        Assert.Equal(6, xx.InterimReportMonths);
        Assert.True(StateProfileNumbers.Rules(xx)[StateProfileNumbers.InterimReportRule]);
        Assert.Empty(StateProfileNumbers.Check(xx));
    }

    [Fact]
    public void Every_number_of_the_example_profile_differs_from_Thuringias()
    {
        var xx = StateProfileFile.Parse(File.ReadAllText(Path.Combine(ExampleFolder, "XX.json")), "XX.json");

        var same = StateProfileNumbers.All.Where(n => n.Get(xx) == n.Get(StateProfiles.Thuringia)).Select(n => n.Name).ToList();

        Assert.Empty(same);
    }

    [Theory]
    [MemberData(nameof(RequiredNumbers))]
    public void A_missing_number_is_refused_naming_the_number(string name, string rule)
    {
        var json = Example();
        json["numbers"]!.AsObject().Remove(name);

        var error = Refused(json);

        Assert.Contains("Landesprofil XX", error.Message);
        Assert.Contains($"Die Zahl „{name}“ ({rule}) fehlt.", error.Message);
    }

    [Theory]
    [MemberData(nameof(OutOfRange))]
    public void An_out_of_range_number_is_refused_naming_the_number_and_its_range(string name, string rule, long value)
    {
        var json = Example();
        json["numbers"]![name] = value;
        var range = StateProfileNumbers.All.Single(n => n.Name == name);

        var error = Refused(json);

        Assert.Contains($"Die Zahl „{name}“ ({rule}) ist {value}, erlaubt sind {range.Min} bis {range.Max}.", error.Message);
    }

    [Fact]
    public void A_number_that_is_not_a_whole_number_is_refused_naming_it()
    {
        var json = Example();
        json["numbers"]!["objectionWeeks"] = "vier";

        Assert.Contains("„objectionWeeks“ (BA-SI-01) ist keine ganze Zahl", Refused(json).Message);
    }

    [Fact]
    public void An_unknown_number_is_refused_naming_it()
    {
        var json = Example();
        json["numbers"]!["objectionDays"] = 28;

        Assert.Contains("„objectionDays“ ist keine Zahl eines Landesprofils", Refused(json).Message);
    }

    [Fact]
    public void REP06_switched_on_without_its_months_is_refused()
    {
        var json = Example();
        json["numbers"]!.AsObject().Remove("interimReportMonths");

        Assert.Contains("„interimReportMonths“ (REP-06) fehlt: REP-06 ist eingeschaltet", Refused(json).Message);
    }

    [Fact]
    public void REP06_switched_off_leaves_the_rule_off_whatever_the_months()
    {
        var json = Example();
        json["rules"]!["REP-06"] = false;

        var profile = StateProfileFile.Parse(json.ToJsonString(), "XX.json");

        Assert.Null(profile.InterimReportMonths);
        Assert.False(profile.InterimReportsRequired);
    }

    [Fact]
    public void Several_faults_are_all_named_in_one_message()
    {
        var json = Example();
        json["numbers"]!.AsObject().Remove("contactGapWeeks");
        json["numbers"]!["sessionHours"] = 0;

        var error = Refused(json);

        Assert.Contains("„contactGapWeeks“ (CT-05) fehlt", error.Message);
        Assert.Contains("„sessionHours“ (ACC-13) ist 0", error.Message);
    }

    [Fact]
    public void A_code_that_does_not_match_the_file_name_is_refused()
    {
        Assert.Contains("passt nicht zum Dateinamen", Refused(Example(), "YY.json").Message);
    }

    [Fact]
    public void An_unknown_Land_for_the_holidays_is_refused()
    {
        var json = Example();
        json["holidays"] = "QQ";

        Assert.Contains("„holidays“: „QQ“ ist kein Bundesland", Refused(json).Message);
    }

    [Fact]
    public void Text_that_is_not_JSON_is_refused_naming_the_file()
    {
        var error = Assert.Throws<StateProfileException>(() => StateProfileFile.Parse("{ \"code\": ", "XX.json"));

        Assert.Contains("Landesprofil XX.json: kein gültiges JSON", error.Message);
    }

    [Fact]
    public void The_folder_of_the_repository_gives_TH_and_the_example_profile()
    {
        var all = StateProfileFile.LoadAll(ExampleFolder);

        Assert.Equal(["TH", "XX"], all.Select(p => p.Code));
        Assert.Equal(["TH"], StateProfileFile.LoadAll(null).Select(p => p.Code));
    }

    [Fact]
    public void A_missing_folder_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<StateProfileException>(() => StateProfileFile.LoadAll(Path.Combine(Path.GetTempPath(), $"fehlt-{Guid.NewGuid():N}")));

        Assert.Contains("Teilhabe__Profiles__Path", error.Message);
    }

    [Fact]
    public void A_second_profile_with_the_built_in_code_is_refused()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"teilhabe-profiles-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(folder);
        try
        {
            var json = Example();
            json["code"] = "TH";
            File.WriteAllText(Path.Combine(folder, "TH.json"), json.ToJsonString());

            var error = Assert.Throws<StateProfileException>(() => StateProfileFile.LoadAll(folder));

            Assert.Contains("ein Profil mit diesem Kürzel gibt es schon", error.Message);
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_unknown_default_profile_is_refused_naming_the_available_ones()
    {
        var error = Assert.Throws<StateProfileException>(() => new StateProfileCatalog(StateProfileFile.LoadAll(ExampleFolder), "BY"));

        Assert.Contains("„BY“ (Teilhabe__Profile)", error.Message);
        Assert.Contains("TH, XX", error.Message);
    }

    [Fact]
    [Trait("Rule", "TOP-01")]
    public void TOP01_the_example_profile_adds_its_own_catalogue_entries_and_hides_a_shared_one()
    {
        var xx = StateProfileFile.Parse(File.ReadAllText(Path.Combine(ExampleFolder, "XX.json")), "XX.json");

        Assert.Contains(new StateCatalogueEntry("referring-bodies", "xx-landesprogramm", "Landesprogramm Arbeit (Beispiel)", null), xx.CatalogueAdditions);
        Assert.Contains(xx.CatalogueAdditions, a => a is { Catalogue: "topics", Code: "xx-budget-arbeit", Group: "Sicherung" });
        Assert.True(xx.Hides("referring-bodies", "clinic"));
        Assert.False(xx.Hides("referring-bodies", "employer"));
        Assert.False(StateProfiles.Thuringia.Hides("referring-bodies", "clinic"));
    }

    [Theory]
    [Trait("Rule", "TOP-01")]
    [InlineData("legal-bases", """{ "add": [{ "code": "xx-lb", "label": "Landesrecht" }] }""", "„catalogues.legal-bases“ (TOP-01): ein Landesprofil kann nur")]
    [InlineData("referring-bodies", """{ "add": [{ "code": "employer", "label": "Arbeitgeber" }] }""", "den Code „employer“ gibt es schon")]
    [InlineData("referring-bodies", """{ "add": [{ "code": "xx neu", "label": "Neu" }] }""", "jeder Eintrag braucht „code“")]
    [InlineData("topics", """{ "hide": ["no-such-topic"] }""", "unbekannte Codes „no-such-topic“")]
    public void TOP01_a_catalogue_part_that_would_break_a_rule_or_a_code_stops_the_start_naming_it(string catalogue, string part, string expected)
    {
        var json = Example();
        json["catalogues"] = new JsonObject { [catalogue] = JsonNode.Parse(part) };

        Assert.Contains(expected, Refused(json).Message);
    }
}
