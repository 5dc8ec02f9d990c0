namespace Sluice.Punches.Adms;

/// <summary>
/// The status a device attaches to a punch. Informational only: many devices always send 0 (in), so Sluice
/// pairs punches by time (see the timesheets), never by this code.
/// </summary>
internal enum AttlogStatus
{
    CheckIn = 0,
    CheckOut = 1,
    BreakOut = 2,
    BreakIn = 3,
    OvertimeIn = 4,
    OvertimeOut = 5,
}
