using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Teilhabe.Web.Features.Rules;

/// <summary>
/// /regeln: the German text of every rule, one element per rule with the rule ID as its id, so the small
/// "Regel TOP-01" links of the other pages land on /regeln#TOP-01. Open to every signed-in user; no personal data.
/// </summary>
internal sealed class RulesModel : PageModel
{
    public const string Path = "/regeln";

    /// <summary>Optional filter (?q=): words that the rule's ID or text must all contain.</summary>
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public RuleBook Book { get; private set; } = RuleBook.Current;

    public int Total { get; private set; }

    public int Shown { get; private set; }

    public bool Filtered => !string.IsNullOrWhiteSpace(Query);

    public void OnGet()
    {
        var all = RuleBook.Current;
        Total = all.AllRules.Count();
        Book = all.Filter(Query);
        Shown = Book.AllRules.Count();
    }
}
