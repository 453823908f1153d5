using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;

namespace Mediator.Testing.Tests.Fakes;

/// <summary>
/// A hand-written <see cref="IMediator"/> that reports to the <see cref="IDispatchObserver"/> the way generated
/// pipelines do: the observer is resolved once when the mediator is built, each middleware and handler is reported
/// just before it runs, on the dispatching flow and on its continuations (the awaits here use
/// <c>ConfigureAwait(false)</c> and real delays so that continuations run on other threads).
/// </summary>
public sealed class FakeMediator : IMediator
{
    private readonly IDispatchObserver? _observer;
    private readonly FakeBehaviour _behaviour;

    public FakeMediator(IServiceProvider services)
    {
        _observer = services.GetService<IDispatchObserver>();
        _behaviour = services.GetService<FakeBehaviour>() ?? new FakeBehaviour();
    }

    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<FakeBehaviour>();
        services.AddSingleton<IMediator, FakeMediator>();
    }

    public async ValueTask<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request)
        {
            case Ping ping:
                return (TResponse)(object)await SendPing(ping).ConfigureAwait(false);
            case Outer:
                _observer?.OnHandler(typeof(OuterHandler), typeof(Outer));
                return (TResponse)(object)await _behaviour.OnOuter().ConfigureAwait(false);
            default:
                throw new HandlerNotFoundException(request.GetType());
        }
    }

    public async ValueTask Send(IRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request is not Command)
        {
            throw new HandlerNotFoundException(request.GetType());
        }

        _observer?.OnMiddleware(typeof(MiddlewareA<Command, Unit>), typeof(Command), null);
        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        _observer?.OnHandler(typeof(CommandHandler), typeof(Command));
    }

    public IAsyncEnumerable<TItem> CreateStream<TItem>(IStreamRequest<TItem> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request is not Countdown countdown)
        {
            throw new HandlerNotFoundException(request.GetType());
        }

        return (IAsyncEnumerable<TItem>)(object)StreamCountdown(countdown, cancellationToken);
    }

    public ValueTask Publish<TNotification>(TNotification notification, CancellationToken cancellationToken = default)
        where TNotification : INotification
    {
        ArgumentNullException.ThrowIfNull(notification);
        return notification switch
        {
            OrderPlaced placed => PublishOrderPlaced(placed),
            Filtered => PublishFiltered(),
            ItemProduced => PublishItemProduced(),
            _ => default,
        };
    }

    // The object overloads, as the generated mediator has them: a switch on the run-time type to the typed paths above.
    public async ValueTask<object?> Send(object request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (request)
        {
            case Command command:
                await Send(command, cancellationToken).ConfigureAwait(false);
                return Unit.Value;
            case Ping ping:
                return await Send(ping, cancellationToken).ConfigureAwait(false);
            default:
                throw request is IMessage ? new HandlerNotFoundException(request.GetType()) : new NotAMessageException(request.GetType(), "Send");
        }
    }

    public ValueTask Publish(object notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return notification is INotification typed
            ? Publish(typed, cancellationToken)
            : throw new NotAMessageException(notification.GetType(), "Publish");
    }

    public IAsyncEnumerable<object?> CreateStream(object request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request is Countdown countdown
            ? BoxItems(StreamCountdown(countdown, cancellationToken))
            : throw new HandlerNotFoundException(request.GetType());
    }

    private static async IAsyncEnumerable<object?> BoxItems(IAsyncEnumerable<int> items)
    {
        await foreach (var item in items.ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private async ValueTask<Pong> SendPing(Ping ping)
    {
        _observer?.OnMiddleware(typeof(MiddlewareA<Ping, Pong>), typeof(Ping), null);
        await Task.Delay(1).ConfigureAwait(false);
        _observer?.OnMiddleware(typeof(MiddlewareB<Ping, Pong>), typeof(Ping), null);
        await _behaviour.BeforePingHandler().ConfigureAwait(false);
        _observer?.OnHandler(typeof(PingHandler), typeof(Ping));
        await Task.Yield();
        if (ping.Fail)
        {
            throw new InvalidOperationException($"Ping {ping.Id} failed.");
        }

        return new Pong(ping.Id);
    }

    private async ValueTask PublishOrderPlaced(OrderPlaced placed)
    {
        _observer?.OnMiddleware(typeof(PublishLogging<OrderPlaced>), typeof(OrderPlaced), null);
        await Task.Delay(1).ConfigureAwait(false);

        Func<int, Task> dropping = _ => throw new DropException("not for this shop");
        Func<int, Task> flaky = async attempt =>
        {
            await Task.Delay(1).ConfigureAwait(false);
            throw new RetryException($"attempt {attempt}: warehouse busy");
        };

        NotificationFailure?[] results = placed.Concurrent
            ? await Task.WhenAll(
                Deliver(typeof(DroppingHandler), dropping),
                Deliver(typeof(FlakyHandler), flaky)).ConfigureAwait(false)
            : new[]
            {
                await Deliver(typeof(DroppingHandler), dropping).ConfigureAwait(false),
                await Deliver(typeof(FlakyHandler), flaky).ConfigureAwait(false),
            };

        var failures = results.OfType<NotificationFailure>().ToList();
        if (failures.Count > 0)
        {
            throw new PublishException(typeof(OrderPlaced), failures);
        }
    }

    /// <summary>One handler's delivery, as NotificationDelivery does it: drop, retry up to the bound, or fail.</summary>
    private async Task<NotificationFailure?> Deliver(Type handlerType, Func<int, Task> handle)
    {
        var attempts = 0;
        while (true)
        {
            attempts++;
            try
            {
                _observer?.OnMiddleware(typeof(HandlerSideRetry<OrderPlaced>), typeof(OrderPlaced), handlerType);
                _observer?.OnHandler(handlerType, typeof(OrderPlaced));
                await handle(attempts).ConfigureAwait(false);
                _observer?.OnNotificationOutcome(typeof(OrderPlaced), handlerType, MessageOutcome.Completed, attempts, null);
                return null;
            }
            catch (DropException drop)
            {
                _observer?.OnNotificationOutcome(typeof(OrderPlaced), handlerType, MessageOutcome.Dropped, attempts, drop);
                return null;
            }
            catch (Exception error) when (error is not RetryException || attempts >= _behaviour.MaxAttempts)
            {
                _observer?.OnNotificationOutcome(typeof(OrderPlaced), handlerType, MessageOutcome.Failed, attempts, error);
                return new NotificationFailure(handlerType, error, attempts);
            }
            catch (RetryException)
            {
                await Task.Delay(1).ConfigureAwait(false);
            }
        }
    }

    private async ValueTask PublishFiltered()
    {
        await Task.Delay(1).ConfigureAwait(false);
        _observer?.OnMiddleware(typeof(PublishLogging<Filtered>), typeof(Filtered), null);
        _observer?.OnNotificationOutcome(typeof(Filtered), null, MessageOutcome.Dropped, 0, new DropException("filtered out"));
    }

    private async ValueTask PublishItemProduced()
    {
        await Task.Delay(1).ConfigureAwait(false);
        _observer?.OnHandler(typeof(ItemProducedHandler), typeof(ItemProduced));
        _observer?.OnNotificationOutcome(typeof(ItemProduced), typeof(ItemProducedHandler), MessageOutcome.Completed, 1, null);
    }

    /// <summary>The stream pipeline: middleware and handler start on the first read; the handler publishes before each item.</summary>
    private async IAsyncEnumerable<int> StreamCountdown(Countdown request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _observer?.OnMiddleware(typeof(StreamLogging<Countdown, int>), typeof(Countdown), null);
        await Task.Delay(1, cancellationToken).ConfigureAwait(false);
        _observer?.OnHandler(typeof(CountdownHandler), typeof(Countdown));
        for (var item = 1; item <= request.Count; item++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item - 1 == request.FailAfter)
            {
                throw new InvalidOperationException($"Countdown broke after {request.FailAfter} items.");
            }

            // A nested dispatch through this same mediator, after a yield: it runs inside the reader's MoveNextAsync.
            await Publish(new ItemProduced(item), cancellationToken).ConfigureAwait(false);
            yield return item;
        }
    }
}
