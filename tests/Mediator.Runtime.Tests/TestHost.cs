using Microsoft.Extensions.DependencyInjection;

namespace RuntimeTests;

/// <summary>A container with the generated registrations, as an application would build it.</summary>
public sealed class TestHost : IDisposable
{
    private TestHost(ServiceProvider provider)
    {
        Provider = provider;
        Mediator = provider.GetRequiredService<Mediator>();
        Recorder = provider.GetRequiredService<Recorder>();
    }

    public ServiceProvider Provider { get; }

    public Mediator Mediator { get; }

    public Recorder Recorder { get; }

    public static TestHost Create(bool validateScopes = false, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<Recorder>();
        services.AddSingleton<RendezvousProbe>();
        services.AddSingleton<OutcomeProbe>();
        services.AddSingleton<StreamProbe>();
        services.AddScoped<ScopeMarker>();
        configure?.Invoke(services);
        services.AddMediator();
        return new TestHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = validateScopes }));
    }

    public void Dispose() => Provider.Dispose();
}
