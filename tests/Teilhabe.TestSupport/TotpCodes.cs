namespace Teilhabe.TestSupport;

/// <summary>
/// Hands out authenticator codes as a user would type them, one per login, in a process-wide order per key: the app
/// accepts a code once and only when its time step (30 s) lies after the last one it accepted (ACC-11), up to 2 steps
/// around real now. So the first code of a key is that of the step before now, each further one that of the next step;
/// once the next step would be more than 2 steps ahead, the call waits for real time to catch up.
/// </summary>
public static class TotpCodes
{
    private const int StepSeconds = 30;

    /// <summary>The earliest step handed out relative to now (−1: still inside the window when the request arrives a step later).</summary>
    private const int Behind = 1;

    /// <summary>The latest step the app accepts relative to now.</summary>
    private const int Ahead = 2;

    private static readonly Dictionary<string, long> LastStep = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>The code of the next unused time step of <paramref name="key"/>.</summary>
    public static string Next(string key)
    {
        while (true)
        {
            var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / StepSeconds;
            long step;
            lock (Gate)
            {
                step = Math.Max(now - Behind, LastStep.TryGetValue(key, out var last) ? last + 1 : long.MinValue);
                if (step <= now + Ahead)
                {
                    LastStep[key] = step;
                    return TeilhabeFactory.TotpCode(key, DateTime.UnixEpoch.AddSeconds((step * StepSeconds) + 1));
                }
            }

            Thread.Sleep(TimeSpan.FromSeconds(1));
        }
    }
}
