using System;

namespace Mediator.Publishing;

/// <summary>
/// What generated notification pipelines share: the retry policy, the clock for back-off, the optional dead-letter
/// sink and the optional observer. <c>AddMediator()</c> registers it; it reads whatever of those the container has.
/// </summary>
public sealed class PublishRuntime
{
    /// <summary>Creates the runtime from its parts.</summary>
    /// <param name="options">The retry policy.</param>
    /// <param name="timeProvider">The clock that times back-off (a fake one in tests).</param>
    /// <param name="deadLetters">Receives failed deliveries; optional.</param>
    /// <param name="observer">Sees outcomes; optional.</param>
    public PublishRuntime(PublishOptions options, TimeProvider timeProvider, IDeadLetterSink? deadLetters, IDispatchObserver? observer)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        TimeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        DeadLetters = deadLetters;
        Observer = observer;
    }

    /// <summary>The retry policy.</summary>
    public PublishOptions Options { get; }

    /// <summary>The clock that times back-off.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Receives failed deliveries, when registered.</summary>
    public IDeadLetterSink? DeadLetters { get; }

    /// <summary>Sees outcomes, when registered.</summary>
    public IDispatchObserver? Observer { get; }

    /// <summary>
    /// Builds the runtime from a container: <see cref="PublishOptions"/>, <see cref="System.TimeProvider"/>,
    /// <see cref="IDeadLetterSink"/> and <see cref="IDispatchObserver"/> when registered, defaults otherwise.
    /// </summary>
    /// <param name="services">The container.</param>
    public static PublishRuntime FromServices(IServiceProvider services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        return new PublishRuntime(
            services.GetService(typeof(PublishOptions)) as PublishOptions ?? new PublishOptions(),
            services.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System,
            services.GetService(typeof(IDeadLetterSink)) as IDeadLetterSink,
            services.GetService(typeof(IDispatchObserver)) as IDispatchObserver);
    }
}
