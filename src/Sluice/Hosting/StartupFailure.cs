using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using Sluice.Journal;

namespace Sluice.Hosting;

/// <summary>
/// Turns what stops Sluice from starting (a setting, the journal, the listening address) into a few lines that
/// name the setting or resource and what to do. A stack trace helps nobody who mistyped a setting.
/// </summary>
internal static partial class StartupFailure
{
    /// <summary>The lines to print, or null when the failure is not one a user can fix by changing a setting.</summary>
    public static IReadOnlyList<string>? Describe(Exception ex)
    {
        var lines = Lines(ex).Distinct(StringComparer.Ordinal).ToList();
        return lines.Count > 0 && lines.All(l => l.Length > 0) ? lines : null;
    }

    private static IEnumerable<string> Lines(Exception ex) => ex switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(e => Describe(e) ?? [""]),
        OptionsValidationException validation => validation.Failures.Select(Readable),
        JournalStartupException journal => [journal.Message],
        // Kestrel's own message names the address: "Failed to bind to address http://127.0.0.1:5080: address already in use."
        IOException { InnerException: AddressInUseException } bind =>
            [$"{bind.Message.TrimEnd('.')}. Another program listens there: stop it, or give Sluice another address with --urls or ASPNETCORE_URLS."],
        InvalidOperationException { InnerException: not null } binding when binding.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase)
            => [Readable(binding.Message)],
        _ => [""],
    };

    /// <summary>Rewrites the framework's wording so the setting comes first, with the form its value must take.</summary>
    public static string Readable(string failure)
    {
        if (ConversionFailure().Match(failure) is { Success: true } conversion)
        {
            var (value, key, type) = (conversion.Groups["value"].Value, conversion.Groups["key"].Value, conversion.Groups["type"].Value);
            return $"{key}: '{value}' is not {Expected(type)}.";
        }

        // "DataAnnotation validation failed for 'JwtOptions' members: 'X' with the error: 'the message'." → the message.
        return AnnotationFailure().Match(failure) is { Success: true } annotation ? annotation.Groups["error"].Value : failure;
    }

    private static string Expected(string type) => type switch
    {
        "System.TimeSpan" or "System.Nullable`1[System.TimeSpan]" => "a duration: use [d.]hh:mm:ss, e.g. 00:00:30 for 30 seconds",
        "System.Int32" or "System.Int64" or "System.Nullable`1[System.Int32]" => "a whole number",
        "System.Double" or "System.Nullable`1[System.Double]" => "a number, e.g. 0.5",
        "System.Boolean" => "true or false",
        "System.Uri" => "an absolute URL, e.g. http://legacy:8080",
        _ => $"a value of type {type}",
    };

    [GeneratedRegex("Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();

    [GeneratedRegex("^DataAnnotation validation failed for '[^']+' members: '[^']*' with the error: '(?<error>.*)'\\.$", RegexOptions.Singleline)]
    private static partial Regex AnnotationFailure();
}
