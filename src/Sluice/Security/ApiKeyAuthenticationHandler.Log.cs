namespace Sluice.Security;

internal sealed partial class ApiKeyAuthenticationHandler
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "API key refused ({Reason}); key id {KeyId}.")]
        public static partial void Refused(ILogger logger, Guid? keyId, string reason);
    }
}
