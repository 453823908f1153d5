using Microsoft.Extensions.DependencyInjection;

namespace CompositionBenchmarks;

/// <summary>
/// One container built by the host's <c>AddMediator()</c> (which registers the module too), and the three ways in:
/// the module's own mediator (within the module), the host's mediator (across to the module, or within the host), and
/// each as the <c>IMediator</c> interface. Every component is a singleton, as the module declares them; the mediators
/// themselves are transient (docs/lifetimes.md), so each of these is one instance resolved once, and <see cref="Services"/>
/// is there for the rows that resolve the sender per operation, as an endpoint does.
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
        if (HostInterface is not Mediator)
        {
            throw new InvalidOperationException("IMediator is not the host's mediator: the composition is not what this benchmark measures.");
        }
    }

    public IServiceProvider Services => _provider;

    public Mediator Host { get; }

    public CompositionModule.Mediator Module { get; }

    public global::Mediator.IMediator HostInterface { get; }

    public global::Mediator.IMediator ModuleInterface => Module;

    public void Dispose() => _provider.Dispose();
}
