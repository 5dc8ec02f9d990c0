using Microsoft.Extensions.Options;

namespace Sluice.Hosting;

/// <summary>Settings that list their own problems (every one, not the first), each as a sentence naming the setting.</summary>
internal interface ISelfValidatingOptions
{
    IEnumerable<string> Validate();
}

/// <summary>
/// Settings bound from their configuration section and checked when the host starts, so a bad value stops the start
/// (with every problem listed) rather than the first request that reads it.
/// </summary>
internal static class CheckedOptions
{
    public static IServiceCollection AddCheckedOptions<TOptions, TValidator>(this IServiceCollection services, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services;
    }

    public static IServiceCollection AddCheckedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class, ISelfValidatingOptions =>
        services.AddCheckedOptions<TOptions, SelfValidation<TOptions>>(section);

    private sealed class SelfValidation<TOptions> : IValidateOptions<TOptions>
        where TOptions : class, ISelfValidatingOptions
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var errors = options.Validate().ToList();
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
