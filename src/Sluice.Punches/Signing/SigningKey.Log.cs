namespace Sluice.Punches.Signing;

internal sealed partial class SigningKey
{
    private static partial class Log
    {
        [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Signing with '{Subject}' issued by '{Issuer}' (SHA-256 {Thumbprint}), valid until {NotAfter:u}.")]
        public static partial void Loaded(ILogger logger, string subject, string issuer, string thumbprint, DateTime notAfter);

        [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "The signing certificate checked at start cannot be read now: {Problem}")]
        public static partial void Unreadable(ILogger logger, string problem);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "A signed output was refused: {Reason}.")]
        public static partial void Refused(ILogger logger, string reason);
    }
}
