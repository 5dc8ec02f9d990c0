namespace Sluice.Punches.Ledger;

/// <summary>
/// Writes the type 6 "07" (and "02" after an unrecorded stop) when the host starts and "08" when it stops in good order.
/// Registered after the journal, so it starts once the schema is in place and stops before the journal's writer does;
/// a shutdown that drains requests first should stop this after its drain.
/// </summary>
internal sealed partial class ServiceEventsService(ServiceEvents events, ILogger<ServiceEventsService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // A REP-P that cannot record it is serving must not serve: a failure here fails the start.
        if (await events.RecordStartAsync(cancellationToken))
        {
            LogUncleanStop(events.NodeId);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await events.RecordStopAsync(cancellationToken);
        }
        catch (Exception ex)
        {
            // Nothing is lost: with no "08" recorded, the next start writes "02", the regulation's mark of an unrecorded stop.
            LogStopNotRecorded(ex, events.NodeId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Node {NodeId} had stopped without recording it: type 6 event 02 written before 07.")]
    private partial void LogUncleanStop(string nodeId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Node {NodeId} could not record its stop (type 6 event 08); its next start will record 02.")]
    private partial void LogStopNotRecorded(Exception exception, string nodeId);
}
