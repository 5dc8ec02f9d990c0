using Microsoft.Extensions.Options;
using Npgsql;

namespace Sluice.Journal.Postgres;

/// <summary>
/// A malformed connection string (<c>Port=abc</c>, an unknown keyword) is refused at start with the setting's name,
/// instead of surfacing later as an exception from inside the connection pool.
/// </summary>
internal sealed class PostgresJournalOptionsValidator : IValidateOptions<PostgresJournalOptions>
{
    public ValidateOptionsResult Validate(string? name, PostgresJournalOptions options)
    {
        if (string.IsNullOrEmpty(options.ConnectionString))
        {
            return ValidateOptionsResult.Success; // [Required] names it.
        }

        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            return string.IsNullOrEmpty(parsed.Host)
                ? ValidateOptionsResult.Fail("ConnectionStrings:Journal names no Host (e.g. Host=db;Username=sluice;Database=sluice).")
                : ValidateOptionsResult.Success;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            // Npgsql's message names the keyword and its value; a password is never parsed, so it cannot appear here.
            return ValidateOptionsResult.Fail(
                $"ConnectionStrings:Journal is not a valid PostgreSQL connection string ({ex.Message.TrimEnd('.')}); " +
                "use e.g. Host=db;Port=5432;Username=sluice;Database=sluice.");
        }
    }
}
