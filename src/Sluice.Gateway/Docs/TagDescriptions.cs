using Sluice.Docs;

// Beside ASP.NET Core's own WithTags, as YARP's MapReverseProxy is beside MapGet: route tables use it without a using.
namespace Microsoft.AspNetCore.Builder;

public static class TagDescriptions
{
    /// <summary>
    /// Tags the endpoints with <paramref name="name"/> and says what the tag groups, for the reference's navigation.
    /// Once per tag is enough, where its routes are declared; other routes may use <c>WithTags</c> alone.
    /// </summary>
    public static TBuilder WithTag<TBuilder>(this TBuilder builder, string name, string description)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithTags(name).WithMetadata(new TagDescription(name, description));
}
