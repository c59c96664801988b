using Microsoft.AspNetCore.Mvc;
using Teilhabe.Core.Contacts;
using Teilhabe.Web.Features.Deadlines;

namespace Teilhabe.Web.Features.Cases;

/// <summary>The case page's "Fristen": the case's deadline items (CT-04/CT-05 included) and the CT-06 exceptions.</summary>
internal sealed partial class DetailsModel
{
    public sealed record DeadlinePanel(IReadOnlyList<DeadlineItem> Items, IReadOnlyList<ContactException> Exceptions, bool CanRecordException);

    [BindProperty]
    public ContactExceptionForm ContactExceptionInput { get; set; } = new();

    /// <summary>Loaded by _Deadlines.cshtml itself, so the page's loading stays as it is.</summary>
    public async Task<DeadlinePanel> LoadDeadlinesAsync()
    {
        var ct = HttpContext.RequestAborted;
        var deadlines = HttpContext.RequestServices.GetRequiredService<DeadlineService>();
        var continuity = HttpContext.RequestServices.GetRequiredService<ContinuityService>();
        return new DeadlinePanel(await deadlines.ForCaseAsync(Case, ct), await continuity.ListExceptionsAsync(Case, ct), continuity.CanRecordException(Case));
    }

    /// <summary>CT-06: InA-Koordination records an exception with reason and period.</summary>
    public async Task<IActionResult> OnPostContactExceptionAsync(CancellationToken ct)
    {
        var @case = await cases.GetAsync(Id, ct);
        if (@case is null)
        {
            return NotFound();
        }

        var continuity = HttpContext.RequestServices.GetRequiredService<ContinuityService>();
        if (!continuity.CanRecordException(@case))
        {
            return Forbid();
        }

        var f = ContactExceptionInput;
        var (_, errors) = await continuity.AddExceptionAsync(@case, f.Reason, f.From, f.To, ct);
        return await AfterAsync(errors, nameof(ContactExceptionInput), "Die Ausnahme von der Kontakthäufigkeit ist erfasst (CT-06).", ct);
    }
}

/// <summary>CT-06: reason and period of an exception.</summary>
internal sealed class ContactExceptionForm
{
    public string? Reason { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
}
