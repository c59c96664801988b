using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Teilhabe.TestSupport;

namespace Teilhabe.HttpTests.Documents;

/// <summary>
/// Records, for a request marked with <see cref="Header"/>, how many bytes of its body the app had read when it
/// started to answer: "refused before the body is read" is then a number, not a guess.
/// </summary>
public sealed class BodyReadProbe : IStartupFilter
{
    public const string Header = "X-Test-Body-Probe";
    private readonly ConcurrentDictionary<string, long> _read = new();

    /// <summary>Bytes of the body read before the answer started; -1 when the request was not seen.</summary>
    public long BytesReadBeforeAnswer(string probe) => _read.TryGetValue(probe, out var n) ? n : -1;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (ctx, inner) =>
        {
            if (ctx.Request.Headers[Header].ToString() is { Length: > 0 } probe)
            {
                var counting = new CountingStream(ctx.Request.Body);
                ctx.Request.Body = counting;
                ctx.Response.OnStarting(() =>
                {
                    _read[probe] = counting.BytesRead;
                    return Task.CompletedTask;
                });
            }

            await inner(ctx);
        });
        next(app);
    };

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => Count(await inner.ReadAsync(buffer, cancellationToken));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            BytesRead += read;
            return read;
        }
    }
}

/// <summary>The app with a <see cref="BodyReadProbe"/> in front of it (one per test class).</summary>
public sealed class ProbedTeilhabe : IDisposable
{
    public ProbedTeilhabe()
    {
        Factory = TeilhabeFactory.With(new TeilhabeFactoryOptions { Services = s => s.AddSingleton<IStartupFilter>(Probe) });
    }

    public BodyReadProbe Probe { get; } = new();

    public TeilhabeFactory Factory { get; }

    public void Dispose() => Factory.Dispose();
}
