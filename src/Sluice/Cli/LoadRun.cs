using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Spectre.Console;

namespace Sluice.Cli;

/// <summary>One load run: workers sending punches until the count or the time is used up.</summary>
/// <param name="codePrefix">Before the employee numbers 1..N: the load's own establishment's codes are <c>load-1</c>….</param>
internal sealed class LoadRun(HttpClient client, int? count, TimeSpan? duration, int employees, Guid establishment, string codePrefix)
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private long _issued;

    public LoadStats Stats { get; } = new();

    /// <summary>Sends until done and returns the summary; on a terminal a live bar, otherwise a progress line a second.</summary>
    public async Task<string> RunAsync(int workers, IAnsiConsole console, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (duration is { } d)
        {
            stop.CancelAfter(d);
        }

        var clock = Stopwatch.StartNew();
        var senders = Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => SendLoopAsync(stop.Token), CancellationToken.None)));
        if (console.Profile.Capabilities.Interactive)
        {
            await console.Progress()
                .Columns(new ProgressBarColumn(), new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
                .StartAsync(async context =>
                {
                    var task = context.AddTask("starting", maxValue: 1);
                    await ReportAsync(senders, clock, TimeSpan.FromMilliseconds(250), p => (task.Value, task.Description) = (p.Done, Markup.Escape(p.Figures)));
                });
        }
        else
        {
            await ReportAsync(senders, clock, TimeSpan.FromSeconds(1), p => console.WriteLine(p.Line));
        }

        await senders;
        return Stats.Summary(clock.Elapsed);
    }

    /// <summary>Shows the progress every <paramref name="every"/> while the senders run, and once when they are done.</summary>
    private async Task ReportAsync(Task senders, Stopwatch clock, TimeSpan every, Action<LoadProgress> show)
    {
        var (lastCount, lastAt) = (0L, TimeSpan.Zero);
        bool finished;
        do
        {
            finished = await Task.WhenAny(senders, Task.Delay(every, CancellationToken.None)) == senders;
            var (elapsed, sent) = (clock.Elapsed, Stats.Completed);
            var (p50, p99) = Stats.TakeInterval();
            var done = count is { } c ? (double)sent / c : duration is { } d ? elapsed / d : 0;
            show(new LoadProgress(
                Math.Clamp(done, 0, 1), sent, (sent - lastCount) / Math.Max(0.001, (elapsed - lastAt).TotalSeconds), p50, p99, Stats.Errors));
            (lastCount, lastAt) = (sent, elapsed);
        }
        while (!finished);
    }

    private async Task SendLoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var n = Interlocked.Increment(ref _issued);
            if (count is { } c && n > c)
            {
                return;
            }

            var body = string.Create(CultureInfo.InvariantCulture,
                $$"""{"employeeId":"{{codePrefix}}{{n % employees + 1}}","establishmentId":"{{establishment}}","punchedAt":"{{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:sszzz}}","deviceId":"sluice-load"}""");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/punches")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("Idempotency-Key", $"load-{_run}-{n}");
            var started = Stopwatch.GetTimestamp();
            try
            {
                // Not cancelled by the deadline: a request under way is finished and counted.
                using var response = await client.SendAsync(request, CancellationToken.None);
                Stats.Record(Stopwatch.GetElapsedTime(started), response.StatusCode == HttpStatusCode.Accepted ? null : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                Stats.Record(Stopwatch.GetElapsedTime(started), ex is TaskCanceledException ? "timeout" : "connection");
            }
        }
    }
}
