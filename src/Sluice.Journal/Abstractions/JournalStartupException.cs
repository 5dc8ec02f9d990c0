namespace Sluice.Journal;

/// <summary>
/// The journal cannot be opened at start (file not writable, database unreachable). The message names the setting
/// and what to do, and holds no secret: the host prints it as it is, in one line, and exits with code 2.
/// </summary>
public sealed class JournalStartupException(string message, Exception innerException) : Exception(message, innerException);
