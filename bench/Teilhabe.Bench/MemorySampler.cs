using System.Globalization;

namespace Teilhabe.Bench;

/// <summary>Samples VmRSS (the working set) of the app process from /proc every 200 ms.</summary>
public sealed class MemorySampler : IDisposable
{
    private readonly int _pid;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private double _windowMax;

    public MemorySampler(int pid)
    {
        _pid = pid;
        _loop = Task.Run(LoopAsync);
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

    public void BeginWindow() => _windowMax = 0;

    public double EndWindow() => Math.Max(_windowMax, LastMb ?? 0);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            if (ReadMb(_pid) is { } mb)
            {
                LastMb = mb;
                MaxMb = Math.Max(MaxMb, mb);
                _windowMax = Math.Max(_windowMax, mb);
            }

            try
            {
                await Task.Delay(200, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _loop.Wait(1000);
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }
}
