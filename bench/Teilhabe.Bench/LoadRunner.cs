using System.Diagnostics;

namespace Teilhabe.Bench;

/// <summary>One scenario: builds the request of virtual user u in iteration n; a response is a success when its status is 2xx.</summary>
public sealed record Scenario(string Key, string Title, string How, Func<int, long, HttpRequestMessage> Build);

/// <summary>The numbers of one scenario at one number of concurrent virtual users.</summary>
public sealed record LevelResult(
    string Scenario, int Users, int Requests, int Errors, double P50, double P95, double P99, double Mean, double Max,
    double Throughput, double? MemoryMaxMb, IReadOnlyList<string> ErrorSamples);

/// <summary>Closed-loop load: each virtual user sends the next request when the previous answer has been read.</summary>
public static class LoadRunner
{
    public static async Task<LevelResult> RunAsync(HttpClient client, Scenario scenario, int users, TimeSpan warmup, TimeSpan duration, MemorySampler? memory)
    {
        var clock = Stopwatch.StartNew();
        var end = warmup + duration;
        var samples = new List<(double StartedAt, double Ms, bool Ok)>[users];
        var errors = new List<string>();
        long counter = 0;
        memory?.BeginWindow();

        async Task UserAsync(int user)
        {
            var mine = samples[user] = [];
            while (clock.Elapsed < end)
            {
                var n = Interlocked.Increment(ref counter);
                var startedAt = clock.Elapsed;
                bool ok;
                string? error = null;
                try
                {
                    using var request = scenario.Build(user, n);
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    await response.Content.CopyToAsync(Stream.Null);
                    ok = response.IsSuccessStatusCode;
                    if (!ok)
                    {
                        error = $"{(int)response.StatusCode} {request.Method} {request.RequestUri}";
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    ok = false;
                    error = e.GetType().Name + ": " + e.Message;
                }

                var ms = (clock.Elapsed - startedAt).TotalMilliseconds;
                if (startedAt >= warmup)
                {
                    mine.Add((startedAt.TotalSeconds, ms, ok));
                }

                if (error is not null && startedAt >= warmup)
                {
                    lock (errors)
                    {
                        if (errors.Count < 5)
                        {
                            errors.Add(error);
                        }
                    }
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, users).Select(u => Task.Run(() => UserAsync(u))));
        var window = Math.Max(duration.TotalSeconds, clock.Elapsed.TotalSeconds - warmup.TotalSeconds);
        var all = samples.SelectMany(s => s).ToList();
        var ok = all.Where(s => s.Ok).Select(s => s.Ms).Order().ToArray();
        return new LevelResult(
            scenario.Key, users, all.Count, all.Count(s => !s.Ok),
            Percentile(ok, 0.50), Percentile(ok, 0.95), Percentile(ok, 0.99),
            ok.Length == 0 ? double.NaN : ok.Average(), ok.Length == 0 ? double.NaN : ok[^1],
            ok.Length / window, memory?.EndWindow(), errors);
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
