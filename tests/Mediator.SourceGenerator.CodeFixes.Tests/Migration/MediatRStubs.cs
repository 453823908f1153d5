namespace Mediator.SourceGenerator.CodeFixes.Tests.Migration;

/// <summary>
/// MediatR's public API by name and shape, for the tests to compile "before" code against (the code fix recognises
/// MediatR by name, so these stand in for the package). <see cref="V5"/> is MediatR 5.1.0's, checked against the
/// package's assembly (its exported types and signatures); <see cref="V12"/> is MediatR 12's, for the contracts 5 lacks
/// (streams, exception handlers and actions, the behaviour's (request, next, token) order, void handlers returning Task).
/// </summary>
internal static class MediatRStubs
{
    public const string V5 = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace MediatR
        {
            public interface IBaseRequest { }
            public interface IRequest<out TResponse> : IBaseRequest { }
            public interface IRequest : IRequest<Unit> { }
            public interface INotification { }
            public interface IRequestHandler<in TRequest, TResponse> where TRequest : IRequest<TResponse>
            {
                Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
            }
            public interface IRequestHandler<in TRequest> : IRequestHandler<TRequest, Unit> where TRequest : IRequest<Unit> { }
            public interface INotificationHandler<in TNotification> where TNotification : INotification
            {
                Task Handle(TNotification notification, CancellationToken cancellationToken);
            }
            public delegate Task<TResponse> RequestHandlerDelegate<TResponse>();
            public interface IPipelineBehavior<in TRequest, TResponse>
            {
                Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next);
            }
            public abstract class RequestHandler<TRequest, TResponse> : IRequestHandler<TRequest, TResponse> where TRequest : IRequest<TResponse>
            {
                Task<TResponse> IRequestHandler<TRequest, TResponse>.Handle(TRequest request, CancellationToken cancellationToken) => Task.FromResult(Handle(request));
                protected abstract TResponse Handle(TRequest request);
            }
            public abstract class RequestHandler<TRequest> : IRequestHandler<TRequest> where TRequest : IRequest
            {
                Task<Unit> IRequestHandler<TRequest, Unit>.Handle(TRequest request, CancellationToken cancellationToken) { Handle(request); return Unit.Task; }
                protected abstract void Handle(TRequest request);
            }
            public abstract class AsyncRequestHandler<TRequest> : IRequestHandler<TRequest> where TRequest : IRequest
            {
                async Task<Unit> IRequestHandler<TRequest, Unit>.Handle(TRequest request, CancellationToken cancellationToken) { await Handle(request, cancellationToken); return Unit.Value; }
                protected abstract Task Handle(TRequest request, CancellationToken cancellationToken);
            }
            public abstract class NotificationHandler<TNotification> : INotificationHandler<TNotification> where TNotification : INotification
            {
                Task INotificationHandler<TNotification>.Handle(TNotification notification, CancellationToken cancellationToken) { Handle(notification); return Task.CompletedTask; }
                protected abstract void Handle(TNotification notification);
            }
            public struct Unit : IEquatable<Unit>
            {
                public static readonly Unit Value = new Unit();
                public static readonly Task<Unit> Task = System.Threading.Tasks.Task.FromResult(Value);
                public bool Equals(Unit other) => true;
            }
            public delegate object ServiceFactory(Type serviceType);
            public interface IMediator
            {
                Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);
                Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default) where TNotification : INotification;
            }
            public class Mediator : IMediator
            {
                public Mediator(ServiceFactory serviceFactory) { }
                public Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default) => throw new NotImplementedException();
                public Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default) where TNotification : INotification => throw new NotImplementedException();
            }
        }

        namespace MediatR.Pipeline
        {
            public interface IRequestPreProcessor<in TRequest>
            {
                Task Process(TRequest request, CancellationToken cancellationToken);
            }
            public interface IRequestPostProcessor<in TRequest, in TResponse>
            {
                Task Process(TRequest request, TResponse response);
            }
            public class RequestPreProcessorBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
            {
                public RequestPreProcessorBehavior(IEnumerable<IRequestPreProcessor<TRequest>> preProcessors) { }
                public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) => next();
            }
            public class RequestPostProcessorBehavior<TRequest, TResponse> : IPipelineBehavior<TRequest, TResponse>
            {
                public RequestPostProcessorBehavior(IEnumerable<IRequestPostProcessor<TRequest, TResponse>> postProcessors) { }
                public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) => next();
            }
        }
        """;

    public const string V12 = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;

        namespace MediatR
        {
            public interface IBaseRequest { }
            public interface IRequest<out TResponse> : IBaseRequest { }
            public interface IRequest : IBaseRequest { }
            public interface INotification { }
            public interface IStreamRequest<out TResponse> { }
            public interface IRequestHandler<in TRequest, TResponse> where TRequest : IRequest<TResponse>
            {
                Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
            }
            public interface IRequestHandler<in TRequest> where TRequest : IRequest
            {
                Task Handle(TRequest request, CancellationToken cancellationToken);
            }
            public interface INotificationHandler<in TNotification> where TNotification : INotification
            {
                Task Handle(TNotification notification, CancellationToken cancellationToken);
            }
            public interface IStreamRequestHandler<in TRequest, out TResponse> where TRequest : IStreamRequest<TResponse>
            {
                IAsyncEnumerable<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
            }
            public delegate Task<TResponse> RequestHandlerDelegate<TResponse>();
            public interface IPipelineBehavior<in TRequest, TResponse> where TRequest : notnull
            {
                Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken);
            }
            public struct Unit { public static readonly Unit Value = new Unit(); }
            public interface ISender
            {
                Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);
                Task Send<TRequest>(TRequest request, CancellationToken cancellationToken = default) where TRequest : IRequest;
            }
            public interface IPublisher
            {
                Task Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default) where TNotification : INotification;
            }
            public interface IMediator : ISender, IPublisher { }
        }

        namespace MediatR.Pipeline
        {
            public interface IRequestPreProcessor<in TRequest> where TRequest : notnull
            {
                Task Process(TRequest request, CancellationToken cancellationToken);
            }
            public interface IRequestPostProcessor<in TRequest, in TResponse> where TRequest : notnull
            {
                Task Process(TRequest request, TResponse response, CancellationToken cancellationToken);
            }
            public sealed class RequestExceptionHandlerState<TResponse>
            {
                public bool Handled { get; private set; }
                public TResponse? Response { get; private set; }
                public void SetHandled(TResponse response) { Handled = true; Response = response; }
            }
            public interface IRequestExceptionHandler<in TRequest, TResponse, in TException> where TRequest : notnull where TException : Exception
            {
                Task Handle(TRequest request, TException exception, RequestExceptionHandlerState<TResponse> state, CancellationToken cancellationToken);
            }
            public interface IRequestExceptionAction<in TRequest, in TException> where TRequest : notnull where TException : Exception
            {
                Task Execute(TRequest request, TException exception, CancellationToken cancellationToken);
            }
        }

        namespace Microsoft.Extensions.DependencyInjection
        {
            public static class MediatRRegistrations
            {
                public static IServiceCollection AddMediatR(this IServiceCollection services, Action<object> configuration) => services;
            }
        }
        """;

    /// <summary>
    /// The container's registration methods, in a project of their own that both MediatR and the app reference (it
    /// stays after the swap); <c>AddMediator</c> stands in for the one the generator writes.
    /// </summary>
    public const string Services = """
        using System;

        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IServiceCollection { }
            public static class Registrations
            {
                public static IServiceCollection AddTransient<TService, TImplementation>(this IServiceCollection services) => services;
                public static IServiceCollection AddSingleton<TService>(this IServiceCollection services, Func<IServiceProvider, TService> factory) => services;
                public static IServiceCollection AddTransient(this IServiceCollection services, Type service, Type implementation) => services;
                public static IServiceCollection AddSingleton<TService, TImplementation>(this IServiceCollection services) => services;
                public static IServiceCollection AddMediator(this IServiceCollection services) => services;
            }
        }
        """;

    /// <summary>
    /// This library's processor contracts as branch i19-processors specifies them (namespace Mediator, ValueTask), for
    /// the app to compile against after the swap until that branch is on main.
    /// </summary>
    public const string OurProcessors = """
        using System;
        using System.Threading;
        using System.Threading.Tasks;

        namespace Mediator
        {
            public interface IRequestPreProcessor<in TRequest>
            {
                ValueTask Process(TRequest request, CancellationToken cancellationToken);
            }
            public interface IRequestPostProcessor<in TRequest, in TResponse>
            {
                ValueTask Process(TRequest request, TResponse response, CancellationToken cancellationToken);
            }
            public sealed class RequestExceptionHandlerState<TResponse>
            {
                public void SetHandled(TResponse response) { }
            }
            public interface IRequestExceptionHandler<in TRequest, TResponse, in TException> where TException : Exception
            {
                ValueTask Handle(TRequest request, TException exception, RequestExceptionHandlerState<TResponse> state, CancellationToken cancellationToken);
            }
            public interface IRequestExceptionAction<in TRequest, in TException> where TException : Exception
            {
                ValueTask Execute(TRequest request, TException exception, CancellationToken cancellationToken);
            }
        }
        """;
}
