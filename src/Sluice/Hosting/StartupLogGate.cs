namespace Sluice.Hosting;

/// <summary>
/// Holds back the host's own report of a failure to start (a 50-line stack trace) until it has started: until then
/// <see cref="SluiceServer.RunAsync"/> reports the failure in a few lines naming the setting. Every other log line
/// passes or not by the configured levels alone.
/// </summary>
/// <remarks>
/// A filter added with <c>AddFilter(func)</c> is a rule of its own, with no category and no level; being the last one
/// added, it beat <c>Logging:LogLevel:Default</c>, so with it in place the configured default was ignored and Debug
/// lines reached production logs. The gate is therefore folded into every configured rule instead, after the
/// configuration has made them (and again whenever it reloads).
/// </remarks>
internal sealed class StartupLogGate
{
    private static readonly HashSet<string> HostCategories =
        ["Microsoft.Extensions.Hosting.Internal.Host", "Microsoft.AspNetCore.Hosting.Diagnostics", "Microsoft.AspNetCore.Server.Kestrel"];

    private volatile bool _open;

    public void Open() => _open = true;

    public void AddTo(ILoggingBuilder logging) => logging.Services.PostConfigure<LoggerFilterOptions>(Guard);

    private bool Allows(string? category, LogLevel level) =>
        _open || level < LogLevel.Error || !HostCategories.Contains(category ?? "");

    private void Guard(LoggerFilterOptions options)
    {
        var configured = options.Rules.ToArray();
        options.Rules.Clear();

        // For categories no configured rule names: the default minimum, and the gate. Any configured rule beats it
        // (ties go to the rule added last).
        options.Rules.Add(new LoggerFilterRule(null, null, options.MinLevel, (_, category, level) => Allows(category, level)));
        foreach (var rule in configured)
        {
            var filter = rule.Filter;
            options.Rules.Add(new LoggerFilterRule(rule.ProviderName, rule.CategoryName, rule.LogLevel,
                (provider, category, level) => Allows(category, level) && (filter?.Invoke(provider, category, level) ?? true)));
        }
    }
}
