using System.Collections.Concurrent;
using System.Reflection;
using Sluice.Journal;

namespace Sluice.Testing;

/// <summary>An <see cref="IJournal"/> that records the name of every call before passing it on: how a test counts round trips.</summary>
public class CountingJournal : DispatchProxy
{
    private readonly ConcurrentQueue<string> _calls = new();
    private IJournal _inner = null!;

    public static IJournal Wrap(IJournal inner)
    {
        var proxy = Create<IJournal, CountingJournal>();
        ((CountingJournal)(object)proxy)._inner = inner;
        return proxy;
    }

    /// <summary>The calls made through <paramref name="journal"/> (one made by <see cref="Wrap"/>), in order.</summary>
    public static IReadOnlyList<string> Calls(IJournal journal) => [.. ((CountingJournal)(object)journal)._calls];

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        _calls.Enqueue(targetMethod.Name);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}
