namespace Sluice.Punches.Adms;

/// <summary>
/// Every route under <c>/iclock</c>, the ADMS push protocol, under the names newer (<c>/iclock/cdata</c>) and older
/// firmware (<c>/iclock/cdata.aspx</c>) call.
/// </summary>
internal static class AdmsApi
{
    public static IEndpointRouteBuilder MapAdmsApi(this IEndpointRouteBuilder app)
    {
        // Devices cannot send a bearer token or an API key: AdmsGate authenticates them by their comm key instead.
        var iclock = app.MapGroup("/iclock").WithTags("Devices (ADMS)").ExcludeFromDescription().AllowAnonymous();
        foreach (var suffix in (string[])["", ".aspx"])
        {
            iclock.MapGet("/cdata" + suffix, AdmsEndpoints.HandshakeAsync);
            iclock.MapPost("/cdata" + suffix, AdmsUploadEndpoints.UploadAsync);
            iclock.MapGet("/getrequest" + suffix, AdmsEndpoints.PollAsync);
            iclock.MapPost("/devicecmd" + suffix, AdmsEndpoints.CommandResultAsync);
        }

        return app;
    }
}
