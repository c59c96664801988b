using System.Collections.Frozen;
using Teilhabe.Core.Rules;

namespace Teilhabe.Core.Accounts;

/// <summary>
/// ACC-01: a password among the 10,000 most common ones is refused, also when only digits or special characters were
/// put around it ("Sommer2026!" is "sommer"). The list is the top of the "10 million password list" of the OWASP
/// SecLists project (Daniel Miessler, Jason Haddix; Creative Commons Attribution-ShareAlike 3.0), shipped unchanged
/// as <c>CommonPasswords.txt</c>; it is compared case-insensitively.
/// </summary>
public static class CommonPasswords
{
    private static readonly (FrozenSet<string> Set, int Lines) Shipped = Load();
    private static readonly FrozenSet<string> List = Shipped.Set;

    /// <summary>How many passwords the shipped list holds (some differ only in capitals: fewer distinct entries).</summary>
    public static int Count => Shipped.Lines;

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        if (List.Contains(lower))
        {
            return true;
        }

        var core = lower.Trim(Decoration);
        return core.Length >= 4 && List.Contains(core);
    }

    public static RuleViolation? Check(string password)
        => IsCommon(password)
            ? new RuleViolation(RuleIds.PasswordLength, "Dieses Passwort gehört zu den häufigsten Passwörtern und ist leicht zu erraten. Bitte ein anderes wählen (z. B. einen Satz aus mehreren Wörtern).", "password")
            : null;

    private static readonly char[] Decoration = [.. "0123456789!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ §°€"];

    private static (FrozenSet<string> Set, int Lines) Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Teilhabe.Core.Accounts.CommonPasswords.txt")
            ?? throw new InvalidOperationException("CommonPasswords.txt fehlt in Teilhabe.Core.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        var lines = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                lines++;
                set.Add(line.Trim().ToLowerInvariant());
            }
        }

        return (set.ToFrozenSet(StringComparer.Ordinal), lines);
    }
}
