using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Data;
using Teilhabe.Web.Features.Shared;

namespace Teilhabe.Web.Features.Staffing;

/// <summary>
/// "Abwesenheiten" (TR-03): a caseworker records their own absence with deputies; the IFD lead records them for anyone
/// of the IFD and sees every running or coming absence of the IFD.
/// </summary>
[Authorize(Roles = Roles.Caseworker + "," + Roles.Deputy + "," + Roles.ServiceLead)]
internal sealed class AbsencesModel(StaffingService staffing, ICurrentUser user) : PageModel
{
    public sealed class AbsenceForm
    {
        public string? UserId { get; set; }
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public List<string> DeputyUserIds { get; set; } = [];
    }

    [BindProperty]
    public AbsenceForm Form { get; set; } = new();

    public IReadOnlyList<StaffingService.AbsenceView> Absences { get; private set; } = [];
    public IReadOnlyList<StaffingService.Person> Colleagues { get; private set; } = [];
    public bool IsLead => staffing.IsLead;
    public DateOnly Today => staffing.Today;
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Message = TempData["AbsenceMessage"] as string;
        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var target = IsLead && !string.IsNullOrEmpty(Form.UserId) ? Form.UserId : user.UserId!;
        switch (await staffing.MayManageAbsencesOfAsync(target, ct))
        {
            case StaffingService.Refusal.NotFound:
                return NotFound();
            case StaffingService.Refusal.Forbidden:
                return Forbid();
        }

        var (absence, errors) = await staffing.RecordAbsenceAsync(target, Form.From, Form.To, Form.DeputyUserIds, ct);
        if (absence is null)
        {
            ModelState.Clear();
            ModelState.AddViolations(errors.Select(e => e with { Field = e.Field is null ? null : "Form." + char.ToUpperInvariant(e.Field[0]) + e.Field[1..] }));
            return await PageAsync(ct);
        }

        TempData["AbsenceMessage"] = $"Die Abwesenheit vom {absence.From:dd.MM.yyyy} bis {absence.To:dd.MM.yyyy} ist erfasst; die Vertretungen sehen in dieser Zeit alle Aufträge und Wiedervorlagen.";
        return Redirect("/abwesenheiten");
    }

    private async Task<IActionResult> PageAsync(CancellationToken ct)
    {
        Colleagues = await staffing.ColleaguesAsync(ct);
        Absences = IsLead ? await staffing.AbsencesOfServiceAsync(ct) : await staffing.AbsencesOfAsync(user.UserId!, ct);
        return Page();
    }
}
