namespace Sluice.Docs;

/// <summary>
/// What a tag of the OpenAPI document groups, declared with <see cref="Microsoft.AspNetCore.Builder.TagDescriptions.WithTag"/>;
/// the host's document transformer gives it to the tag.
/// </summary>
public sealed record TagDescription(string Name, string Description);
