using System.Globalization;
using System.Text.Json;
using Teilhabe.Core.Accounts;

namespace Teilhabe.Core.Profiles;

/// <summary>A state profile that cannot be used: the message names the file and every number that is missing or out of range.</summary>
public sealed class StateProfileException(string message) : InvalidOperationException(message);

/// <summary>
/// Reads the state profiles of a deployment from a folder of <c>&lt;CODE&gt;.json</c> files (API.md "State profiles"):
/// <c>{ "code", "name", "numbers": { … }, "rules": { "REP-06": … } }</c> plus optionally <c>"holidays"</c> (the Land
/// whose public holidays count, default: the code), <c>"example"</c>, <c>"secondFactorRoles"</c>, <c>"ageBands"</c>
/// <c>"formVersions"</c> and <c>"catalogues"</c> (<c>{ "referring-bodies": { "add": [{ "code", "label", "group"? }], "hide": ["code"] } }</c>
/// for the catalogues of <see cref="StateCatalogues.Adjustable"/>). Every number of <see cref="StateProfileNumbers"/> must be present and within its range.
/// </summary>
public static class StateProfileFile
{
    /// <summary>The built-in profiles plus those of <paramref name="folder"/> (none when null or empty).</summary>
    public static IReadOnlyList<StateProfile> LoadAll(string? folder)
    {
        var profiles = new List<StateProfile>(StateProfiles.BuiltIn);
        if (string.IsNullOrWhiteSpace(folder))
        {
            return profiles;
        }

        if (!System.IO.Directory.Exists(folder))
        {
            throw new StateProfileException($"Der Ordner der Landesprofile „{folder}“ (Teilhabe__Profiles__Path) existiert nicht.");
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var profile = Parse(File.ReadAllText(file), Path.GetFileName(file));
            if (profiles.Any(p => p.Code == profile.Code))
            {
                throw new StateProfileException($"Landesprofil {profile.Code} ({Path.GetFileName(file)}): ein Profil mit diesem Kürzel gibt es schon.");
            }

            profiles.Add(profile);
        }

        return profiles;
    }

    /// <summary>One profile from its JSON text; <paramref name="fileName"/> (<c>XX.json</c>) must match its code.</summary>
    public static StateProfile Parse(string json, string fileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new StateProfileException($"Landesprofil {fileName}: kein gültiges JSON ({e.Message}).");
        }

        using (document)
        {
            var root = document.RootElement;
            var errors = new List<string>();
            var code = Text(root, "code")?.Trim().ToUpperInvariant();
            var name = Text(root, "name")?.Trim();
            if (string.IsNullOrEmpty(code) || code.Length != 2)
            {
                errors.Add("„code“ fehlt oder ist kein Kürzel aus zwei Buchstaben.");
            }
            else if (!string.Equals(Path.GetFileNameWithoutExtension(fileName), code, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"„code“ {code} passt nicht zum Dateinamen (erwartet: {code}.json).");
            }

            if (string.IsNullOrEmpty(name))
            {
                errors.Add("„name“ fehlt.");
            }

            var holidays = (Text(root, "holidays") ?? code ?? string.Empty).Trim().ToUpperInvariant();
            if (!StateProfiles.IsKnownHolidayState(holidays))
            {
                errors.Add($"„holidays“: „{holidays}“ ist kein Bundesland (z. B. TH, SN, BY).");
            }

            var profile = StateProfiles.Thuringia with
            {
                Code = code ?? string.Empty,
                StateName = name ?? string.Empty,
                HolidayState = holidays,
                IsExample = root.TryGetProperty("example", out var example) && example.ValueKind == JsonValueKind.True,
            };

            profile = ReadNumbers(root, profile, errors);
            profile = ReadRules(root, profile, errors);
            profile = ReadLists(root, profile, errors);
            if (errors.Count == 0)
            {
                errors.AddRange(StateProfileNumbers.Check(profile));
            }

            if (errors.Count > 0)
            {
                throw new StateProfileException($"Landesprofil {(string.IsNullOrEmpty(code) ? fileName : code)} ({fileName}) ist fehlerhaft, die Anwendung startet nicht: " + string.Join(" ", errors));
            }

            return profile with { PublicHolidays = StateProfiles.HolidaysOf(holidays) };
        }
    }

    private static StateProfile ReadNumbers(JsonElement root, StateProfile profile, List<string> errors)
    {
        if (!root.TryGetProperty("numbers", out var numbers) || numbers.ValueKind != JsonValueKind.Object)
        {
            errors.Add("„numbers“ fehlt.");
            return profile;
        }

        foreach (var n in StateProfileNumbers.All)
        {
            if (!numbers.TryGetProperty(n.Name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                if (n.Optional)
                {
                    profile = n.With(profile, null);
                }
                else
                {
                    errors.Add($"Die Zahl „{n.Name}“ ({n.Rule}) fehlt.");
                }

                continue;
            }

            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
            {
                errors.Add($"Die Zahl „{n.Name}“ ({n.Rule}) ist keine ganze Zahl.");
                continue;
            }

            if (number < n.Min || number > n.Max)
            {
                errors.Add($"Die Zahl „{n.Name}“ ({n.Rule}) ist {number.ToString(CultureInfo.InvariantCulture)}, erlaubt sind {n.Min} bis {n.Max}.");
                continue;
            }

            profile = n.With(profile, number);
        }

        foreach (var property in numbers.EnumerateObject())
        {
            if (StateProfileNumbers.All.All(n => n.Name != property.Name))
            {
                errors.Add($"„{property.Name}“ ist keine Zahl eines Landesprofils.");
            }
        }

        return profile;
    }

    private static StateProfile ReadRules(JsonElement root, StateProfile profile, List<string> errors)
    {
        var rep06 = root.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Object
            && rules.TryGetProperty(StateProfileNumbers.InterimReportRule, out var on) ? on : default;
        if (rep06.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            errors.Add("„rules“: „REP-06“ fehlt (true oder false).");
            return profile;
        }

        if (rep06.ValueKind == JsonValueKind.True && profile.InterimReportMonths is null)
        {
            errors.Add("Die Zahl „interimReportMonths“ (REP-06) fehlt: REP-06 ist eingeschaltet.");
        }

        return rep06.ValueKind == JsonValueKind.False ? profile with { InterimReportMonths = null } : profile;
    }

    private static StateProfile ReadLists(JsonElement root, StateProfile profile, List<string> errors)
    {
        if (root.TryGetProperty("secondFactorRoles", out var roles))
        {
            var names = roles.ValueKind == JsonValueKind.Array ? roles.EnumerateArray().Select(r => r.GetString() ?? string.Empty).ToList() : [];
            var unknown = names.Where(r => !Roles.All.Contains(r)).ToList();
            if (roles.ValueKind != JsonValueKind.Array || unknown.Count > 0)
            {
                errors.Add($"„secondFactorRoles“: unbekannte Rolle(n) {string.Join(", ", unknown)}; erlaubt: {string.Join(", ", Roles.All)}.");
            }
            else
            {
                profile = profile with { SecondFactorRoles = names };
            }
        }

        if (root.TryGetProperty("ageBands", out var bands))
        {
            if (bands.ValueKind != JsonValueKind.Array || bands.EnumerateArray().Any(b => b.ValueKind != JsonValueKind.Number))
            {
                errors.Add("„ageBands“ (STAT-01) ist eine Liste ganzer Zahlen.");
            }
            else
            {
                profile = profile with { AgeBandLowerBounds = [.. bands.EnumerateArray().Select(b => b.GetInt32())] };
            }
        }

        if (root.TryGetProperty("formVersions", out var forms))
        {
            var versions = new List<StateFormVersion>();
            foreach (var f in forms.ValueKind == JsonValueKind.Array ? forms.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                var form = Text(f, "form");
                var formCode = Text(f, "code");
                var label = Text(f, "label");
                if (form is not ("DataProtectionNotice" or "GoalAgreement" or "ConfidentialityRelease") || string.IsNullOrWhiteSpace(formCode)
                    || string.IsNullOrWhiteSpace(label) || !DateOnly.TryParseExact(Text(f, "validFrom"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
                {
                    errors.Add("„formVersions“ (DOC-04): jeder Eintrag braucht „form“ (DataProtectionNotice, GoalAgreement oder ConfidentialityRelease), „code“, „label“ und „validFrom“ (JJJJ-MM-TT).");
                    break;
                }

                versions.Add(new StateFormVersion(form, formCode.Trim(), label.Trim(), from));
            }

            profile = profile with { FormVersions = versions };
        }

        if (root.TryGetProperty("catalogues", out var catalogues))
        {
            profile = ReadCatalogues(catalogues, profile, errors);
        }

        return profile;
    }

    /// <summary>TOP-01: additions and hidden shared codes; a new code must not repeat a shared one, a hidden code must exist.</summary>
    private static StateProfile ReadCatalogues(JsonElement catalogues, StateProfile profile, List<string> errors)
    {
        if (catalogues.ValueKind != JsonValueKind.Object)
        {
            errors.Add("„catalogues“ (TOP-01) ist ein Objekt: Katalogname → { „add“, „hide“ }.");
            return profile;
        }

        var shared = Catalogues.CatalogueSeed.All().ToLookup(s => s.Catalogue, s => s.Code);
        var additions = new List<StateCatalogueEntry>();
        var hidden = new Dictionary<string, IReadOnlySet<string>>();
        foreach (var catalogue in catalogues.EnumerateObject())
        {
            var name = catalogue.Name;
            if (!StateCatalogues.Adjustable.Contains(name))
            {
                errors.Add($"„catalogues.{name}“ (TOP-01): ein Landesprofil kann nur {string.Join(", ", StateCatalogues.Adjustable)} ergänzen.");
                continue;
            }

            var sharedCodes = shared[name].ToHashSet(StringComparer.Ordinal);
            if (catalogue.Value.TryGetProperty("add", out var add))
            {
                foreach (var entry in add.ValueKind == JsonValueKind.Array ? add.EnumerateArray() : Enumerable.Empty<JsonElement>())
                {
                    var entryCode = Text(entry, "code")?.Trim();
                    var label = Text(entry, "label")?.Trim();
                    if (string.IsNullOrEmpty(entryCode) || entryCode.Any(ch => !(char.IsAsciiLetterOrDigit(ch) || ch == '-')) || string.IsNullOrEmpty(label))
                    {
                        errors.Add($"„catalogues.{name}.add“ (TOP-01): jeder Eintrag braucht „code“ (Buchstaben, Ziffern, Bindestrich) und „label“.");
                        break;
                    }

                    if (sharedCodes.Contains(entryCode) || additions.Any(a => a.Catalogue == name && a.Code == entryCode))
                    {
                        errors.Add($"„catalogues.{name}.add“ (TOP-01): den Code „{entryCode}“ gibt es schon.");
                        continue;
                    }

                    additions.Add(new StateCatalogueEntry(name, entryCode, label, Text(entry, "group")?.Trim()));
                }
            }

            if (catalogue.Value.TryGetProperty("hide", out var hide))
            {
                var codes = hide.ValueKind == JsonValueKind.Array ? hide.EnumerateArray().Select(h => h.ValueKind == JsonValueKind.String ? h.GetString()! : string.Empty).ToList() : [string.Empty];
                var unknown = codes.Where(c => !sharedCodes.Contains(c)).ToList();
                if (unknown.Count > 0)
                {
                    errors.Add($"„catalogues.{name}.hide“ (TOP-01): unbekannte Codes {string.Join(", ", unknown.Select(u => $"„{u}“"))}.");
                }
                else
                {
                    hidden[name] = codes.ToHashSet(StringComparer.Ordinal);
                }
            }
        }

        return profile with { CatalogueAdditions = additions, HiddenCatalogueCodes = hidden };
    }

    private static string? Text(JsonElement e, string name)
        => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
