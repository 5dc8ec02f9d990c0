using Microsoft.Extensions.Configuration;

namespace Sluice.Delivery.Engine;

/// <summary>
/// A sink factory whose sinks hold connections: it keeps every sink it made and closes them when the host
/// disposes it at shutdown, after the delivery engine has stopped sending.
/// </summary>
public abstract class OwningSinkFactory<TSink> : IDeliverySinkFactory, IAsyncDisposable
    where TSink : IDeliverySink, IAsyncDisposable
{
    private readonly List<TSink> _made = [];

    public abstract string Kind { get; }

    public virtual bool SendsBatches => false;

    public IDeliverySink Create(string destination, IConfigurationSection section)
    {
        var sink = Make(destination, section);
        lock (_made)
        {
            _made.Add(sink);
        }

        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        TSink[] made;
        lock (_made)
        {
            made = [.. _made];
            _made.Clear();
        }

        foreach (var sink in made)
        {
            await sink.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The sink for <paramref name="destination"/>, its settings checked; throw to refuse them (the host exits 2).</summary>
    protected abstract TSink Make(string destination, IConfigurationSection section);
}
