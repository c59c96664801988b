namespace Teilhabe.Core.Clients;

/// <summary>CL-02 / FU-04: how alike two records are (0–100). Folded names, typing errors and the birth date count.</summary>
public static class DuplicateScore
{
    public const int Threshold = 50;

    public static int ForPerson(string lastName, string firstName, DateOnly? birthDate, string candidateLast, string candidateFirst, DateOnly? candidateBirth)
    {
        var score = NameScore(SearchText.Fold(lastName), SearchText.Fold(candidateLast), 45, 30);
        score += NameScore(SearchText.Fold(firstName), SearchText.Fold(candidateFirst), 25, 15);
        if (birthDate is not null && birthDate == candidateBirth)
        {
            score += 30;
        }

        return Math.Min(score, 100);
    }

    public static int ForName(string name, string candidate)
    {
        var a = SearchText.Fold(name);
        var b = SearchText.Fold(candidate);
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a == b)
        {
            return 100;
        }

        if (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal))
        {
            return 70;
        }

        var tokensA = a.Split(' ').Where(t => t.Length > 2).ToHashSet();
        var tokensB = b.Split(' ').Where(t => t.Length > 2).ToHashSet();
        var shared = tokensA.Intersect(tokensB).Count();
        var max = Math.Max(tokensA.Count, tokensB.Count);
        return max == 0 ? 0 : 80 * shared / max;
    }

    private static int NameScore(string a, string b, int exact, int near)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a == b)
        {
            return exact;
        }

        var allowed = Math.Max(1, Math.Min(a.Length, b.Length) / 5);
        if (SearchText.Distance(a, b) <= allowed || a.StartsWith(b, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal))
        {
            return near;
        }

        return 0;
    }
}
