using Microsoft.Extensions.DependencyInjection;

namespace Mediator.Testing.Tests.Fakes;

internal static class Clients
{
    /// <summary>A client over the fake mediator, as a test would create one over the generated <c>AddMediator()</c>.</summary>
    public static MediatorTestClient Create(Action<IServiceCollection>? configure = null)
        => MediatorTestClient.Create(services =>
        {
            FakeMediator.Register(services);
            configure?.Invoke(services);
        });

    public static FakeBehaviour Behaviour(this MediatorTestClient client) => client.Services.GetRequiredService<FakeBehaviour>();
}
