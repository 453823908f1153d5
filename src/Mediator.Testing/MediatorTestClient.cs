using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Mediator.Testing.Recording;
using Microsoft.Extensions.DependencyInjection;

namespace Mediator.Testing;

/// <summary>
/// Runs the real mediator built from your registrations and records what happened to each message dispatched
/// through it: the middlewares and handlers in the order they ran, each notification handler's outcome and
/// attempts, the response, the stream items and the exception. A test asserts on <see cref="Dispatches"/> without an
/// emulator or a hand-built container.
/// </summary>
/// <remarks>
/// <para>
/// The client registers its recorder as the one <see cref="IDispatchObserver"/> (replacing any you registered) in a
/// copy of your service collection and builds the provider with scope validation. Each dispatch made through the
/// client's methods runs in a dependency-injection scope of its own, disposed when the dispatch ends (for a stream, when
/// its enumeration ends), so scoped handlers and middleware work as they do per request in ASP.NET Core; dispatches
/// that must share one scope (with each other, or with what the test arranges) go through <see cref="CreateScope"/>.
/// The generated pipelines report to the observer on the dispatching flow, and the client keeps the record of the
/// dispatch in progress in an <see cref="System.Threading.AsyncLocal{T}"/>, so concurrent dispatches each get their own
/// record.
/// </para>
/// <para>
/// Dispatches made through <see cref="Mediator"/> (resolved from the root provider, so it refuses scoped pipelines with
/// <see cref="ScopeRequiredException"/>) or an <see cref="IMediator"/> resolved from <see cref="Services"/>
/// rather than through the client's or a <see cref="MediatorTestScope"/>'s methods have no record: what their pipelines report goes to
/// <see cref="Unattributed"/>. A handler that dispatches again through an injected mediator runs on the flow of the
/// outer dispatch, so those steps land in the outer record.
/// </para>
/// </remarks>
public sealed partial class MediatorTestClient : IDisposable, IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly DispatchRecorder _recorder = new();
    private bool _disposed;

    /// <summary>Builds the mediator from <paramref name="services"/>, with the client's recorder as its observer.</summary>
    /// <param name="services">
    /// Registrations on which the generated <c>services.AddMediator()</c> was called, plus whatever the handlers and
    /// middlewares need. The collection is copied, not modified.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="InvalidOperationException">No <see cref="IMediator"/> is registered.</exception>
    public MediatorTestClient(IServiceCollection services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        IServiceCollection copy = new ServiceCollection();
        foreach (var descriptor in services.Where(d => !IsObserver(d)))
        {
            copy.Add(descriptor);
        }

        copy.AddSingleton<IDispatchObserver>(_recorder);
        _provider = copy.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        try
        {
            Mediator = _provider.GetService<IMediator>()
                ?? throw new InvalidOperationException(
                    "No IMediator is registered. Call the generated services.AddMediator() on the collection before creating the client.");
        }
        catch
        {
            _provider.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The mediator resolved from the root provider. Dispatches made on it directly are recorded in <see cref="Unattributed"/>;
    /// a pipeline with a scoped component refuses it (<see cref="ScopeRequiredException"/>).
    /// </summary>
    public IMediator Mediator { get; }

    /// <summary>The provider the client built (scopes are validated). Disposed with the client.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>One record per dispatch made through the client since it was created or cleared, in the order the dispatches started. A snapshot.</summary>
    public IReadOnlyList<DispatchRecord> Dispatches => _recorder.Dispatches;

    /// <summary>What the pipelines reported while no dispatch of the client was in progress on their flow (the mediator was called directly).</summary>
    public ObservedActivity Unattributed => _recorder.Unattributed;

    /// <summary>Creates a client from a fresh service collection.</summary>
    /// <param name="configure">Registers the mediator (the generated <c>services.AddMediator()</c>) and what it needs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is null.</exception>
    /// <exception cref="InvalidOperationException">No <see cref="IMediator"/> is registered.</exception>
    public static MediatorTestClient Create(Action<IServiceCollection> configure)
    {
        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        var services = new ServiceCollection();
        configure(services);
        return new MediatorTestClient(services);
    }

    /// <summary>The records of the dispatches whose message is a <typeparamref name="TMessage"/>, in start order.</summary>
    /// <typeparam name="TMessage">The message type, or a base type or interface of it.</typeparam>
    public IReadOnlyList<DispatchRecord> DispatchesOf<TMessage>()
        => Dispatches.Where(d => d.Message is TMessage).ToArray();

    /// <summary>
    /// Forgets the records and the unattributed activity. A dispatch still running keeps filling its own record but
    /// is no longer listed in <see cref="Dispatches"/>.
    /// </summary>
    public void Clear() => _recorder.Clear();

    /// <summary>Disposes the provider the client built, and with it the services it created.</summary>
    public void Dispose()
    {
        _disposed = true;
        _provider.Dispose();
    }

    /// <summary>Disposes the provider the client built, and with it the services it created, asynchronously.</summary>
    public ValueTask DisposeAsync()
    {
        _disposed = true;
        return _provider.DisposeAsync();
    }

    private static bool IsObserver(ServiceDescriptor descriptor)
        => descriptor.ServiceType == typeof(IDispatchObserver) && !descriptor.IsKeyedService;

    /// <summary>
    /// Opens a scope the test holds: its dispatches share the scope's instances and are recorded here. Each dispatch made
    /// on the client itself runs in a scope of its own instead.
    /// </summary>
    /// <returns>The scope; dispose it at the end of the test.</returns>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public MediatorTestScope CreateScope()
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(MediatorTestClient));
        }

        var scope = _provider.CreateAsyncScope();
        try
        {
            return new MediatorTestScope(this, scope);
        }
        catch
        {
            scope.Dispose();
            throw;
        }
    }

    internal DispatchRecord BeginInScope(object message, DispatchMode mode) => Begin(message, mode);

    private DispatchRecord Begin(object message, DispatchMode mode)
    {
        if (_disposed)
        {
            throw new ObjectDisposedException(nameof(MediatorTestClient));
        }

        return _recorder.Begin(message, mode);
    }
}
