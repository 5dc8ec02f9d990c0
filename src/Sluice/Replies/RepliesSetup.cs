using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Sluice.Delivery.Engine;
using Sluice.Delivery.Sinks.Webhook;
using Sluice.Replies.Callbacks;

namespace Sluice.Replies;

internal static class RepliesSetup
{
    public static WebApplicationBuilder AddReplies(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RepliesOptions>().BindConfiguration(RepliesOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RepliesOptions>, RepliesOptionsValidator>();
        services.AddSingleton<ReplyWaiter>();
        services.AddOptions<CallbacksOptions>().BindConfiguration(CallbacksOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CallbacksOptions>, CallbacksOptionsValidator>();
        services.AddSingleton<IWebhookSecrets, RouteCallbackSecrets>();
        services.AddSingleton<IOutcomeFollowUps, CallbackFollowUps>();
        services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolverChain.Add(RepliesJsonContext.Default));
        services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddOperationTransformer<PreferWaitTransformer>());
        return builder;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ReplyPending))]
[JsonSerializable(typeof(CallbackPayload))]
internal sealed partial class RepliesJsonContext : JsonSerializerContext;
