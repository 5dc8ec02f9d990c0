using System.Collections.Concurrent;

namespace Sluice.Observability;

public sealed record RecentError(DateTimeOffset At, string Level, string Category, string Message);

/// <summary>
/// A logger that keeps the last warnings and errors in memory for the dashboard, so an operator sees
/// what went wrong without reaching for the server's log files.
/// </summary>
[ProviderAlias("RecentErrors")]
public sealed class RecentErrors(TimeProvider time) : ILoggerProvider
{
    public const int Capacity = 50;

    private readonly ConcurrentQueue<RecentError> _entries = new();

    public IReadOnlyList<RecentError> Latest(int count) => _entries.Reverse().Take(count).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(RecentError entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }
    }

    private sealed class Logger(RecentErrors owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            if (exception is not null)
            {
                message = $"{message} ({exception.GetType().Name}: {exception.Message})";
            }

            owner.Add(new RecentError(owner.Now(), logLevel.ToString(), category, message));
        }
    }

    private DateTimeOffset Now() => time.GetUtcNow();
}
