using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Data;
using Teilhabe.Web.Features.Cases;

namespace Teilhabe.Web.Features.Coordination;

/// <summary>PH-FDS-05: printable cover letter for a finished Zusatzauftrag of a funder other than the Integrationsamt.</summary>
[Authorize(Roles = CaseForms.IfdRoles)]
internal sealed class CoverLetterModel(CaseService cases, CaseAccess access, TeilhabeDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public LetterFacts Letter { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await cases.GetAsync(Id, ct) is not { } @case || !access.CanEdit(@case) || await LetterFacts.LoadAsync(@case, db, clock, ct) is not { IsAdditionalStatement: true } letter)
        {
            return NotFound();
        }

        Letter = letter;
        return Page();
    }
}
