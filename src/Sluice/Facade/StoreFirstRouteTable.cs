using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Sluice.Delivery.Engine;
using Sluice.Journal.Modules;

namespace Sluice.Facade;

/// <summary>
/// The store-first routes in force. Reads <c>Facade:Routes</c> again whenever the configuration reloads (an edited
/// appsettings.json), so a route moves to store-first, or back, without a restart. A reload with errors is
/// refused as a whole and logged, and the routes in force stay: a typo must not send a route's traffic elsewhere.
/// </summary>
internal sealed partial class StoreFirstRouteTable : IDisposable
{
    private readonly IConfiguration _configuration;
    private readonly IOptions<DeliveryOptions> _delivery;
    private readonly IReadOnlyList<IJournalModule> _modules;
    private readonly ILogger<StoreFirstRouteTable> _logger;
    private readonly IDisposable _subscription;
    private volatile List<StoreFirstRoute> _routes;

    public StoreFirstRouteTable(IConfiguration configuration, IOptions<FacadeOptions> options, IOptions<DeliveryOptions> delivery,
        IEnumerable<IJournalModule> modules, ILogger<StoreFirstRouteTable> logger)
    {
        _configuration = configuration;
        _delivery = delivery;
        _modules = [.. modules];
        _logger = logger;

        // Validated at start (an invalid table stops Sluice), so this compiles cleanly; then read again, in case the
        // configuration changed between the start and the first request, which is when this table is made.
        _routes = FacadeOptionsValidator.Compile(options.Value, delivery.Value, _modules, []);
        _subscription = ChangeToken.OnChange(configuration.GetReloadToken, Reload);
        Reload();
    }

    public IReadOnlyList<StoreFirstRoute> Routes => _routes;

    /// <summary>Why the last reload was refused; null once a reload succeeds.</summary>
    public string? LastRefusal { get; private set; }

    /// <summary>The first route matching the request, with the values its pattern captured.</summary>
    public StoreFirstRoute? Match(HttpRequest request, out RouteValueDictionary values)
    {
        foreach (var route in _routes)
        {
            values = [];
            if (route.Matches(request, values))
            {
                return route;
            }
        }

        values = [];
        return null;
    }

    public void Dispose() => _subscription.Dispose();

    private void Reload()
    {
        var options = new FacadeOptions();
        var errors = new List<string>();
        try
        {
            _configuration.GetSection(FacadeOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            errors.Add(ex.InnerException?.Message ?? ex.Message);
        }

        var routes = FacadeOptionsValidator.Compile(options, _delivery.Value, _modules, errors);
        if (errors.Count > 0)
        {
            LastRefusal = string.Join(" ", errors);
            LogReloadRefused(LastRefusal, _routes.Count);
            return;
        }

        LastRefusal = null;
        if (!SameRoutes(routes, _routes))
        {
            _routes = routes;
            if (_logger.IsEnabled(LogLevel.Information))
            {
#pragma warning disable CA1873 // guarded by IsEnabled above; the analyzer misses guards around [LoggerMessage] calls (dotnet/sdk#50893)
                LogReloaded(routes.Count, string.Join(", ", routes.Select(r => r.Name)));
#pragma warning restore CA1873
            }
        }
    }

    private static bool SameRoutes(List<StoreFirstRoute> a, List<StoreFirstRoute> b) =>
        a.Count == b.Count && a.Zip(b).All(p => System.Text.Json.JsonSerializer.Serialize(p.First.Options, FacadeJsonContext.Default.StoreFirstRouteOptions)
            == System.Text.Json.JsonSerializer.Serialize(p.Second.Options, FacadeJsonContext.Default.StoreFirstRouteOptions));

    [LoggerMessage(Level = LogLevel.Information, Message = "Store-first routes reloaded: {Count} in force ({Routes}).")]
    private partial void LogReloaded(int count, string routes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Store-first routes not reloaded, the {Count} in force stay: {Errors}")]
    private partial void LogReloadRefused(string errors, int count);
}
