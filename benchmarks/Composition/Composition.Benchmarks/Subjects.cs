using Microsoft.Extensions.DependencyInjection;

namespace CompositionBenchmarks;

/// <summary>
/// One container built by the host's <c>AddMediator()</c> (which registers the module too), and the three ways in:
/// the module's own mediator (within the module), the host's mediator (across to the module, or within the host), and
/// each as the <c>ISender</c>/<c>IPublisher</c> interface. Every component is a singleton, as the module declares them.
/// </summary>
internal sealed class Subjects : IDisposable
{
    private readonly ServiceProvider _provider;

    public Subjects()
    {
        _provider = new ServiceCollection().AddMediator().BuildServiceProvider();
        Host = _provider.GetRequiredService<Mediator>();
        Module = _provider.GetRequiredService<CompositionModule.Mediator>();
        HostInterface = _provider.GetRequiredService<global::Mediator.IMediator>();
        if (!ReferenceEquals(HostInterface, Host))
        {
            throw new InvalidOperationException("IMediator is not the host's mediator: the composition is not what this benchmark measures.");
        }
    }

    public Mediator Host { get; }

    public CompositionModule.Mediator Module { get; }

    public global::Mediator.IMediator HostInterface { get; }

    public global::Mediator.IMediator ModuleInterface => Module;

    public void Dispose() => _provider.Dispose();
}
