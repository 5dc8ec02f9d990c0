using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sluice.Delivery.Policies;
using Sluice.Journal;
using Sluice.Journal.GroupCommit;

namespace Sluice.Delivery.Engine;

/// <summary>Runs one <see cref="DestinationWorker"/> per configured destination and wakes them when work arrives.</summary>
public sealed class DeliveryEngine : BackgroundService, IAppendObserver
{
    private readonly Dictionary<string, DestinationWorker> _workers = new(StringComparer.OrdinalIgnoreCase);
    private readonly IHostApplicationLifetime? _lifetime;

    public DeliveryEngine(
        IJournal journal,
        IOptions<DeliveryOptions> options,
        IEnumerable<IDeliverySinkFactory> sinkFactories,
        IConfiguration configuration,
        OutcomeRecorder recorder,
        TimeProvider time,
        ILoggerFactory loggers,
        IHostApplicationLifetime? lifetime = null)
    {
        _lifetime = lifetime;
        var engine = options.Value;
        var factories = sinkFactories.ToDictionary(f => f.Kind, StringComparer.OrdinalIgnoreCase);
        var logger = loggers.CreateLogger<DeliveryEngine>();
        foreach (var (name, destination) in engine.Destinations)
        {
            var section = configuration.GetSection($"{DeliveryOptions.SectionName}:Destinations:{name}");
            var sink = factories[destination.Sink].Create(name, section);
            _workers[name] = new DestinationWorker(name, destination, engine, journal, sink, Pace.For(destination, time), recorder, time, logger);
        }

        recorder.Recorded += WakeAll;
        DeliveryMetrics.Track(this);
    }

    public IReadOnlyCollection<string> Destinations => _workers.Keys;

    public void OnCommitted(IReadOnlyCollection<string> destinations) => WakeAll(destinations);

    public IReadOnlyList<DestinationStatus> Status() => _workers.Values.Select(w => w.Status()).ToList();

    public DestinationStatus? Status(string destination) =>
        _workers.TryGetValue(destination, out var worker) ? worker.Status() : null;

    /// <summary>Stops new sends to a destination (those under way finish); returns false if it is unknown.</summary>
    public bool Pause(string destination) => Apply(destination, static w => w.Pause());

    public bool Resume(string destination) => Apply(destination, static w => w.Resume());

    public override void Dispose()
    {
        DeliveryMetrics.Untrack(this);
        foreach (var worker in _workers.Values)
        {
            worker.Dispose();
        }

        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hosted services start before the server binds its port. A node that cannot bind (a second one on a busy
        // port) must not lease work first and then die holding it: the leases would keep it from every other node
        // until they expire. So nothing is leased until the whole host, server included, has started.
        if (_lifetime is not null)
        {
            await WhenStartedAsync(_lifetime, stoppingToken);
        }

        await Task.WhenAll(_workers.Values.Select(w => Task.Run(() => w.RunAsync(stoppingToken), CancellationToken.None)));
    }

    private static async Task WhenStartedAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }

    private void WakeAll(IReadOnlyCollection<string> destinations)
    {
        foreach (var destination in destinations)
        {
            if (_workers.TryGetValue(destination, out var worker))
            {
                worker.Wake();
            }
        }
    }

    private bool Apply(string destination, Action<DestinationWorker> action)
    {
        if (!_workers.TryGetValue(destination, out var worker))
        {
            return false;
        }

        action(worker);
        return true;
    }
}
