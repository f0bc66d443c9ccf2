using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using PtClinic.Application.Common.Abstractions;
using PtClinic.Application.Common.Results;

namespace PtClinic.Application.Common.Behaviours;

/// <summary>
/// First in the pipeline: logs the message type, the user and the outcome. Never the message itself:
/// commands carry patient data.
/// </summary>
public sealed partial class LoggingBehaviour<TMessage, TResponse>(
    ILogger<LoggingBehaviour<TMessage, TResponse>> logger,
    ICurrentUser currentUser)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message,
        MessageHandlerDelegate<TMessage, TResponse> next,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        if (response is IResult { IsSuccess: false, Error: { } error })
        {
            LogFailed(logger, typeof(TMessage).Name, currentUser.UserId, error.Kind, elapsed);
        }
        else
        {
            LogHandled(logger, typeof(TMessage).Name, currentUser.UserId, elapsed);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} by user {UserId} succeeded in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string messageType, Guid? userId, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{MessageType} by user {UserId} failed with {ErrorKind} in {ElapsedMs:0.0} ms")]
    private static partial void LogFailed(ILogger logger, string messageType, Guid? userId, ErrorKind errorKind, double elapsedMs);
}
