using Microsoft.Extensions.Options;
using Sluice.Delivery.Engine;
using Sluice.Delivery.Sinks.Webhook;
using Sluice.Facade;

namespace Sluice.Replies.Callbacks;

/// <summary>A route that calls back must be able to: a webhook destination, a secret, and a URL the allow-list takes.</summary>
internal sealed class CallbacksOptionsValidator(IOptions<FacadeOptions> facade, IOptions<DeliveryOptions> delivery) : IValidateOptions<CallbacksOptions>
{
    public ValidateOptionsResult Validate(string? name, CallbacksOptions options)
    {
        var errors = new List<string>();
        errors.AddRange(options.AllowedHosts
            .Where(h => Uri.CheckHostName(h.Split(':')[0]) == UriHostNameType.Unknown)
            .Select(h => $"Callbacks:AllowedHosts: '{h}' is not a host name (or host:port)."));
        var routes = facade.Value.Routes;
        var calling = Enumerable.Range(0, routes.Count).Where(i => routes[i].Reply.HasCallbacks).ToList();
        if (calling.Count > 0 && !(delivery.Value.Destinations.TryGetValue(options.Destination, out var destination)
                                   && string.Equals(destination.Sink, "webhook", StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add($"Callbacks:Destination '{options.Destination}' must be a destination under Delivery:Destinations with Sink=webhook: " +
                "routes call back.");
        }

        foreach (var i in calling)
        {
            var reply = routes[i].Reply;
            var at = $"Facade:Routes:{i}:Reply";
            if (!WebhookSignature.IsValidSecret(reply.CallbackSecret))
            {
                errors.Add($"{at}:CallbackSecret must be whsec_ followed by base64 of 24 to 64 random bytes (Standard Webhooks).");
            }

            if (reply.CallbackUrl is { } url && !options.Allows(url))
            {
                errors.Add($"{at}:CallbackUrl '{url}' must be http(s) to a host in Callbacks:AllowedHosts.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
