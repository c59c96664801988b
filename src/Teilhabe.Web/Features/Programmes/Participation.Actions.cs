using Microsoft.AspNetCore.Mvc;

namespace Teilhabe.Web.Features.Programmes;

/// <summary>
/// Job start and aftercare contacts (PRG-TR-07), placement prospect (PRG-TR-08), end of the participation (PRG-TR-05)
/// and the signed participation contract (PRG-TR-04) on the participation page, through the services the API uses.
/// </summary>
internal sealed partial class ParticipationModel
{
    [BindProperty]
    public DateOnly? JobStartOn { get; set; }

    [BindProperty]
    public string? JobStartKind { get; set; }

    [BindProperty]
    public DateOnly? AftercareOn { get; set; }

    [BindProperty]
    public string? AftercareWith { get; set; }

    [BindProperty]
    public string? AftercareForm { get; set; }

    [BindProperty]
    public string? AftercareNote { get; set; }

    [BindProperty]
    public bool Prospect { get; set; }

    [BindProperty]
    public DateOnly? ProspectOn { get; set; }

    [BindProperty]
    public DateOnly? EndOn { get; set; }

    [BindProperty]
    public string? EndReason { get; set; }

    [BindProperty]
    public string? EndNote { get; set; }

    [BindProperty]
    public DateOnly? ContractSignedOn { get; set; }

    [BindProperty]
    public IFormFile? ContractFile { get; set; }

    public string MaxUploadText => programmes.MaxUploadText;

    private void FillActionDefaults()
    {
        var p = View.Participation;
        JobStartOn ??= p.JobStartOn;
        JobStartKind ??= p.PlacementKind;
        AftercareOn ??= Today;
        ProspectOn ??= p.ProspectAssessedOn ?? Today;
        if (Request.Method == HttpMethods.Get)
        {
            Prospect = p.PlacementProspect;
        }

        EndOn ??= Today;
        ContractSignedOn ??= p.ContractSignedOn;
    }

    public async Task<IActionResult> OnPostJobStartAsync(Guid id, CancellationToken ct)
        => await AfterAsync(id, await programmes.RecordJobStartAsync(id, JobStartOn, JobStartKind, ct), "Der Arbeitsbeginn ist eingetragen; die Nachbetreuung läuft.", ct,
            new Dictionary<string, string> { ["on"] = nameof(JobStartOn), ["kind"] = nameof(JobStartKind) });

    public async Task<IActionResult> OnPostAftercareAsync(Guid id, CancellationToken ct)
        => await AfterAsync(id, await programmes.AddAftercareContactAsync(id, AftercareOn, AftercareWith, AftercareForm, AftercareNote, ct), "Der Kontakt der Nachbetreuung ist eingetragen.", ct,
            new Dictionary<string, string> { ["on"] = nameof(AftercareOn), ["with"] = nameof(AftercareWith), ["form"] = nameof(AftercareForm), ["note"] = nameof(AftercareNote) });

    public async Task<IActionResult> OnPostProspectAsync(Guid id, CancellationToken ct)
        => await AfterAsync(id, await programmes.SetProspectAsync(id, Prospect, ProspectOn, ct), "Die Einschätzung der Vermittlungsperspektive ist gespeichert.", ct,
            new Dictionary<string, string> { ["prospect"] = nameof(Prospect), ["on"] = nameof(ProspectOn) });

    public async Task<IActionResult> OnPostEndAsync(Guid id, CancellationToken ct)
        => await AfterAsync(id, await programmes.EndAsync(id, EndOn, EndReason, EndNote, ct), "Die Teilnahme ist beendet; der Platz ist frei.", ct,
            new Dictionary<string, string> { ["on"] = nameof(EndOn), ["reason"] = nameof(EndReason), ["note"] = nameof(EndNote) });

    public async Task<IActionResult> OnPostContractAsync(Guid id, CancellationToken ct)
    {
        await using var stream = ContractFile?.OpenReadStream();
        var upload = ContractFile is null ? null : new ProgrammeService.ContractUpload(ContractFile.FileName, stream!, ContractFile.Length);
        return await AfterAsync(id, await programmes.UploadContractAsync(id, ContractSignedOn, upload, ct), "Der unterschriebene Teilnahmevertrag ist gespeichert.", ct,
            new Dictionary<string, string> { ["contractSignedOn"] = nameof(ContractSignedOn), ["file"] = nameof(ContractFile) });
    }

    public async Task<IActionResult> OnGetContractAsync(Guid id, CancellationToken ct)
        => await programmes.OpenContractAsync(id, ct) is { } f ? File(f.Content, f.ContentType, f.FileName) : NotFound();
}
