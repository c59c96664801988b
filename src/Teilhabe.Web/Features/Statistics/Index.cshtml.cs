using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Teilhabe.Core.Accounts;
using Teilhabe.Core.Time;

namespace Teilhabe.Web.Features.Statistics;

/// <summary>STAT-01..03: the statistics page for IFD-Leitung (own IFD) and InA-Koordination (its state, per IFD).</summary>
[Authorize(Roles = Roles.ServiceLead + "," + Roles.IntegrationOfficeCoordinator)]
internal sealed class IndexModel(StatisticsService statistics, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "serviceId")]
    public Guid? ServiceId { get; set; }

    [BindProperty(SupportsGet = true, Name = "public")]
    public bool Public { get; set; }

    public List<(Guid Id, string Name)> Services { get; private set; } = [];
    public bool IsCoordinator => statistics.IsCoordinator;
    public AnnualStatistics? Result { get; private set; }
    public ServiceComparisonResult? Comparison { get; private set; }
    public string ScopeName { get; private set; } = string.Empty;

    /// <summary>The query string of the downloads (same parameters as the page).</summary>
    public string DownloadQuery { get; private set; } = string.Empty;

    /// <summary>STAT-03: the CSV download of the page's figures (cookie sign-in; the API takes a bearer token).</summary>
    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) => DownloadAsync("csv", ct);

    /// <summary>STAT-03: the XLSX download of the page's figures.</summary>
    public Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) => DownloadAsync("xlsx", ct);

    private async Task<IActionResult> DownloadAsync(string format, CancellationToken ct)
    {
        var result = await OnGetAsync(ct);
        if (Result is null)
        {
            return result is NotFoundResult ? result : BadRequest(string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)));
        }

        var name = $"statistik-{Result.From:yyyyMMdd}-{Result.To:yyyyMMdd}{(Public ? "-veroeffentlichung" : string.Empty)}.{format}";
        return format == "csv"
            ? File(StatisticsExport.Csv(Result, ScopeName), StatisticsApi.CsvType, name)
            : File(StatisticsExport.Xlsx(Result, ScopeName), StatisticsApi.XlsxType, name);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Services = await statistics.ServicesInScopeAsync(ct);
        if (!await statistics.InScopeAsync(ServiceId, ct))
        {
            return NotFound();
        }

        var query = new StatisticsApi.Query { Year = Year, From = From, To = To, ServiceId = ServiceId, Public = Public };
        if (From is null && To is null && Year is null)
        {
            query.Year = Year = clock.Today().Year;
        }

        var (from, to, errors) = query.Period(clock);
        foreach (var e in errors)
        {
            ModelState.AddModelError(e.Field ?? string.Empty, e.Message);
        }

        if (errors.Count > 0)
        {
            return Page();
        }

        Result = await statistics.ComputeAsync(from, to, ServiceId, Public, ct);
        ScopeName = await statistics.ScopeNameAsync(ServiceId, ct);
        if (IsCoordinator && ServiceId is null)
        {
            Comparison = await statistics.CompareAsync(from, to, Public, ct);
        }

        var parts = new List<string>();
        if (From is not null || To is not null)
        {
            parts.Add($"from={from:yyyy-MM-dd}");
            parts.Add($"to={to:yyyy-MM-dd}");
        }
        else
        {
            parts.Add($"year={Year}");
        }

        if (ServiceId is { } id)
        {
            parts.Add($"serviceId={id}");
        }

        if (Public)
        {
            parts.Add("public=true");
        }

        DownloadQuery = string.Join("&", parts);
        return Page();
    }

    public static string Cell(int? v) => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "–";
}
