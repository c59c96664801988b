using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Teilhabe.Bench;

/// <summary>Logs in, discovers ids through the API, runs every scenario at every user level, writes the results.</summary>
public static class BenchRun
{
    /// <summary>The sections of the case workspace (issue 20), each a scenario of its own next to the overview.</summary>
    private static readonly (string Section, string Label)[] CaseSections =
    [
        ("phase", "Phase und Auftraggeber"), ("angaben", "Angaben"), ("dokumente", "Dokumente"), ("berichte", "Berichte und Ziele"),
        ("merkblatt", "Merkblatt und Abstimmungen"), ("fristen", "Fristen"), ("historie", "Phasenverlauf"),
    ];

    private static readonly string[] SearchTerms = ["Müller", "Schmi", "Schneider", "Fischer", "Weber", "Mey", "Wagner", "Becker", "Schulz", "Hoff", "Koch", "Richter"];

    private static readonly string[] ReportKinds = ["Progress", "InitialCare", "InitialCounselling", "Final"];

    public static async Task RunAsync(BenchOptions o)
    {
        var startedAt = DateTimeOffset.UtcNow;
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 256,
            UseCookies = false,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(30),
            SslOptions = Sessions.Tls(o.TrustedCertificate),
        };
        using var http = new HttpClient(handler) { BaseAddress = o.BaseUrl, Timeout = TimeSpan.FromSeconds(180) };
        var (caseworker, coordinator, password) = o.Accounts;

        Log($"{o.Provider}: logins ({o.Logins})");
        var cookie = await Sessions.PageLoginAsync(o.BaseUrl, caseworker, password, o.TrustedCertificate);
        var token = await Sessions.TokenAsync(http, caseworker, password);
        var inaToken = await Sessions.TokenAsync(http, coordinator, password);

        Log("discovering cases, LEKs and search terms through the API");
        var setup = await DiscoverAsync(http, token);
        var year = DateTime.UtcNow.Year - 1;
        Log($"{setup.OpenCases.Count} open cases, {setup.ContactTargets.Count} contact targets, report: {setup.ReportKind ?? "none"} on {setup.ReportCases.Count} cases, search hits '{SearchTerms[0]}': {setup.SearchHits}");

        HttpRequestMessage Api(HttpMethod method, string path, string bearer, object? body = null)
        {
            var r = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
            r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            if (body is not null)
            {
                r.Content = JsonContent.Create(body);
            }

            return r;
        }

        HttpRequestMessage Page(string path)
        {
            var r = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            r.Headers.Add("Cookie", cookie);
            return r;
        }

        T Pick<T>(IReadOnlyList<T> list, long n) => list[(int)(n % list.Count)];
        string Term(long n) => Uri.EscapeDataString(Pick(SearchTerms, n));

        var scenarios = new List<Scenario>
        {
            new("health", "Trivialer Endpunkt", "GET /health/live", (_, _) => new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative))),
            new("case-overview", "Fall: Überblick", "GET /faelle/{id} (Cookie-Anmeldung, offene Fälle reihum)", (_, n) => Page($"/faelle/{Pick(setup.OpenCases, n)}")),
            new("client-search-api", "Klientensuche (API)", "GET /api/v1/clients?q=… (12 Namen/Präfixe reihum)", (_, n) => Api(HttpMethod.Get, $"/api/v1/clients?q={Term(n)}", token)),
            new("client-search-page", "Klientensuche (Seite)", "GET /klienten?q=…", (_, n) => Page($"/klienten?q={Term(n)}")),
            new("contact-create", "Kontakt erfassen", "POST /api/v1/cases/{id}/contacts", (_, n) =>
            {
                var t = Pick(setup.ContactTargets, n);
                return Api(HttpMethod.Post, $"/api/v1/cases/{t.CaseId}/contacts", token, new
                {
                    occurredAt = DateTimeOffset.UtcNow.AddHours(-1),
                    form = "phone",
                    keywords = "Lastmessung",
                    participants = new[] { new { kind = "other", name = "Lasttest" } },
                    note = "Telefonat im Rahmen der Lastmessung.",
                    topicCodes = new[] { setup.TopicCode },
                    outcomeIds = new[] { t.OutcomeId },
                });
            }),
            new("deadlines-api", "Wiedervorlagen (API)", "GET /api/v1/deadlines", (_, _) => Api(HttpMethod.Get, "/api/v1/deadlines", token)),
            new("deadlines-page", "Wiedervorlagen (Seite)", "GET /wiedervorlagen", (_, _) => Page("/wiedervorlagen")),
            new("statistics", "Jahresstatistik Land", $"GET /api/v1/statistics/annual?year={year} (InA-Koordination)", (_, _) => Api(HttpMethod.Get, $"/api/v1/statistics/annual?year={year}", inaToken)),
        };
        foreach (var (section, label) in CaseSections)
        {
            scenarios.Add(new($"case-{section}", $"Fall: {label}", $"GET /faelle/{{id}}/{section}", (_, n) => Page($"/faelle/{Pick(setup.OpenCases, n)}/{section}")));
        }

        if (setup.ReportCases.Count > 0)
        {
            // Each virtual user writes the reports of its own case (as many cases as users were found, else shared).
            scenarios.Add(new("report-pdf", "Bericht (PDF erzeugen)", $"POST /api/v1/cases/{{id}}/reports {{kind: {setup.ReportKind}}} (rendert und speichert das PDF/A; {setup.ReportCases.Count} Fälle)",
                (u, _) => Api(HttpMethod.Post, $"/api/v1/cases/{Pick(setup.ReportCases, u)}/reports", token, new { kind = setup.ReportKind })));
        }

        if (o.Only is { } only)
        {
            scenarios = [.. scenarios.Where(s => only.Split(',').Contains(s.Key))];
        }

        using var memory = o.AppPid is { } pid ? new MemorySampler(pid) : null;
        var results = new List<LevelResult>();
        foreach (var scenario in scenarios)
        {
            foreach (var users in scenario.Key == "statistics" && o.StatisticsUsers is { } capped ? capped : o.Users)
            {
                var r = await LoadRunner.RunAsync(http, scenario, users, TimeSpan.FromSeconds(o.WarmupSeconds), TimeSpan.FromSeconds(o.DurationSeconds), memory);
                results.Add(r);
                Log($"{scenario.Key,-20} {users,3} users: p50 {r.P50,8:F1} ms  p95 {r.P95,8:F1} ms  p99 {r.P99,8:F1} ms  {r.Throughput,8:F1} req/s  errors {r.Errors}/{r.Requests}  RSS max {r.MemoryMaxMb:F0} MB"
                    + (r.ErrorSamples.Count > 0 ? "  e.g. " + r.ErrorSamples[0] : string.Empty));
            }
        }

        HandWrittenStatistics.Timing? sql = null;
        string? sqlCheck = null;
        if (o.Connection is { } cs && scenarios.Any(s => s.Key == "statistics"))
        {
            Log("hand-written statistics SQL");
            sql = await HandWrittenStatistics.MeasureAsync(o.Provider, cs, coordinator, year);
            sqlCheck = await CompareAsync(http, inaToken, year, sql.Rows);
            Log($"SQL median {sql.MedianMs:F1} ms; {sqlCheck}");
        }

        var run = new RunResult(o.Provider, o.Scale, o.Date, startedAt, DateTimeOffset.UtcNow, Environment.ProcessorCount,
            File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Trim() : null,
            o.WarmupSeconds, o.DurationSeconds,
            scenarios.Select(s => new ScenarioInfo(s.Key, s.Title, s.How)).ToList(),
            new SetupInfo(setup.OpenCases.Count, setup.ContactTargets.Count, setup.ReportCases.Count, setup.ReportKind, setup.SearchHits, year),
            results, memory?.MaxMb, memory?.LastMb, sql?.MedianMs, sql?.RunsMs, sqlCheck);
        Report.Write(o, run);
    }

    private static void Log(string message) => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");

    private sealed record ContactTarget(Guid CaseId, Guid OutcomeId);

    private sealed record Setup(List<Guid> OpenCases, List<ContactTarget> ContactTargets, string TopicCode, List<Guid> ReportCases, string? ReportKind, int SearchHits);

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string path, string token)
    {
        using var r = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(r);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static async Task<(int Status, JsonElement? Body, HttpResponseMessage Response)> SendAsync(HttpClient http, HttpMethod method, string path, string token, object body, string? ifMatch = null)
    {
        using var r = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifMatch is not null)
        {
            r.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await http.SendAsync(r);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement? json = text.Length > 0 && text.TrimStart().StartsWith('{') ? JsonDocument.Parse(text).RootElement.Clone() : null;
        return ((int)response.StatusCode, json, response);
    }

    private static async Task<Setup> DiscoverAsync(HttpClient http, string token)
    {
        var open = new List<(Guid Id, string Phase)>();
        foreach (var phase in new[] { "P3", "P2", "P1" })
        {
            var page = await GetJsonAsync(http, $"/api/v1/cases?phase={phase}&page=1&pageSize=200", token);
            open.AddRange(page.GetProperty("items").EnumerateArray().Select(c => (c.GetProperty("id").GetGuid(), phase)));
        }

        if (open.Count == 0)
        {
            throw new InvalidOperationException("The caseworker sees no open case.");
        }

        var topics = await GetJsonAsync(http, "/api/v1/catalogues/topics", token);
        var topic = topics.EnumerateArray().First(t => t.GetProperty("active").GetBoolean()).GetProperty("code").GetString()!;
        var outcomeCodes = await GetJsonAsync(http, "/api/v1/catalogues/outcomes", token);
        var outcomeCode = outcomeCodes.EnumerateArray().First(t => t.GetProperty("active").GetBoolean()).GetProperty("code").GetString()!;

        // Contact targets: open P2/P3 cases with a valid LEK (one is recorded where none exists), each probed once.
        var targets = new List<ContactTarget>();
        foreach (var (id, _) in open.Where(c => c.Phase != "P1").Take(120))
        {
            if (targets.Count >= 64)
            {
                break;
            }

            var leks = await GetJsonAsync(http, $"/api/v1/cases/{id}/outcomes", token);
            Guid? lek = leks.EnumerateArray().Where(l => l.GetProperty("valid").GetBoolean()).Select(l => (Guid?)l.GetProperty("id").GetGuid()).FirstOrDefault();
            if (lek is null)
            {
                var (status, body, response) = await SendAsync(http, HttpMethod.Post, $"/api/v1/cases/{id}/outcomes", token, new { outcomeCode });
                response.Dispose();
                if (status != 201 || body is null)
                {
                    continue;
                }

                lek = body.Value.GetProperty("id").GetGuid();
            }

            var (probe, _, probeResponse) = await SendAsync(http, HttpMethod.Post, $"/api/v1/cases/{id}/contacts", token, new
            {
                occurredAt = DateTimeOffset.UtcNow.AddHours(-2),
                form = "personal",
                keywords = "Vorbereitung Lastmessung",
                participants = new[] { new { kind = "other", name = "Lasttest" } },
                note = "Vorbereitung",
                topicCodes = new[] { topic },
                outcomeIds = new[] { lek.Value },
            });
            probeResponse.Dispose();
            if (probe == 201)
            {
                targets.Add(new ContactTarget(id, lek.Value));
            }
        }

        if (targets.Count == 0)
        {
            throw new InvalidOperationException("No case accepts a contact (see the probe answers).");
        }

        // Reports: up to 64 open cases (one per virtual user) with the first kind that renders; missing report fields
        // are filled in first (REP-01).
        var reportCases = new List<Guid>();
        string? reportKind = null;
        var tried = 0;
        foreach (var (id, _) in open.Where(c => c.Phase == "P3").Concat(open.Where(c => c.Phase == "P2")).Take(100))
        {
            if (reportCases.Count >= 64 || (++tried > 10 && reportCases.Count == 0))
            {
                break;
            }

            foreach (var kind in reportKind is null ? ReportKinds : [reportKind])
            {
                if (await TryReportAsync(http, token, id, kind))
                {
                    reportKind = kind;
                    reportCases.Add(id);
                    break;
                }
            }
        }

        var hits = await GetJsonAsync(http, $"/api/v1/clients?q={Uri.EscapeDataString(SearchTerms[0])}", token);
        var count = hits.ValueKind == JsonValueKind.Object && hits.TryGetProperty("total", out var total) ? total.GetInt32()
            : hits.ValueKind == JsonValueKind.Array ? hits.GetArrayLength() : hits.GetProperty("items").GetArrayLength();
        return new Setup([.. open.Select(o => o.Id)], targets, topic, reportCases, reportKind, count);
    }

    /// <summary>Generates a report of the kind on the case, filling in the report fields REP-01 asks for (one retry).</summary>
    private static async Task<bool> TryReportAsync(HttpClient http, string token, Guid id, string kind)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var (status, body, response) = await SendAsync(http, HttpMethod.Post, $"/api/v1/cases/{id}/reports", token, new { kind });
            response.Dispose();
            if (status == 201)
            {
                return true;
            }

            if (status != 422 || body is null || !body.Value.TryGetProperty("violations", out var violations))
            {
                return false;
            }

            var fields = violations.EnumerateArray().Where(v => v.GetProperty("rule").GetString() == "REP-01")
                .Select(v => v.GetProperty("field").GetString()).OfType<string>().Distinct().ToList();
            if (fields.Count == 0 || fields.Count != violations.GetArrayLength())
            {
                return false;
            }

            using var get = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/v1/cases/{id}", UriKind.Relative));
            get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var current = await http.SendAsync(get);
            var etag = current.Headers.ETag?.ToString();
            var patch = fields.ToDictionary(f => f, f => (object)$"Text für den Lasttest ({f}): Ziele, Verlauf und Ergebnis der Begleitung.");
            var (patched, _, patchResponse) = await SendAsync(http, HttpMethod.Patch, $"/api/v1/cases/{id}", token, patch, etag);
            patchResponse.Dispose();
            if (patched is < 200 or > 299)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The app's group figures (P2, P3, FDS: start stock, entries, exits, end stock) against the hand-written SQL.</summary>
    private static async Task<string> CompareAsync(HttpClient http, string token, int year, IReadOnlyList<HandWrittenStatistics.Row> rows)
    {
        var app = await GetJsonAsync(http, $"/api/v1/statistics/annual?year={year}", token);
        var differences = new List<string>();
        var sb = new StringBuilder();
        foreach (var group in new[] { "P2", "P3", "FDS" })
        {
            var g = app.GetProperty("groups").GetProperty(group);
            var mine = rows.Where(r => r.Section == "groups." + group).ToList();
            var pairs = new (string Name, long Sql)[]
            {
                ("startStock", mine.Sum(r => r.N1)), ("entries", mine.Sum(r => r.N2)), ("exits", mine.Sum(r => r.N3)), ("endStock", mine.Sum(r => r.N4)),
            };
            foreach (var (name, sql) in pairs)
            {
                var value = g.GetProperty(name).GetProperty("total").GetInt64();
                if (value != sql)
                {
                    differences.Add($"{group}.{name}: app {value}, SQL {sql}");
                }
            }

            sb.Append(CultureInfo.InvariantCulture, $"{group} {pairs[0].Sql}+{pairs[1].Sql}−{pairs[2].Sql}={pairs[3].Sql}; ");
        }

        return differences.Count == 0 ? $"group figures agree with the app ({sb.ToString().TrimEnd(' ', ';')})" : "DIFFER: " + string.Join(", ", differences);
    }
}
