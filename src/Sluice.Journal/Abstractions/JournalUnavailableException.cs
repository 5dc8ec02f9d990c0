namespace Sluice.Journal;

/// <summary>The journal cannot take the request now: intake answers 503 with Retry-After, never a false 202.</summary>
public sealed class JournalUnavailableException : Exception
{
    public JournalUnavailableException(string message, TimeSpan retryAfter, Exception? innerException = null)
        : base(message, innerException) => RetryAfter = retryAfter;

    public TimeSpan RetryAfter { get; }
}
