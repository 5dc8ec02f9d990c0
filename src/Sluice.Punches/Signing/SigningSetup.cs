using Microsoft.Extensions.Options;

namespace Sluice.Punches.Signing;

internal static class SigningSetup
{
    public static WebApplicationBuilder AddSigning(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SigningOptions>, SigningOptionsValidator>();
        builder.Services.AddSingleton<SigningKey>();
        return builder;
    }
}
