using Sluice.Security;

namespace Sluice.Punches.Timesheets.Page;

/// <summary>
/// The routes of HR's timesheet page under <c>/dashboard/timesheets</c>, a path below the host's dashboard that
/// this project cannot map with it; the handlers are <see cref="TimesheetPageEndpoints"/>.
/// </summary>
public static class TimesheetPageApi
{
    public const string PagePath = "/dashboard/timesheets";
    public const string ViewPath = "/dashboard/timesheets/view";

    public static IEndpointRouteBuilder MapTimesheetPageApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(PagePath, () => TimesheetPageEndpoints.Asset("timesheets.html", "text/html; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet(PagePath + ".js", () => TimesheetPageEndpoints.Asset("timesheets.js", "text/javascript; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        app.MapGet(ViewPath, TimesheetPageEndpoints.ViewAsync).WithTags("Exports")
            .AsOperation("GetTimesheetPage", SluicePolicies.Read, "HR's timesheet page (HTML, pt-BR): pick an establishment, an employee and a period; the table and links to the CSV and JSON.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html");
        return app;
    }
}
