using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Sluice.Delivery.Engine;
using Sluice.Journal.Modules;
using Sluice.Security;

namespace Sluice.Facade;

/// <summary>Checks the facade settings and every store-first route, reporting all problems at once.</summary>
internal sealed class FacadeOptionsValidator(IOptions<DeliveryOptions> delivery, IEnumerable<IJournalModule> modules) : IValidateOptions<FacadeOptions>
{
    /// <summary>Far above any legacy form post; the whole body is held in memory and in one journal row.</summary>
    public const long BodyLimitCeiling = 64L * 1024 * 1024;

    /// <summary>Headers the replay sets on its own: keeping the client's copy would contradict them.</summary>
    private static readonly HashSet<string> NotReplayable = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Type", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "TE", "Trailer",
        "Idempotency-Key",
    };

    public ValidateOptionsResult Validate(string? name, FacadeOptions options)
    {
        var errors = new List<string>();
        if (options.ConnectTimeout <= TimeSpan.Zero)
        {
            errors.Add("Facade:ConnectTimeout must be positive.");
        }

        if (options.ActivityTimeout <= TimeSpan.Zero)
        {
            errors.Add("Facade:ActivityTimeout must be positive.");
        }

        Compile(options, delivery.Value, modules, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>The routes that are valid, in configuration order; every problem is added to <paramref name="errors"/>.</summary>
    /// <param name="modules">Sluice's own features: the kinds they handle (punch, order) are theirs, not a route's.</param>
    public static List<StoreFirstRoute> Compile(FacadeOptions options, DeliveryOptions delivery, IEnumerable<IJournalModule> modules, List<string> errors)
    {
        var routes = new List<StoreFirstRoute>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Routes.Count; i++)
        {
            var route = options.Routes[i];
            var at = $"Facade:Routes:{i}";
            var before = errors.Count;
            if (string.IsNullOrWhiteSpace(route.Method) || !route.Method.All(c => char.IsAsciiLetter(c)))
            {
                errors.Add($"{at}:Method '{route.Method}' is not an HTTP method such as POST.");
            }

            if (!route.Path.StartsWith('/'))
            {
                errors.Add($"{at}:Path '{route.Path}' must start with '/'.");
            }

            var compiled = StoreFirstRoute.TryCreate(route, out var patternError);
            if (compiled is null)
            {
                errors.Add($"{at}:Path '{route.Path}' is not a route pattern: {patternError}");
            }
            else if (!seen.Add($"{route.Method} {compiled.Options.Path.TrimEnd('/')}"))
            {
                errors.Add($"{at}: another route already has {route.Method.ToUpperInvariant()} {route.Path}.");
            }

            if (route.Destinations.Length == 0)
            {
                errors.Add($"{at}:Destinations must name at least one destination.");
            }

            errors.AddRange(route.Destinations
                .Where(d => !delivery.Destinations.ContainsKey(d))
                .Select(d => $"{at}:Destinations: '{d}' is not defined under Delivery:Destinations."));
            if (route.Policy is not null && !SluicePolicies.All.Contains(route.Policy))
            {
                errors.Add($"{at}:Policy '{route.Policy}' is not one of {string.Join(", ", SluicePolicies.All)} (or leave it out).");
            }

            if (string.IsNullOrWhiteSpace(route.Kind))
            {
                errors.Add($"{at}:Kind must not be empty.");
            }
            else if (modules.FirstOrDefault(m => m.Handles(route.Kind)) is { } owner)
            {
                errors.Add($"{at}:Kind '{route.Kind}' is Sluice's own ({owner.Name}): its messages are processed as such. Name the route's kind otherwise " +
                    "(and map it under a RabbitMQ destination's EventTypes).");
            }

            errors.AddRange(route.Headers
                .Where(h => !IsHeaderName(h))
                .Select(h => $"{at}:Headers: '{h}' is not a header name."));
            errors.AddRange(route.Headers
                .Where(NotReplayable.Contains)
                .Select(h => $"{at}:Headers: '{h}' is set by the replay itself (the body, the connection or the message id) and cannot be kept."));
            if (route.MaxBodyBytes is < 0 or > BodyLimitCeiling)
            {
                errors.Add($"{at}:MaxBodyBytes must be between 0 and {BodyLimitCeiling}.");
            }

            ValidateOrderingKey(errors, at, route.OrderingKey, compiled);
            ValidateResponse(errors, at, route.Response);
            ValidateReply(errors, at, route.Reply);
            if (compiled is not null && errors.Count == before)
            {
                routes.Add(compiled);
            }
        }

        return routes;
    }

    private static void ValidateReply(List<string> errors, string at, RouteReplyOptions reply)
    {
        if (reply.MaxWait is { } wait && (wait < TimeSpan.Zero || wait > Replies.RepliesOptionsValidator.MaxWaitCeiling))
        {
            errors.Add($"{at}:Reply:MaxWait must be between 0 and {Replies.RepliesOptionsValidator.MaxWaitCeiling}.");
        }

        if (reply.MaxBodyBytes is < 0 or > Delivery.Engine.ReplyOptions.MaxBodyBytesCeiling)
        {
            errors.Add($"{at}:Reply:MaxBodyBytes must be between 0 and {Delivery.Engine.ReplyOptions.MaxBodyBytesCeiling}.");
        }

        errors.AddRange((reply.Headers ?? [])
            .Where(h => !IsHeaderName(h))
            .Select(h => $"{at}:Reply:Headers: '{h}' is not a header name."));
    }

    private static void ValidateOrderingKey(List<string> errors, string at, OrderingKeyOptions? key, StoreFirstRoute? route)
    {
        if (key is null)
        {
            return;
        }

        var named = new[] { key.Header, key.Query, key.JsonField, key.Route }.Count(s => !string.IsNullOrWhiteSpace(s));
        if (named != 1)
        {
            errors.Add($"{at}:OrderingKey must name exactly one of Header, Query, JsonField or Route (it names {named}).");
        }

        if (key.Header is { Length: > 0 } header && !IsHeaderName(header))
        {
            errors.Add($"{at}:OrderingKey:Header '{header}' is not a header name.");
        }

        if (key.JsonField is { Length: > 0 } field && field.Split('.').Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{at}:OrderingKey:JsonField '{field}' must be a property name, dotted for nested ones (employee.id).");
        }

        if (key.Route is { Length: > 0 } value && route is not null && !route.HasRouteValue(value))
        {
            errors.Add($"{at}:OrderingKey:Route '{value}' is not a value of the path pattern '{route.Options.Path}'.");
        }
    }

    private static void ValidateResponse(List<string> errors, string at, RouteResponseOptions response)
    {
        if (response.Status is < 200 or > 299)
        {
            errors.Add($"{at}:Response:Status must be a 2xx status: the request is only stored, not yet processed.");
        }

        if (!MediaTypeHeaderValue.TryParse(response.ContentType, out _))
        {
            errors.Add($"{at}:Response:ContentType '{response.ContentType}' is not a media type.");
        }

        errors.AddRange(response.Headers.Keys
            .Where(h => !IsHeaderName(h))
            .Select(h => $"{at}:Response:Headers: '{h}' is not a header name."));
    }

    /// <summary>An RFC 9110 token: what a header name may be made of.</summary>
    private static bool IsHeaderName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));
}
