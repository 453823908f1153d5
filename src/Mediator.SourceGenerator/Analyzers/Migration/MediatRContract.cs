namespace Mediator.SourceGenerator.Analyzers.Migration;

/// <summary>A MediatR contract a class can implement or derive from, as the migration code fix ports it.</summary>
internal enum MediatRContract
{
    /// <summary><c>IRequestHandler&lt;TRequest, TResponse&gt;</c>: <c>Task&lt;TResponse&gt; Handle(request, token)</c>.</summary>
    RequestHandler,

    /// <summary><c>IRequestHandler&lt;TRequest&gt;</c>: <c>Task&lt;Unit&gt;</c> (MediatR 5 to 11) or <c>Task</c> (12) <c>Handle(request, token)</c>.</summary>
    VoidRequestHandler,

    /// <summary><c>INotificationHandler&lt;TNotification&gt;</c>: <c>Task Handle(notification, token)</c>.</summary>
    NotificationHandler,

    /// <summary><c>IStreamRequestHandler&lt;TRequest, TItem&gt;</c> (MediatR 9+): the same shape as ours.</summary>
    StreamHandler,

    /// <summary><c>IPipelineBehavior&lt;TRequest, TResponse&gt;</c>, either parameter order.</summary>
    PipelineBehavior,

    /// <summary><c>IRequestPreProcessor&lt;TRequest&gt;</c>: <c>Task Process(request, token)</c>.</summary>
    PreProcessor,

    /// <summary><c>IRequestPostProcessor&lt;TRequest, TResponse&gt;</c>: <c>Task Process(request, response[, token])</c>.</summary>
    PostProcessor,

    /// <summary><c>IRequestExceptionHandler&lt;TRequest, TResponse, TException&gt;</c> (MediatR 8+).</summary>
    ExceptionHandler,

    /// <summary><c>IRequestExceptionAction&lt;TRequest, TException&gt;</c> (MediatR 8+).</summary>
    ExceptionAction,

    /// <summary>MediatR 5 to 9's base class <c>RequestHandler&lt;TRequest, TResponse&gt;</c>: <c>protected TResponse Handle(request)</c>.</summary>
    SyncRequestHandlerBase,

    /// <summary>MediatR 5 to 9's base class <c>RequestHandler&lt;TRequest&gt;</c>: <c>protected void Handle(request)</c>.</summary>
    SyncVoidRequestHandlerBase,

    /// <summary>MediatR 5 to 11's base class <c>AsyncRequestHandler&lt;TRequest&gt;</c>: <c>protected Task Handle(request, token)</c>.</summary>
    AsyncVoidRequestHandlerBase,

    /// <summary>MediatR 5 to 9's base class <c>NotificationHandler&lt;TNotification&gt;</c>: <c>protected void Handle(notification)</c>.</summary>
    SyncNotificationHandlerBase,
}
