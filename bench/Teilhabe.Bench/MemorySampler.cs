using System.Globalization;

namespace Teilhabe.Bench;

/// <summary>Samples VmRSS (the working set) of the app process from /proc every 200 ms.</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly int pid;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private double windowMax;

    public MemorySampler(int pid)
    {
        this.pid = pid;
        loop = Task.Run(LoopAsync);
    }

    public double MaxMb { get; private set; }

    public double? LastMb { get; private set; }

    public static double? ReadMb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    var kb = double.Parse(line["VmRSS:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                    return kb / 1024.0;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    public void BeginWindow() => windowMax = 0;

    public double EndWindow() => Math.Max(windowMax, LastMb ?? 0);

    private async Task LoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            if (ReadMb(pid) is { } mb)
            {
                LastMb = mb;
                MaxMb = Math.Max(MaxMb, mb);
                windowMax = Math.Max(windowMax, mb);
            }

            try
            {
                await Task.Delay(200, stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        try
        {
            loop.Wait(1000);
        }
        catch (AggregateException)
        {
        }

        stop.Dispose();
    }
}
