using Microsoft.AspNetCore.Routing.Template;

namespace Sluice.Facade;

/// <summary>A validated store-first route, ready to match requests.</summary>
internal sealed class StoreFirstRoute
{
    private readonly TemplateMatcher _matcher;

    private StoreFirstRoute(StoreFirstRouteOptions options, TemplateMatcher matcher)
    {
        Options = options;
        _matcher = matcher;
        Headers = options.Headers.Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
    }

    public StoreFirstRouteOptions Options { get; }

    public string Name => Options.DisplayName;

    public IReadOnlyList<string> Headers { get; }

    /// <returns>The route, or null with the reason the pattern cannot be parsed.</returns>
    public static StoreFirstRoute? TryCreate(StoreFirstRouteOptions options, out string? error)
    {
        try
        {
            var template = TemplateParser.Parse(options.Path);
            error = null;
            return new StoreFirstRoute(options, new TemplateMatcher(template, new RouteValueDictionary()));
        }
        catch (ArgumentException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    public bool Matches(HttpRequest request, RouteValueDictionary values) =>
        string.Equals(request.Method, Options.Method, StringComparison.OrdinalIgnoreCase) && _matcher.TryMatch(request.Path, values);

    /// <summary>Whether the pattern names this route value, so an ordering key can be read from it.</summary>
    public bool HasRouteValue(string name) =>
        _matcher.Template.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
