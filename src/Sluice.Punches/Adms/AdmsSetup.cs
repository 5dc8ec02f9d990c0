using Sluice.Hosting;
using Sluice.Journal.Modules;
using Sluice.Punches.Adms.Rejected;

namespace Sluice.Punches.Adms;

internal static class AdmsSetup
{
    public static WebApplicationBuilder AddAdms(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdmsOptions>().BindConfiguration(AdmsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddJsonContext(AdmsJsonContext.Default);
        builder.Services.AddSingleton<IJournalModule, AdmsModule>();
        builder.Services.AddSingleton<RejectedLinesStore>();
        builder.Services.AddSingleton<AdmsLinesStore>();
        builder.Services.AddHostedService<AdmsLinesPruner>();
        builder.Services.AddSingleton<AdmsSessions>();
        builder.Services.AddSingleton<AdmsGate>();
        builder.Services.AddSingleton<AdmsUploadLimiter>();
        return builder;
    }
}
