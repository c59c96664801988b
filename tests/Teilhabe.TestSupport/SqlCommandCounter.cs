using System.Data.Common;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Teilhabe.TestSupport;

/// <summary>
/// Counts the SQL commands (reader, non-query, scalar) the app sends while a test measures one or more requests,
/// so that HTTP tests can catch N+1 queries (issue 11). Only commands executed on behalf of an HTTP request are
/// counted: background jobs (no HttpContext) never disturb a measurement. A test class owns its factory and xUnit
/// runs the tests of one class one after another, so a measurement sees the requests of its own test only.
/// </summary>
public sealed class SqlCommandCounter
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _measureGate = new(1, 1);
    private List<string>? _commands;
    private int _activeRequests;

    /// <summary>The commands the app sent while <paramref name="action"/> ran (every request it made, to its end).</summary>
    public async Task<SqlMeasurement> MeasureAsync(Func<Task> action)
    {
        var (_, measurement) = await MeasureAsync(async () =>
        {
            await action();
            return true;
        });
        return measurement;
    }

    /// <summary>The result of <paramref name="action"/> and the commands the app sent meanwhile.</summary>
    public async Task<(T Result, SqlMeasurement Sql)> MeasureAsync<T>(Func<Task<T>> action)
    {
        await _measureGate.WaitAsync();
        try
        {
            await WaitForIdleRequestsAsync();
            lock (_gate)
            {
                _commands = [];
            }

            try
            {
                var result = await action();

                // The client may hold the response before the app's pipeline has unwound (audit, logging).
                await WaitForIdleRequestsAsync();
                lock (_gate)
                {
                    return (result, new SqlMeasurement(_commands ?? []));
                }
            }
            finally
            {
                lock (_gate)
                {
                    _commands = null;
                }
            }
        }
        finally
        {
            _measureGate.Release();
        }
    }

    internal void RequestStarted() => Interlocked.Increment(ref _activeRequests);

    internal void RequestEnded() => Interlocked.Decrement(ref _activeRequests);

    internal void Record(DbCommand command, HttpContext? http)
    {
        if (http is null)
        {
            return;
        }

        lock (_gate)
        {
            _commands?.Add($"{http.Request.Method} {http.Request.Path}: {command.CommandText}");
        }
    }

    private async Task WaitForIdleRequestsAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Volatile.Read(ref _activeRequests) > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }
    }
}

/// <summary>The SQL commands of one measurement, in the order they were sent.</summary>
public sealed record SqlMeasurement(IReadOnlyList<string> Commands)
{
    public int Count => Commands.Count;

    /// <summary>Every command, numbered, for a failure message.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        for (var i = 0; i < Commands.Count; i++)
        {
            text.Append(i + 1).Append(". ").AppendLine(Commands[i].ReplaceLineEndings(" "));
        }

        return text.ToString();
    }

    public override string ToString() => $"{Count} SQL commands";
}

/// <summary>The EF Core interceptor behind <see cref="SqlCommandCounter"/>, registered by the test factory.</summary>
internal sealed class SqlCountingInterceptor(SqlCommandCounter counter, IHttpContextAccessor http) : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        counter.Record(command, http.HttpContext);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        counter.Record(command, http.HttpContext);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        counter.Record(command, http.HttpContext);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        counter.Record(command, http.HttpContext);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        counter.Record(command, http.HttpContext);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        counter.Record(command, http.HttpContext);
        return ValueTask.FromResult(result);
    }
}

/// <summary>Tracks running requests so that a measurement ends only when the app has finished them.</summary>
internal sealed class SqlCountingStartupFilter(SqlCommandCounter counter) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next)
        => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                counter.RequestStarted();
                try
                {
                    await nextMiddleware(context);
                }
                finally
                {
                    counter.RequestEnded();
                }
            });
            next(app);
        };
}
